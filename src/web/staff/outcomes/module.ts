import type { StaffModule } from '../modules.ts';
import { followUpScreens } from './screens/follow-ups.ts';

/**
 * Outcome monitoring after return: the follow-ups of returned households and their answers. Each part keeps its
 * screens in screens/<part>.ts.
 */
export const outcomesModule: StaffModule = {
  id: 'outcomes',
  label: 'outcomes.module',
  screens: [...followUpScreens],
};
