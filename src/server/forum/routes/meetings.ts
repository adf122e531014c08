import type { HomewardApp } from '../../app.ts';

/** The forum's meetings: staff routes. */
export async function meetingsRoutes(_app: HomewardApp): Promise<void> {}

/** The forum's meetings: public routes (each `permission: 'public'`). */
export async function publicMeetingRoutes(_app: HomewardApp): Promise<void> {}
