import type { HomewardApp } from '../app.ts';
import { publicFiguresRoutes } from './routes/figures.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { publicSubmissionRoutes } from './routes/public.ts';
import { routingRuleRoutes } from './routes/routing.ts';
import { publicSmsRoutes } from './routes/sms.ts';

/**
 * The community gateway's routes. It has many nouns, so each noun's thin routes live in routes/<noun>.ts and this
 * file assembles them: staff routes, then public ones.
 */
export async function gatewayRoutes(app: HomewardApp): Promise<void> {
  await inboxRoutes(app);
  await routingRuleRoutes(app);
  await incidentRoutes(app);
}

export async function publicGatewayRoutes(app: HomewardApp): Promise<void> {
  await publicSubmissionRoutes(app);
  await publicSmsRoutes(app);
  await publicFiguresRoutes(app);
}
