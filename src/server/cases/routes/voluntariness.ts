import type { HomewardApp } from '../../app.ts';

export async function voluntarinessRoutes(_app: HomewardApp): Promise<void> {}
