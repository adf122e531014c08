import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's meetings. */
export const meetingsScreens: StaffScreen[] = [];
