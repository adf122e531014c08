import type { HomewardApp } from '../app.ts';
import { alertRoutes } from './routes/alerts.ts';
import { householdRoutes } from './routes/households.ts';
import { referralRoutes } from './routes/referrals.ts';

/**
 * Outcome monitoring's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function outcomeRoutes(app: HomewardApp): Promise<void> {
  await alertRoutes(app);
  await referralRoutes(app);
  await householdRoutes(app);
}

export async function publicOutcomeRoutes(_app: HomewardApp): Promise<void> {}
