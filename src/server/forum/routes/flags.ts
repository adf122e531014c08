import type { HomewardApp } from '../../app.ts';

/** The forum's flags: staff routes. */
export async function flagsRoutes(_app: HomewardApp): Promise<void> {}

/** The forum's flags: public routes (each `permission: 'public'`). */
export async function publicFlagRoutes(_app: HomewardApp): Promise<void> {}
