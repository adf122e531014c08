import type { StaffScreen } from '../../modules.ts';

/** The screens of the cases module's appeals part: the reviewers' queue (the household page shows its appeals). */
export const appealsScreens: StaffScreen[] = [
  {
    path: 'cases/appeals',
    label: 'casesAppeals.queue.title',
    permission: 'appeal:review',
    load: () => import('../appeals/AppealsQueuePage.tsx'),
  },
];
