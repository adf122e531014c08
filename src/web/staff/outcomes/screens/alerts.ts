import type { StaffScreen } from '../../modules.ts';

/** The screens of outcome monitoring's alerts part: the queue, one alert, referrals and a household's timeline. */
export const alertsScreens: StaffScreen[] = [
  {
    path: 'outcomes/alerts',
    label: 'outcomes.alerts.queue.title',
    permission: 'alert:handle',
    load: () => import('../alerts/AlertsQueuePage.tsx'),
  },
  {
    path: 'outcomes/alerts/:alertId',
    label: 'outcomes.alerts.page.label',
    permission: 'alert:handle',
    load: () => import('../alerts/AlertPage.tsx'),
    nav: false,
  },
  {
    path: 'outcomes/referrals',
    label: 'outcomes.referrals.title',
    permission: 'referral:receive',
    load: () => import('../alerts/ReferralsPage.tsx'),
  },
  {
    path: 'outcomes/households/:householdId',
    label: 'outcomes.timeline.label',
    permission: 'outcome:read',
    load: () => import('../alerts/HouseholdTimelinePage.tsx'),
    nav: false,
  },
];
