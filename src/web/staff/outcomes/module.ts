import type { StaffModule } from '../modules.ts';
import { alertsScreens } from './screens/alerts.ts';
import { dashboardScreens } from './screens/dashboard.ts';
import { followUpScreens } from './screens/follow-ups.ts';
import { importsScreens } from './screens/imports.ts';
import { instrumentScreens } from './screens/instruments.ts';

/**
 * Outcome monitoring after return: survey instruments, follow-ups, answers, scores, alerts and referrals. Each
 * part keeps its screens in screens/<part>.ts.
 */
export const outcomesModule: StaffModule = {
  id: 'outcomes',
  label: 'outcomes.module',
  screens: [...dashboardScreens, ...followUpScreens, ...alertsScreens, ...instrumentScreens, ...importsScreens],
};
