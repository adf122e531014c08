import { sql } from 'drizzle-orm';
import type { DecisionKind } from '../../shared/cases/constants.ts';
import type { PublicCaseTimelines } from '../../shared/cases/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import { disclosureRule } from '../platform/disclosure/suppress.ts';
import { findZone } from '../zones/gazetteer.ts';
import { decisionTimelines } from './rules/timelines.ts';
import { caseDecisions, caseHouseholds } from './tables.ts';

/**
 * The public decision timelines, computed from the decisions as they stand on every read (a decision made a
 * moment ago counts at once), then passed through disclosure control (rules/timelines.ts).
 */
export async function publicTimelines(ctx: Pick<RequestContext, 'db' | 'platform'>): Promise<PublicCaseTimelines> {
  // Grouped in the database: a region's hundreds of thousands of decisions come back as a few thousand rows.
  const rows = await queryRows<{
    kind: DecisionKind;
    state_code: string;
    month: string;
    days: number;
    within: boolean;
    n: number | string;
  }>(
    ctx.db,
    sql`select d.kind, h.state_code,
          to_char(d.decided_at at time zone 'UTC', 'YYYY-MM') as month,
          greatest(0, (d.decided_at at time zone 'UTC')::date - (h.registered_at at time zone 'UTC')::date) as days,
          (d.decided_at at time zone 'UTC')::date <= d.due_on as within,
          count(*) as n
        from ${caseDecisions} d
        join ${caseHouseholds} h on h.id = d.household_id
        where d.status = 'decided' and d.decided_at is not null
        group by 1, 2, 3, 4, 5`,
  );
  const timelines = decisionTimelines(
    rows.map((row) => ({
      kind: row.kind,
      stateCode: row.state_code,
      month: row.month,
      days: Number(row.days),
      withinServiceLevel: row.within,
      count: Number(row.n),
    })),
    disclosureRule(ctx.platform.config),
  );
  // The states by name: a few, asked of the zones module's gazetteer.
  const stateNames: PublicCaseTimelines['stateNames'] = {};
  for (const code of new Set(timelines.byStateMonth.map((row) => row.stateCode))) {
    const zone = await findZone(ctx.db, code);
    if (zone) stateNames[code] = zone.names;
  }
  return { ...timelines, stateNames };
}
