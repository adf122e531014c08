import type { StaffModule } from '../modules.ts';
import { importsScreens } from './screens/imports.ts';

/**
 * Outcome monitoring after return: follow-ups, answers, scores, alerts and referrals. Each part keeps its screens
 * in screens/<part>.ts.
 */
export const outcomesModule: StaffModule = {
  id: 'outcomes',
  label: 'outcomes.imports.module',
  screens: [...importsScreens],
};
