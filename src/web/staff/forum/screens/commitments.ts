import type { StaffScreen } from '../../modules.ts';

/** The screens of the forum's commitments. */
export const commitmentsScreens: StaffScreen[] = [];
