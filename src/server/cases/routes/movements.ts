import type { HomewardApp } from '../../app.ts';

export async function movementRoutes(_app: HomewardApp): Promise<void> {}
