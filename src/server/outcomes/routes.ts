import type { HomewardApp } from '../app.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { publicFiguresRoutes } from './routes/figures.ts';
import { zoneFeedRoutes } from './routes/zone-feed.ts';

/**
 * Outcome monitoring's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function outcomeRoutes(app: HomewardApp): Promise<void> {
  await dashboardRoutes(app);
  await zoneFeedRoutes(app);
}

export async function publicOutcomeRoutes(app: HomewardApp): Promise<void> {
  await publicFiguresRoutes(app);
}
