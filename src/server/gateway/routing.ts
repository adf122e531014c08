import { asc } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '../platform/db/client.ts';
import type { RoutingRule } from './rules/routing.ts';
import { gatewayRoutingRules } from './tables.ts';

const readsInFlight = new WeakMap<Database, Promise<readonly RoutingRule[]>>();

/**
 * Every routing rule, in position order, as the rule function reads them. Submissions that arrive while a read
 * is on its way share it rather than queue one read each behind the burst. A submission may so be routed by the
 * rules as they stood when that read began, a few milliseconds before it arrived, as if it had arrived then.
 */
export function routingRules(db: Database): Promise<readonly RoutingRule[]> {
  if ((db as unknown) instanceof PgTransaction) return readRoutingRules(db);
  const inFlight = readsInFlight.get(db);
  if (inFlight) return inFlight;
  const read = readRoutingRules(db).finally(() => readsInFlight.delete(db));
  readsInFlight.set(db, read);
  return read;
}

function readRoutingRules(db: Database): Promise<RoutingRule[]> {
  return db
    .select({
      id: gatewayRoutingRules.id,
      organisationId: gatewayRoutingRules.organisationId,
      kind: gatewayRoutingRules.kind,
      pcode: gatewayRoutingRules.pcode,
      stateCode: gatewayRoutingRules.stateCode,
      sensitive: gatewayRoutingRules.sensitive,
      position: gatewayRoutingRules.position,
    })
    .from(gatewayRoutingRules)
    .orderBy(asc(gatewayRoutingRules.position), asc(gatewayRoutingRules.createdAt));
}
