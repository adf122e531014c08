import type { StaffScreen } from '../../modules.ts';

/** The screens of the follow-ups part: the follow-ups due, one follow-up, and entering its answers. */
export const followUpScreens: StaffScreen[] = [
  {
    path: 'outcomes/follow-ups',
    label: 'outcomes.followUps.title',
    permission: 'followup:record',
    load: () => import('../follow-ups/FollowUpsPage.tsx'),
  },
  {
    path: 'outcomes/follow-ups/:id',
    label: 'outcomes.followUps.screen',
    permission: 'followup:record',
    nav: false,
    load: () => import('../follow-ups/FollowUpPage.tsx'),
  },
  {
    path: 'outcomes/follow-ups/:id/answers',
    label: 'outcomes.followUps.answers.screen',
    permission: 'followup:record',
    nav: false,
    load: () => import('../follow-ups/FollowUpAnswers.tsx'),
  },
];
