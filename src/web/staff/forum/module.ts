import type { StaffModule } from '../modules.ts';
import { commitmentsScreens } from './screens/commitments.ts';
import { consultationsScreens } from './screens/consultations.ts';
import { flagsScreens } from './screens/flags.ts';
import { meetingsScreens } from './screens/meetings.ts';
import { timelineScreens } from './screens/timeline.ts';

/**
 * The forum: meetings, the commitments tracker, the consultation console, the flag inbox and the scorecard. Each
 * part keeps its screens in screens/<part>.ts.
 */
export const forumModule: StaffModule = {
  id: 'forum',
  label: 'forum.module',
  screens: [...meetingsScreens, ...commitmentsScreens, ...consultationsScreens, ...flagsScreens, ...timelineScreens],
};
