import type { StaffScreen } from '../../modules.ts';

/**
 * The screens of the cases module's movements part: the planner (with the notices), the notices alone (for
 * everyone who reads cases), the arrivals log, the network.
 */
export const movementsScreens: StaffScreen[] = [
  {
    path: 'cases/movements',
    label: 'cases.movements.title',
    permission: 'movement:plan',
    load: () => import('../movements/MovementsPage.tsx'),
  },
  {
    path: 'cases/notices',
    label: 'cases.notices.title',
    permission: 'case:read',
    load: () => import('../movements/NoticesPage.tsx'),
  },
  {
    path: 'cases/arrivals',
    label: 'cases.arrivals.title',
    permission: 'arrival:record',
    load: () => import('../movements/ArrivalsPage.tsx'),
  },
  { path: 'cases/network', label: 'cases.network.title', load: () => import('../movements/NetworkPage.tsx') },
];
