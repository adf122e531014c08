import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's commitments: the tracker, one commitment, and the scorecard. */
export const commitmentsScreens: StaffScreen[] = [
  {
    path: 'forum/commitments',
    label: 'forumCommitments.tracker.title',
    permission: 'forum:read',
    load: () => import('../commitments/CommitmentsPage.tsx'),
  },
  {
    path: 'forum/commitments/:id',
    label: 'forumCommitments.item.screen',
    permission: 'forum:read',
    nav: false,
    load: () => import('../commitments/CommitmentPage.tsx'),
  },
  {
    path: 'forum/scorecard',
    label: 'forumCommitments.scorecard.title',
    permission: 'forum:read',
    load: () => import('../commitments/ScorecardPage.tsx'),
  },
];
