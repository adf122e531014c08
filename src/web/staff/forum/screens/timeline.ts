import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's timeline. */
export const timelineScreens: StaffScreen[] = [];
