import type { StaffScreen } from '../../modules.ts';

/** The screens of the outcome dashboards part: the dashboard of aggregates by zone, cohort and round. */
export const dashboardScreens: StaffScreen[] = [
  {
    path: 'outcomes/dashboard',
    label: 'outcomes.dashboard.title',
    permission: 'outcome:dashboard',
    load: () => import('../dashboard/DashboardPage.tsx'),
  },
];
