import type { HomewardApp } from '../app.ts';
import { appealRoutes } from './routes/appeals.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { householdRoutes } from './routes/households.ts';
import { movementRoutes } from './routes/movements.ts';
import { publicCaseStatusRoutes } from './routes/public.ts';
import { voluntarinessRoutes } from './routes/voluntariness.ts';

/**
 * The cases module's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function caseRoutes(app: HomewardApp): Promise<void> {
  await householdRoutes(app);
  await voluntarinessRoutes(app);
  await decisionRoutes(app);
  await appealRoutes(app);
  await movementRoutes(app);
}

export async function publicCaseRoutes(app: HomewardApp): Promise<void> {
  await publicCaseStatusRoutes(app);
}
