import type { StaffModule } from '../modules.ts';
import { alertsScreens } from './screens/alerts.ts';

/**
 * Outcome monitoring after return: each part keeps its screens in screens/<part>.ts (alerts, referrals and the
 * household timeline in screens/alerts.ts).
 */
export const outcomesModule: StaffModule = {
  id: 'outcomes',
  label: 'outcomes.module',
  screens: [...alertsScreens],
};
