import { and, eq, sql } from 'drizzle-orm';
import type { Classification, ObservationSource, ObservationStatus, ZoneClass } from '../../shared/zones/schemas.ts';
import { ZONE_CLASSES } from '../../shared/zones/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import type { AuditActor } from '../platform/audit/log.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { activeFramework } from './frameworks.ts';
import { classifyZone, type ObservationFact, shiftPeriod } from './rules/classify.ts';
import { zoneAssessments, zoneObservations, zoneObservedIndicators, zones } from './tables.ts';
import './events.ts';

type FrameworkRow = Awaited<ReturnType<typeof activeFramework>>;
const ROWS_PER_STATEMENT = 500;

export interface ZoneClassification {
  pcode: string;
  stateCode: string;
  classification: Classification;
}

/**
 * The observations that can decide a period's classes, per zone: for each zone and indicator, the confirmed
 * values of the latest month up to the period (inside the freshness window they decide the status; before it
 * only a red counts, as a stale red), and every value not yet verified. classifyZone gives the same answer on
 * this subset as on every observation, and the subset is what makes a region's classification fast.
 *
 * The latest month is most often the period itself, read in one range of zone_observations_period_pcode_index,
 * or else the month before, read in the next range. For the zones and indicators without a confirmed value in
 * either, one backward scan each of zone_observations_confirmed_index finds it, only where
 * zone_observed_indicators says there has ever been a value (most zones are never observed for the indicators
 * of another level). The embedded database has no statistics (it runs no autovacuum), so `offset 0` keeps the
 * planner from combining the period or status conditions with an index that matches nearly every row. The
 * rows come back as one text value, a line per observation: the embedded driver decodes each field of each
 * row on its own, which for 70,000 rows costs several times the query.
 */
async function loadDecidingObservations(
  db: Database,
  framework: FrameworkRow,
  period: string,
): Promise<Map<string, ObservationFact[]>> {
  const indicators = framework.definition.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => sql`(${indicator.code})`),
  );
  const columns = sql.raw('id, pcode, indicator, period, value, status, source, organisation_id, submitted_at');
  const [row] = await queryRows<{ facts: string | null }>(
    db,
    sql`with params(indicator) as (values ${sql.join(indicators, sql`, `)}),
    this_month as materialized (
      select ${columns} from (select ${columns} from ${zoneObservations} where period = ${period} offset 0) o
      where status = 'confirmed'
    ),
    missing as materialized (
      select k.pcode, k.indicator from ${zoneObservedIndicators} k
      where k.indicator in (select indicator from params)
        and not exists (select 1 from this_month m where m.pcode = k.pcode and m.indicator = k.indicator)
    ),
    month_before as materialized (
      select ${columns} from (
        select ${columns} from ${zoneObservations} where period = ${shiftPeriod(period, -1)} offset 0
      ) o
      where status = 'confirmed'
        and exists (select 1 from missing q where q.pcode = o.pcode and q.indicator = o.indicator)
    ),
    earlier as (
      select o.* from (
        select q.pcode, q.indicator from missing q
        where not exists (select 1 from month_before b where b.pcode = q.pcode and b.indicator = q.indicator)
        offset 0
      ) q cross join lateral (
        select ${columns} from (
          select ${columns}, rank() over (order by period desc) as recency from ${zoneObservations} o
          where o.pcode = q.pcode and o.indicator = q.indicator and o.status = 'confirmed'
            and o.period < ${shiftPeriod(period, -1)}
        ) ranked where recency = 1
      ) o
    ),
    unverified as (
      select ${columns} from (
        select ${columns} from ${zoneObservations} where status in ('pending', 'more_evidence') offset 0
      ) o where period <= ${period}
    ),
    deciding as (
      select ${columns} from this_month where indicator in (select indicator from params)
      union all
      select ${columns} from month_before
      union all
      select ${columns} from earlier
      union all
      select ${columns} from unverified where indicator in (select indicator from params)
    )
    select string_agg(concat_ws(',', id, pcode, indicator, period, value, status, source, organisation_id,
        to_char(submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), E'\\n') as facts
      from deciding`,
  );
  const byZone = new Map<string, ObservationFact[]>();
  // Every field is a uuid, a code, a number or an ISO timestamp (as toISOString writes it): none holds a comma.
  for (const line of row?.facts ? row.facts.split('\n') : []) {
    const [id, pcode, indicator, observed, value, status, source, organisationId, observedAt] = line.split(',') as [
      string,
      string,
      string,
      string,
      string,
      ObservationStatus,
      ObservationSource,
      string,
      string,
    ];
    const fact: ObservationFact = {
      id,
      indicator,
      period: observed,
      value: Number(value),
      status,
      source,
      organisationId,
      observedAt,
    };
    const list = byZone.get(pcode);
    if (list) list.push(fact);
    else byZone.set(pcode, [fact]);
  }
  return byZone;
}

/**
 * Classifies every return zone (every zone without children) for one period. An indicator observed at a
 * wider level (a state's tripartite agreement, a province's courts) applies to the zones inside it unless the
 * zone has its own observations of that indicator.
 */
export async function classifyPeriod(
  db: Database,
  period: string,
  framework?: FrameworkRow,
): Promise<{ framework: FrameworkRow; results: ZoneClassification[] }> {
  const used = framework ?? (await activeFramework(db));
  const [zoneRows, observations] = await Promise.all([
    db.select({ pcode: zones.pcode, parentPcode: zones.parentPcode, stateCode: zones.stateCode }).from(zones),
    loadDecidingObservations(db, used, period),
  ]);
  const parents = new Map(zoneRows.map((zone) => [zone.pcode, zone.parentPcode]));
  const hasChildren = new Set(zoneRows.map((zone) => zone.parentPcode).filter((p): p is string => p !== null));
  const results: ZoneClassification[] = [];
  for (const zone of zoneRows) {
    if (hasChildren.has(zone.pcode)) continue;
    const own = observations.get(zone.pcode) ?? [];
    const facts = [...own];
    const covered = new Set(own.map((fact) => fact.indicator));
    for (let ancestor = parents.get(zone.pcode); ancestor; ancestor = parents.get(ancestor)) {
      const inherited = (observations.get(ancestor) ?? []).filter((fact) => !covered.has(fact.indicator));
      for (const fact of inherited) facts.push(fact);
      for (const fact of inherited) covered.add(fact.indicator);
    }
    results.push({
      pcode: zone.pcode,
      stateCode: zone.stateCode,
      classification: classifyZone(used.definition, period, facts),
    });
  }
  results.sort((a, b) => (a.pcode < b.pcode ? -1 : 1));
  return { framework: used, results };
}

export function countByClass(classes: readonly { class: ZoneClass }[]): Record<ZoneClass, number> {
  const counts = Object.fromEntries(ZONE_CLASSES.map((c) => [c, 0])) as Record<ZoneClass, number>;
  for (const item of classes) counts[item.class]++;
  return counts;
}

/** Recomputes and stores every zone's class for the period (replacing the previous computation), logged. */
export async function assessPeriod(
  db: Database,
  period: string,
  actor: AuditActor | null,
): Promise<{ frameworkVersion: number; results: ZoneClassification[] }> {
  return inTransaction(db, async (tx) => {
    const { framework, results } = await classifyPeriod(tx, period);
    if (results.length === 0) throw new AppError('conflict', { params: { reason: 'no_zones' } });
    await tx.delete(zoneAssessments).where(eq(zoneAssessments.period, period));
    const computedAt = new Date();
    for (let i = 0; i < results.length; i += ROWS_PER_STATEMENT) {
      await tx.insert(zoneAssessments).values(
        results.slice(i, i + ROWS_PER_STATEMENT).map((result) => ({
          pcode: result.pcode,
          period,
          stateCode: result.stateCode,
          frameworkVersion: framework.version,
          class: result.classification.class,
          classification: result.classification,
          computedAt,
        })),
      );
    }
    await appendAudit(tx, {
      type: 'zones.period_assessed',
      actor,
      subject: `period:${period}`,
      details: {
        period,
        frameworkVersion: framework.version,
        zones: results.length,
        counts: countByClass(results.map((r) => r.classification)),
      },
    });
    return { frameworkVersion: framework.version, results };
  });
}

export async function storedAssessment(db: Database, pcode: string, period: string) {
  const [row] = await db
    .select()
    .from(zoneAssessments)
    .where(and(eq(zoneAssessments.pcode, pcode), eq(zoneAssessments.period, period)));
  return row;
}
