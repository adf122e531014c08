import type { HomewardApp } from '../../app.ts';

/** The forum's consultations: staff routes. */
export async function consultationsRoutes(_app: HomewardApp): Promise<void> {}

/** The forum's consultations: public routes (each `permission: 'public'`). */
export async function publicConsultationRoutes(_app: HomewardApp): Promise<void> {}
