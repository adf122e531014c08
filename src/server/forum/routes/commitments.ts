import type { HomewardApp } from '../../app.ts';

/** The forum's commitments: staff routes. */
export async function commitmentsRoutes(_app: HomewardApp): Promise<void> {}

/** The forum's commitments: public routes (each `permission: 'public'`). */
export async function publicCommitmentRoutes(_app: HomewardApp): Promise<void> {}
