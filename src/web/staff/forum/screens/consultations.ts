import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's consultations. */
export const consultationsScreens: StaffScreen[] = [];
