import type { HomewardApp } from '../app.ts';
import { alertRoutes } from './routes/alerts.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { publicFiguresRoutes } from './routes/figures.ts';
import { followUpRoutes } from './routes/follow-ups.ts';
import { householdRoutes } from './routes/households.ts';
import { importRoutes } from './routes/imports.ts';
import { instrumentRoutes } from './routes/instruments.ts';
import { referralRoutes } from './routes/referrals.ts';
import { responseRoutes } from './routes/responses.ts';
import { zoneFeedRoutes } from './routes/zone-feed.ts';

/**
 * Outcome monitoring's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function outcomeRoutes(app: HomewardApp): Promise<void> {
  await instrumentRoutes(app);
  await followUpRoutes(app);
  await responseRoutes(app);
  await alertRoutes(app);
  await referralRoutes(app);
  await householdRoutes(app);
  await dashboardRoutes(app);
  await zoneFeedRoutes(app);
  await importRoutes(app);
}

export async function publicOutcomeRoutes(app: HomewardApp): Promise<void> {
  await publicFiguresRoutes(app);
}
