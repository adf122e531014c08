import type { StaffModule } from '../modules.ts';

/**
 * Returnee cases: search by blind index, households and their members, the voluntariness file and counselling,
 * eligibility with its reasons, decisions and appeals with their deadlines, movements and arrivals.
 */
export const casesModule: StaffModule = {
  id: 'cases',
  label: 'cases.module',
  screens: [],
};
