import type { HomewardApp } from '../../app.ts';

export async function appealRoutes(_app: HomewardApp): Promise<void> {}
