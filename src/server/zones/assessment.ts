import { and, eq, sql } from 'drizzle-orm';
import type { Classification, ObservationSource, ObservationStatus, ZoneClass } from '../../shared/zones.ts';
import { ZONE_CLASSES } from '../../shared/zones.ts';
import { inTransaction } from '../platform/audit/head.ts';
import type { AuditActor } from '../platform/audit/log.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { classifyZone, type ObservationFact, shiftPeriod } from './classify.ts';
import { activeFramework } from './frameworks.ts';
import { zoneAssessments, zones } from './schema.ts';

type FrameworkRow = Awaited<ReturnType<typeof activeFramework>>;
const ROWS_PER_STATEMENT = 500;

export interface ZoneClassification {
  pcode: string;
  stateCode: string;
  classification: Classification;
}

/**
 * The observations that can decide a period's classes, per zone: for each zone and indicator, the confirmed
 * values of the latest month inside the indicator's freshness window, the latest confirmed values before the
 * window (a stale red still counts), and every value not yet verified. classifyZone gives the same answer on
 * this subset as on every observation, and the subset is what makes a region's classification fast.
 */
async function loadDecidingObservations(
  db: Database,
  framework: FrameworkRow,
  period: string,
): Promise<Map<string, ObservationFact[]>> {
  const windows = framework.definition.criteria.flatMap((criterion) =>
    criterion.indicators.map(
      (indicator) => sql`(${indicator.code}, ${shiftPeriod(period, 1 - indicator.freshnessMonths)})`,
    ),
  );
  const rows = await queryRows<{
    id: string;
    pcode: string;
    indicator: string;
    period: string;
    value: number;
    status: ObservationStatus;
    source: ObservationSource;
    organisation_id: string;
    submitted_at: string | Date;
  }>(
    db,
    sql`with params(indicator, window_start) as (values ${sql.join(windows, sql`, `)}),
    confirmed as (
      select o.id, o.pcode, o.indicator, o.period, o.value, o.status, o.source, o.organisation_id, o.submitted_at,
        rank() over (partition by o.pcode, o.indicator, o.period >= p.window_start order by o.period desc) as recency
      from zone_observations o join params p on p.indicator = o.indicator
      where o.status = 'confirmed' and o.period <= ${period}
    )
    select id, pcode, indicator, period, value, status, source, organisation_id, submitted_at
      from confirmed where recency = 1
    union all
    select o.id, o.pcode, o.indicator, o.period, o.value, o.status, o.source, o.organisation_id, o.submitted_at
      from zone_observations o join params p on p.indicator = o.indicator
      where o.status in ('pending', 'more_evidence') and o.period <= ${period}`,
  );
  const byZone = new Map<string, ObservationFact[]>();
  for (const row of rows) {
    const fact: ObservationFact = {
      id: row.id,
      indicator: row.indicator,
      period: row.period,
      value: Number(row.value),
      status: row.status,
      source: row.source,
      organisationId: row.organisation_id,
      observedAt: new Date(row.submitted_at).toISOString(),
    };
    const list = byZone.get(row.pcode);
    if (list) list.push(fact);
    else byZone.set(row.pcode, [fact]);
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
