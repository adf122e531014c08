import type { HomewardApp } from '../app.ts';
import { importRoutes } from './routes/imports.ts';

/**
 * Outcome monitoring's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function outcomeRoutes(app: HomewardApp): Promise<void> {
  await importRoutes(app);
}

export async function publicOutcomeRoutes(_app: HomewardApp): Promise<void> {}
