import type { HomewardApp } from '../app.ts';
import { publicFiguresRoutes } from './routes/figures.ts';
import { publicSubmissionRoutes } from './routes/public.ts';

/**
 * The community gateway's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function gatewayRoutes(_app: HomewardApp): Promise<void> {}

export async function publicGatewayRoutes(app: HomewardApp): Promise<void> {
  await publicSubmissionRoutes(app);
  await publicFiguresRoutes(app);
}
