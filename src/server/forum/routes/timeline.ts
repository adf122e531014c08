import type { HomewardApp } from '../../app.ts';

/** The forum's timeline: staff routes. */
export async function timelineRoutes(_app: HomewardApp): Promise<void> {}

/** The forum's timeline: public routes (each `permission: 'public'`). */
export async function publicTimelineRoutes(_app: HomewardApp): Promise<void> {}
