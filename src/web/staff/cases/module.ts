import type { StaffModule } from '../modules.ts';
import { appealsScreens } from './screens/appeals.ts';
import { choiceScreens } from './screens/choice.ts';
import { movementsScreens } from './screens/movements.ts';
import { peopleScreens } from './screens/people.ts';

/**
 * Returnee cases: search by blind index, households and their members, the voluntariness file and counselling,
 * eligibility with its reasons, decisions and appeals with their deadlines, movements and arrivals. Each part
 * keeps its screens in screens/<part>.ts.
 */
export const casesModule: StaffModule = {
  id: 'cases',
  label: 'cases.module',
  screens: [...peopleScreens, ...choiceScreens, ...appealsScreens, ...movementsScreens],
};
