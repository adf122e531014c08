import type { HomewardApp } from '../../app.ts';

export async function householdRoutes(_app: HomewardApp): Promise<void> {}
