import type { StaffModule } from '../modules.ts';
import { dashboardScreens } from './screens/dashboard.ts';

/**
 * Outcome monitoring: follow-ups, answers, alerts and referrals, and the dashboards. Each part keeps its screens in
 * screens/<part>.ts.
 */
export const outcomesModule: StaffModule = {
  id: 'outcomes',
  label: 'outcomes.dashboard.moduleLabel',
  screens: [...dashboardScreens],
};
