import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's flags: the flag inbox and one flag. */
export const flagsScreens: StaffScreen[] = [
  {
    path: 'forum/flags',
    label: 'forumFlags.inbox.title',
    permission: 'forum:read',
    load: () => import('../flags/FlagsPage.tsx'),
  },
  {
    path: 'forum/flags/:id',
    label: 'forumFlags.item.screen',
    permission: 'forum:read',
    nav: false,
    load: () => import('../flags/FlagPage.tsx'),
  },
];
