import type { SubmissionKind } from '../../shared/gateway/constants.ts';
import type { Database } from '../platform/db/client.ts';
import { gatewayRoutingRules } from './tables.ts';

/** A routing rule written straight into the table, for tests that are not about managing the rules. */
export async function insertRoutingRule(
  db: Database,
  rule: { organisationId: string; kind?: SubmissionKind; pcode?: string; stateCode?: string; sensitive?: boolean },
): Promise<string> {
  const [row] = await db
    .insert(gatewayRoutingRules)
    .values({
      organisationId: rule.organisationId,
      kind: rule.kind ?? null,
      pcode: rule.pcode ?? null,
      stateCode: rule.stateCode ?? null,
      sensitive: rule.sensitive ?? true,
    })
    .returning({ id: gatewayRoutingRules.id });
  return row!.id;
}
