import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's meetings: the list (with scheduling) and one meeting. */
export const meetingsScreens: StaffScreen[] = [
  {
    path: 'forum/meetings',
    label: 'forumMeetings.list.title',
    permission: 'forum:read',
    load: () => import('../meetings/MeetingsPage.tsx'),
  },
  {
    path: 'forum/meetings/:id',
    label: 'forumMeetings.meeting.screen',
    permission: 'forum:read',
    nav: false,
    load: () => import('../meetings/MeetingPage.tsx'),
  },
];
