import type { StaffScreen } from '../../modules.ts';

/** The screens of the cases module's choice part: the decisions queue, and the counselling form of a household. */
export const choiceScreens: StaffScreen[] = [
  {
    path: 'cases/decisions',
    label: 'casesChoice.queue.title',
    permission: 'case:decide',
    load: () => import('../choice/DecisionsQueuePage.tsx'),
  },
  {
    path: 'cases/households/:id/counselling',
    label: 'casesChoice.counselling.title',
    permission: 'case:counsel',
    nav: false,
    load: () => import('../choice/CounsellingPage.tsx'),
  },
];
