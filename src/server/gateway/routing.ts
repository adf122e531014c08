import { asc } from 'drizzle-orm';
import type { Database } from '../platform/db/client.ts';
import type { RoutingRule } from './rules/routing.ts';
import { gatewayRoutingRules } from './tables.ts';

/** Every routing rule, in position order, as the rule function reads them. */
export async function routingRules(db: Database): Promise<RoutingRule[]> {
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
