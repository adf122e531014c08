import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's flags. */
export const flagsScreens: StaffScreen[] = [];
