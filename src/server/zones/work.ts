import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { WORK_ENTRIES_MAX, type WorkItem, workEntry } from '../../shared/work.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { can } from '../platform/policy/policy.ts';
import { activeFramework } from './frameworks.ts';
import { currentPeriod } from './support.ts';
import { zoneAssessments, zoneObservations, zonePublications, zones, zoneVerifications } from './tables.ts';
import './permissions.ts';

/**
 * How far back a field monitor's zones and rejections reach: the zones their organisation gave values for in
 * the last DUE_LOOKBACK_MONTHS months are "their zones", and a rejection of those months not yet replaced by a
 * new value is still to be dealt with.
 */
export const DUE_LOOKBACK_MONTHS = 3;

/** `YYYY-MM` n months before `period`. */
export function monthsBefore(period: string, n: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Statuses of an observation that still waits: for a verifier, or for the evidence a verifier asked for. */
const WAITING = ['pending', 'more_evidence'];

/**
 * The return-zones work of the signed-in person (the module's `work` declaration), role by role in their active
 * organisation: a coordinator's observations that block publishing and periods ready to publish; a verifier's
 * queue; a field monitor's evidence requests, rejections and values still due this month. A role the person
 * does not hold adds nothing; an item with nothing waiting is still given, with 0.
 */
export async function zoneWork(ctx: RequestContext): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const now = new Date();
  const items: WorkItem[] = [];
  const names = await indicatorNames(ctx.db);
  const named = (item: WorkItem): WorkItem => ({
    ...item,
    entries: item.entries.map((entry) =>
      entry.indicator ? { ...entry, indicatorName: names.get(entry.indicator) ?? null } : entry,
    ),
  });
  if (actor.roles.includes('coordinator') && can(actor, 'zone:publish')) items.push(...(await coordinatorWork(ctx.db)));
  if (actor.roles.includes('verifier') && can(actor, 'observation:verify'))
    items.push(await verifierWork(ctx.db, actor));
  if (actor.roles.includes('field_monitor') && can(actor, 'observation:create'))
    items.push(...(await fieldMonitorWork(ctx.db, actor, currentPeriod(now))));
  return items.map(named);
}

/** The names of the framework's indicators in use, by code. */
async function indicatorNames(db: Database): Promise<Map<string, Record<string, string>>> {
  const framework = await activeFramework(db);
  return new Map(
    framework.definition.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => [indicator.code, indicator.name] as const),
    ),
  );
}

const zoneSubject = (pcode: string, names: Record<string, string> | null) => ({
  code: pcode,
  name: names ?? { en: pcode },
});

async function coordinatorWork(db: Database): Promise<WorkItem[]> {
  const o = zoneObservations;
  const waiting = await db
    .select({ period: o.period, n: count() })
    .from(o)
    .where(inArray(o.status, WAITING))
    .groupBy(o.period)
    .orderBy(desc(o.period));
  const waitingByPeriod = new Map(waiting.map((row) => [row.period, row.n]));
  // Assessed periods without a publication; ready when nothing of theirs waits.
  const assessed = await db
    .select({ period: zoneAssessments.period, n: count() })
    .from(zoneAssessments)
    .where(sql`not exists (select 1 from ${zonePublications} p where p.period = ${zoneAssessments.period})`)
    .groupBy(zoneAssessments.period)
    .orderBy(desc(zoneAssessments.period));
  const ready = assessed.filter((row) => !waitingByPeriod.has(row.period));
  const review = (period: string) => `zones/review?period=${period}`;
  return [
    {
      kind: 'zones.awaiting_verification',
      role: 'coordinator',
      count: waiting.reduce((sum, row) => sum + row.n, 0),
      entryCount: waiting.length,
      href: waiting[0] ? review(waiting[0].period) : 'zones/review',
      entries: waiting
        .slice(0, WORK_ENTRIES_MAX)
        .map((row) => workEntry({ href: review(row.period), period: row.period, count: row.n })),
    },
    {
      kind: 'zones.ready_to_publish',
      role: 'coordinator',
      count: ready.length,
      entryCount: ready.length,
      href: ready[0] ? review(ready[0].period) : 'zones/review',
      entries: ready
        .slice(0, WORK_ENTRIES_MAX)
        .map((row) => workEntry({ href: review(row.period), period: row.period, count: row.n })),
    },
  ];
}

/** What the verifier's organisation may decide: other organisations' observations waiting for a verifier. */
async function verifierWork(db: Database, actor: Actor): Promise<WorkItem> {
  const o = zoneObservations;
  const where = and(eq(o.status, 'pending'), ne(o.organisationId, actor.organisationId));
  const [total] = await db.select({ n: count() }).from(o).where(where);
  const rows = await db
    .select({
      pcode: o.pcode,
      indicator: o.indicator,
      period: o.period,
      names: zones.names,
      organisation: organisationNameOf(o.organisationId),
    })
    .from(o)
    .leftJoin(zones, eq(zones.pcode, o.pcode))
    .where(where)
    .orderBy(asc(o.submittedAt), asc(o.pcode), asc(o.indicator))
    .limit(WORK_ENTRIES_MAX);
  return {
    kind: 'zones.to_verify',
    role: 'verifier',
    count: total?.n ?? 0,
    entryCount: total?.n ?? 0,
    href: 'zones/verification',
    entries: rows.map((row) =>
      workEntry({
        href: 'zones/verification',
        subject: zoneSubject(row.pcode, row.names),
        indicator: row.indicator,
        period: row.period,
        organisation: row.organisation,
      }),
    ),
  };
}

/** The latest reason a verifier gave for a decision on each observation (a request's or a rejection's). */
async function latestReasons(db: Database, ids: string[], decision: string): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: zoneVerifications.observationId, reason: zoneVerifications.reason })
    .from(zoneVerifications)
    .where(and(inArray(zoneVerifications.observationId, ids), eq(zoneVerifications.decision, decision)))
    .orderBy(asc(zoneVerifications.decidedAt));
  return new Map(rows.map((row) => [row.id, row.reason]));
}

/**
 * A field monitor's organisation's work: values a verifier asked evidence for, rejected values of the last
 * months that no new value has replaced (with the verifier's reason), and the values still due this month in
 * their zones: for each zone the organisation gave values for in the last DUE_LOOKBACK_MONTHS months, the
 * indicators of the framework in use it gave then and has not given this month.
 */
async function fieldMonitorWork(db: Database, actor: Actor, current: string): Promise<WorkItem[]> {
  const o = zoneObservations;
  const mine = eq(o.organisationId, actor.organisationId);
  const from = monthsBefore(current, DUE_LOOKBACK_MONTHS);
  const presentable = {
    id: o.id,
    pcode: o.pcode,
    indicator: o.indicator,
    period: o.period,
    names: zones.names,
  };

  const requested = await db
    .select(presentable)
    .from(o)
    .leftJoin(zones, eq(zones.pcode, o.pcode))
    .where(and(mine, eq(o.status, 'more_evidence')))
    .orderBy(desc(o.period), asc(o.pcode), asc(o.indicator));
  const requestReasons = await latestReasons(
    db,
    requested.slice(0, WORK_ENTRIES_MAX).map((row) => row.id),
    'request_evidence',
  );

  // A rejection is dealt with once the organisation gives a new (live) value for the same zone, indicator and month.
  const replaced = sql`exists (select 1 from ${zoneObservations} n where n.organisation_id = ${o.organisationId}
      and n.pcode = ${o.pcode} and n.indicator = ${o.indicator} and n.period = ${o.period} and n.status <> 'rejected')`;
  const rejected = await db
    .select(presentable)
    .from(o)
    .leftJoin(zones, eq(zones.pcode, o.pcode))
    .where(and(mine, eq(o.status, 'rejected'), gte(o.period, from), sql`not ${replaced}`))
    .orderBy(desc(o.decidedAt), asc(o.pcode));
  const rejectReasons = await latestReasons(
    db,
    rejected.slice(0, WORK_ENTRIES_MAX).map((row) => row.id),
    'reject',
  );

  const indicators = (await activeFramework(db)).definition.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => indicator.code),
  );
  const givenThisMonth = sql`exists (select 1 from ${zoneObservations} c where c.organisation_id = ${o.organisationId}
      and c.pcode = ${o.pcode} and c.indicator = ${o.indicator} and c.period = ${current} and c.status <> 'rejected')`;
  const due =
    indicators.length === 0
      ? []
      : await db
          .select({
            pcode: o.pcode,
            names: zones.names,
            n: sql<number>`count(distinct ${o.indicator})`.mapWith(Number),
          })
          .from(o)
          .leftJoin(zones, eq(zones.pcode, o.pcode))
          .where(
            and(
              mine,
              ne(o.status, 'rejected'),
              gte(o.period, from),
              lt(o.period, current),
              inArray(o.indicator, indicators),
              sql`not ${givenThisMonth}`,
            ),
          )
          .groupBy(o.pcode, zones.names)
          .orderBy(asc(o.pcode));

  const newValue = (pcode: string) => `zones/observations/new?pcode=${encodeURIComponent(pcode)}`;
  return [
    {
      kind: 'zones.evidence_requested',
      role: 'field_monitor',
      count: requested.length,
      entryCount: requested.length,
      href: 'zones/observations/new',
      entries: requested.slice(0, WORK_ENTRIES_MAX).map((row) =>
        workEntry({
          href: 'zones/observations/new',
          subject: zoneSubject(row.pcode, row.names),
          indicator: row.indicator,
          period: row.period,
          reason: requestReasons.get(row.id) ?? null,
        }),
      ),
    },
    {
      kind: 'zones.rejected',
      role: 'field_monitor',
      count: rejected.length,
      entryCount: rejected.length,
      href: rejected[0] ? `zones/${rejected[0].pcode}` : 'zones',
      entries: rejected.slice(0, WORK_ENTRIES_MAX).map((row) =>
        workEntry({
          href: `zones/${row.pcode}`,
          subject: zoneSubject(row.pcode, row.names),
          indicator: row.indicator,
          period: row.period,
          reason: rejectReasons.get(row.id) ?? null,
        }),
      ),
    },
    {
      kind: 'zones.values_due',
      role: 'field_monitor',
      count: due.reduce((sum, row) => sum + row.n, 0),
      entryCount: due.length,
      href: 'zones/observations/new',
      entries: due.slice(0, WORK_ENTRIES_MAX).map((row) =>
        workEntry({
          href: newValue(row.pcode),
          subject: zoneSubject(row.pcode, row.names),
          period: current,
          count: row.n,
        }),
      ),
    },
  ];
}
