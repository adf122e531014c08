import { sql } from 'drizzle-orm';
import {
  ACCOUNTABILITY_STATUSES,
  type AccountabilityStatus,
  INCIDENT_TYPES,
  type IncidentType,
  SUBMISSION_KINDS,
  type SubmissionKind,
} from '../../shared/gateway/constants.ts';
import type { IncidentFigures, PublicGatewayFigures, SubmissionFigures } from '../../shared/gateway/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import { median } from '../platform/disclosure/median.ts';
import {
  type DisclosureRule,
  disclosureRule,
  type Figure,
  protectList,
  protectTable,
} from '../platform/disclosure/suppress.ts';
import { findZone } from '../zones/gazetteer.ts';
import { gatewayIncidents, gatewaySubmissions } from './tables.ts';

/**
 * The gateway's public figures (issue 13, "Public figures"): submissions received, acknowledged within the
 * service level, resolved and the median days to resolution, by kind, state and month; incidents by type, state
 * and month with where each stands on the way to accountability. Counts only: no text anyone wrote, no category
 * of complaint (a complaint of sexual exploitation or abuse is counted as a complaint, and so cannot be picked out),
 * no organisation. Every count passes through the platform's disclosure control.
 */

/** How an item's acknowledgement stands: in time, late (or overdue and still waiting), or not yet due. */
export type Acknowledgement = 'in_time' | 'late' | 'awaiting';

/** Submissions of one kind, state, month, acknowledgement, resolution and length, counted (the database groups them). */
export interface SubmissionGroup {
  kind: SubmissionKind;
  stateCode: string | null;
  /** `YYYY-MM` (UTC) of receipt. */
  month: string;
  acknowledgement: Acknowledgement;
  resolved: boolean;
  /** Whole days from receipt to closing (UTC calendar days), for resolved items. */
  days: number | null;
  count: number;
}

/** Incidents of one type, state, month and accountability status, counted. */
export interface IncidentGroup {
  type: IncidentType;
  stateCode: string;
  month: string;
  accountability: AccountabilityStatus;
  count: number;
}

const value = (figure: Figure | undefined): number | null => (figure && !figure.suppressed ? figure.value : null);
const HIDDEN: SubmissionFigures = {
  received: null,
  acknowledgedInTime: null,
  acknowledgedLate: null,
  resolved: null,
  medianDaysToResolution: null,
};

interface Cell {
  received: number;
  acknowledgement: Record<Acknowledgement, number>;
  resolved: number;
  days: [number, number][];
}
const emptyCell = (): Cell => ({
  received: 0,
  acknowledgement: { in_time: 0, late: 0, awaiting: 0 },
  resolved: 0,
  days: [],
});
const ACKNOWLEDGEMENTS: readonly Acknowledgement[] = ['in_time', 'late', 'awaiting'];

/** Sorts `state month` keys by state (no place last), then newest month first. */
const byStateThenNewest = (a: string, b: string) => {
  const [stateA, monthA] = a.split(' ') as [string, string];
  const [stateB, monthB] = b.split(' ') as [string, string];
  return (
    (stateA === '' ? 1 : 0) - (stateB === '' ? 1 : 0) || stateA.localeCompare(stateB) || monthB.localeCompare(monthA)
  );
};

/**
 * The submission figures (pure). Per kind, the groups' counts received are a protected list with the kind's
 * total; the acknowledgements (in time, late, not yet due) and the resolutions (resolved, still open) are each a
 * protected table whose rows are the groups, so that neither a small count nor its complement (received minus
 * resolved) is published. A group's count received is shown only when the list and both tables publish it, and
 * a group or a kind hidden in any of them shows nothing.
 */
export function submissionFigures(
  groups: readonly SubmissionGroup[],
  rule: DisclosureRule,
): PublicGatewayFigures['submissions'] {
  const byKind: PublicGatewayFigures['submissions']['byKind'] = [];
  const byStateMonth: PublicGatewayFigures['submissions']['byStateMonth'] = [];
  for (const kind of SUBMISSION_KINDS) {
    const cells = new Map<string, Cell>();
    const total = emptyCell();
    for (const group of groups) {
      if (group.kind !== kind) continue;
      const key = `${group.stateCode ?? ''} ${group.month}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = emptyCell();
        cells.set(key, cell);
      }
      for (const target of [cell, total]) {
        target.received += group.count;
        target.acknowledgement[group.acknowledgement] += group.count;
        if (group.resolved) {
          target.resolved += group.count;
          if (group.days !== null) target.days.push([group.days, group.count]);
        }
      }
    }
    const keys = [...cells.keys()].sort(byStateThenNewest);
    if (keys.length === 0) {
      byKind.push({
        kind,
        received: 0,
        acknowledgedInTime: 0,
        acknowledgedLate: 0,
        resolved: 0,
        medianDaysToResolution: null,
      });
      continue;
    }
    const rows = keys.map((key) => cells.get(key)!);
    const received = protectList(
      rows.map((row) => row.received),
      rule,
    );
    const acknowledged = protectTable(
      rows.map((row) => ACKNOWLEDGEMENTS.map((step) => row.acknowledgement[step])),
      rule,
    );
    const resolved = protectTable(
      rows.map((row) => [row.resolved, row.received - row.resolved]),
      rule,
    );
    const shown = (
      cell: Cell,
      counted: Figure | undefined,
      ack: Figure[] | undefined,
      ackTotal: Figure | undefined,
      res: Figure | undefined,
      resTotal: Figure | undefined,
    ): SubmissionFigures => {
      if (value(counted) === null || value(ackTotal) === null || value(resTotal) === null) return HIDDEN;
      const resolvedCount = value(res);
      return {
        received: cell.received,
        acknowledgedInTime: value(ack?.[0]),
        acknowledgedLate: value(ack?.[1]),
        resolved: resolvedCount,
        medianDaysToResolution: resolvedCount ? median(cell.days) : null,
      };
    };
    byKind.push({
      kind,
      ...shown(
        total,
        received.total,
        acknowledged.columnTotals,
        acknowledged.total,
        resolved.columnTotals[0],
        resolved.total,
      ),
    });
    for (const [index, key] of keys.entries()) {
      const [state, month] = key.split(' ') as [string, string];
      byStateMonth.push({
        kind,
        stateCode: state === '' ? null : state,
        month,
        ...shown(
          rows[index]!,
          received.items[index],
          acknowledged.cells[index],
          acknowledged.rowTotals[index],
          resolved.cells[index]?.[0],
          resolved.rowTotals[index],
        ),
      });
    }
  }
  return { byKind, byStateMonth };
}

const noIncidents = (): IncidentFigures['byAccountability'] =>
  Object.fromEntries(ACCOUNTABILITY_STATUSES.map((status) => [status, 0])) as IncidentFigures['byAccountability'];

/**
 * The incident figures (pure): per type, a protected table whose rows are the state and month groups and whose
 * columns are the accountability statuses, with its totals (the type's total and its totals by status).
 */
export function incidentFigures(
  groups: readonly IncidentGroup[],
  rule: DisclosureRule,
): PublicGatewayFigures['incidents'] {
  const byType: PublicGatewayFigures['incidents']['byType'] = [];
  const byStateMonth: PublicGatewayFigures['incidents']['byStateMonth'] = [];
  for (const type of INCIDENT_TYPES) {
    const cells = new Map<string, number[]>();
    for (const group of groups) {
      if (group.type !== type) continue;
      const key = `${group.stateCode} ${group.month}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = ACCOUNTABILITY_STATUSES.map(() => 0);
        cells.set(key, cell);
      }
      cell[ACCOUNTABILITY_STATUSES.indexOf(group.accountability)]! += group.count;
    }
    const keys = [...cells.keys()].sort(byStateThenNewest);
    if (keys.length === 0) {
      byType.push({ type, total: 0, byAccountability: noIncidents() });
      continue;
    }
    const table = protectTable(
      keys.map((key) => cells.get(key)!),
      rule,
    );
    const statuses = (figures: Figure[]) =>
      Object.fromEntries(
        ACCOUNTABILITY_STATUSES.map((status, index) => [status, value(figures[index])]),
      ) as IncidentFigures['byAccountability'];
    byType.push({ type, total: value(table.total), byAccountability: statuses(table.columnTotals) });
    for (const [index, key] of keys.entries()) {
      const [stateCode, month] = key.split(' ') as [string, string];
      byStateMonth.push({
        type,
        stateCode,
        month,
        total: value(table.rowTotals[index]),
        byAccountability: statuses(table.cells[index]!),
      });
    }
  }
  return { byType, byStateMonth };
}

/**
 * The public figures as they stand now, grouped in the database and then passed through disclosure control.
 * Incidents count once they are verified or corroborated: an unverified account is never published as established.
 */
export async function publicGatewayFigures(
  ctx: Pick<RequestContext, 'db' | 'platform'>,
  now = new Date(),
): Promise<PublicGatewayFigures> {
  // Disclosure control over a region's months is work (a second or more on two cores), and the figures are
  // public: they are computed again only when a submission or an incident is added or changed (its `updated_at`),
  // or the hour has (an item not acknowledged becomes late as time passes), never once per request. A change
  // that did not touch `updated_at` shows within the hour.
  const [stamp] = await queryRows<{ stamp: string }>(
    ctx.db,
    sql`select concat_ws(' ',
          (select count(*) from ${gatewaySubmissions}),
          (select max(${gatewaySubmissions.updatedAt}) from ${gatewaySubmissions}),
          (select count(*) from ${gatewayIncidents}),
          (select max(${gatewayIncidents.updatedAt}) from ${gatewayIncidents})) as stamp`,
  );
  const key = [
    stamp?.stamp ?? '',
    Math.floor(now.getTime() / 3_600_000),
    ctx.platform.config.disclosureThreshold,
    ctx.platform.config.gatewayServiceLevels.acknowledge,
  ].join('|');
  const cached = computed.get(ctx.db);
  if (cached?.key === key) return cached.figures;
  const figures = computeFigures(ctx, now);
  computed.set(ctx.db, { key, figures });
  figures.catch(() => {
    if (computed.get(ctx.db)?.figures === figures) computed.delete(ctx.db);
  });
  return figures;
}

const computed = new WeakMap<object, { key: string; figures: Promise<PublicGatewayFigures> }>();

async function computeFigures(ctx: Pick<RequestContext, 'db' | 'platform'>, now: Date): Promise<PublicGatewayFigures> {
  const { db, platform } = ctx;
  const acknowledgeDays = platform.config.gatewayServiceLevels.acknowledge;
  const acknowledgeBy = sql`(s.received_at + make_interval(days => ${acknowledgeDays}::int))`;
  const submissions = await queryRows<{
    kind: SubmissionKind;
    state_code: string | null;
    month: string;
    acknowledgement: Acknowledgement;
    resolved: boolean;
    days: number | null;
    n: number | string;
  }>(
    db,
    sql`select s.kind, s.state_code,
          to_char(s.received_at at time zone 'UTC', 'YYYY-MM') as month,
          case
            when s.acknowledged_in_time is true then 'in_time'
            when s.acknowledged_in_time is false then 'late'
            when s.acknowledged_at is not null then
              case when s.acknowledged_at <= ${acknowledgeBy} then 'in_time' else 'late' end
            when ${acknowledgeBy} < ${now.toISOString()}::timestamptz then 'late'
            else 'awaiting'
          end as acknowledgement,
          s.status = 'closed' as resolved,
          case when s.status = 'closed' and s.closed_at is not null then
            greatest(0, (s.closed_at at time zone 'UTC')::date - (s.received_at at time zone 'UTC')::date)
          end as days,
          count(*) as n
        from ${gatewaySubmissions} s
        group by 1, 2, 3, 4, 5, 6`,
  );
  const incidents = await queryRows<{
    type: IncidentType;
    state_code: string;
    month: string;
    accountability: AccountabilityStatus;
    n: number | string;
  }>(
    db,
    sql`select i.type, i.state_code, to_char(i.occurred_on, 'YYYY-MM') as month, i.accountability, count(*) as n
        from ${gatewayIncidents} i
        where i.verification in ('verified', 'corroborated')
        group by 1, 2, 3, 4`,
  );
  const rule = disclosureRule(platform.config);
  const submissionPart = submissionFigures(
    submissions.map((row) => ({
      kind: row.kind,
      stateCode: row.state_code,
      month: row.month,
      acknowledgement: row.acknowledgement,
      resolved: row.resolved,
      days: row.days === null ? null : Number(row.days),
      count: Number(row.n),
    })),
    rule,
  );
  const incidentPart = incidentFigures(
    incidents.map((row) => ({
      type: row.type,
      stateCode: row.state_code,
      month: row.month,
      accountability: row.accountability,
      count: Number(row.n),
    })),
    rule,
  );
  // The states by name: a few, asked of the zones module's gazetteer; only those a published group names.
  const stateNames: PublicGatewayFigures['stateNames'] = {};
  const codes = new Set<string>();
  for (const row of submissionPart.byStateMonth) if (row.stateCode && row.received !== null) codes.add(row.stateCode);
  for (const row of incidentPart.byStateMonth) if (row.total !== null) codes.add(row.stateCode);
  for (const code of codes) {
    const zone = await findZone(db, code);
    if (zone) stateNames[code] = zone.names;
  }
  return { threshold: rule.threshold, stateNames, submissions: submissionPart, incidents: incidentPart };
}
