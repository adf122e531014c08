import { and, eq, type SQL, sql } from 'drizzle-orm';
import { FOLLOW_UP_MONTHS } from '../../shared/cases/constants.ts';
import type {
  Arrival,
  ArrivalInput,
  ArrivalPage,
  AwaitedArrivalPage,
  AwaitedArrivalsQuery,
} from '../../shared/cases/schemas.ts';
import type { LocalizedText } from '../../shared/zones/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneNamesOf } from '../zones/gazetteer.ts';
import { auditActorOf } from '../zones/support.ts';
import { reachableHousehold, reachableHouseholds } from './access.ts';
import { dayOf } from './eligibility.ts';
import { type ArrivalRow, presentArrival } from './presenters/movements.ts';
import { caseArrivals, caseFollowUps, caseHouseholds, caseMovementHouseholds, caseMovements } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Arrivals at the destination zone, and the outcome follow-ups each arrival schedules (1, 3, 6 and 12 months
 * after it) for the outcome-monitoring module.
 */

/**
 * The day `months` calendar months after `day` (YYYY-MM-DD), kept within the month: 31 January plus one month
 * is 28 (or 29) February, not 3 March.
 */
export function monthsAfter(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The follow-up schedule of an arrival on `arrivedOn`: one row per FOLLOW_UP_MONTHS. */
export const followUpSchedule = (arrivedOn: string) =>
  FOLLOW_UP_MONTHS.map((months) => ({ monthsAfterArrival: months, dueOn: monthsAfter(arrivedOn, months) }));

const refuse = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('conflict', { params: { reason, ...params } });

/** Stages from which nobody arrives: the case ended, or it already did. */
const NOT_TRAVELLING = ['withdrawn', 'closed', 'arrived'];

/**
 * Records a household's arrival at its destination zone on a date. It closes the household's departed
 * movement (the one named, or the one it is on); a household that returned outside any movement is recorded
 * too, so that its follow-ups are scheduled, unless a movement is still planned for it. The household goes to
 * `arrived`; the movement becomes `arrived` once all its travellers have.
 */
export async function recordArrival(ctx: RequestContext, input: ArrivalInput): Promise<Arrival> {
  const actor = authorize(ctx, 'arrival:record');
  const now = new Date();
  if (input.arrivedOn > dayOf(now)) throw refuse('arrival_in_future', { arrivedOn: input.arrivedOn });
  const id = await inTransaction(ctx.db, async (tx) => {
    const household = await reachableHousehold({ db: tx, actor }, input.householdId);
    const [locked] = await tx.select().from(caseHouseholds).where(eq(caseHouseholds.id, household.id)).for('update');
    const [existing] = await tx.select().from(caseArrivals).where(eq(caseArrivals.householdId, household.id));
    if (existing) throw refuse('already_arrived', { arrivedOn: existing.arrivedOn });
    if (NOT_TRAVELLING.includes(locked!.stage)) throw refuse('not_travelling', { stage: locked!.stage });
    const places = await tx
      .select({ place: caseMovementHouseholds, departsOn: caseMovements.departsOn })
      .from(caseMovementHouseholds)
      .innerJoin(caseMovements, eq(caseMovements.id, caseMovementHouseholds.movementId))
      .where(eq(caseMovementHouseholds.householdId, household.id));
    const departed = places.find(
      ({ place }) => place.status === 'departed' && (!input.movementId || place.movementId === input.movementId),
    );
    if (input.movementId && !departed) throw notFound('movement');
    if (!departed && places.some(({ place }) => place.status === 'planned')) throw refuse('movement_still_planned');
    if (departed && input.arrivedOn < departed.departsOn) {
      throw refuse('arrival_before_departure', { departsOn: departed.departsOn });
    }
    const people = departed?.place.people ?? locked!.memberCount;
    const movementId = departed?.place.movementId ?? null;
    const [arrival] = await tx
      .insert(caseArrivals)
      .values({
        householdId: household.id,
        movementId,
        arrivedOn: input.arrivedOn,
        pcode: household.intendedPcode,
        people,
        recordedBy: actor.userId,
      })
      .returning();
    const schedule = followUpSchedule(input.arrivedOn);
    await tx
      .insert(caseFollowUps)
      .values(
        schedule.map((row) => ({ ...row, householdId: household.id, arrivalId: arrival!.id, status: 'scheduled' })),
      );
    await tx
      .update(caseHouseholds)
      .set({ stage: 'arrived', updatedAt: now })
      .where(eq(caseHouseholds.id, household.id));
    if (movementId) {
      await tx
        .update(caseMovementHouseholds)
        .set({ status: 'arrived' })
        .where(
          and(eq(caseMovementHouseholds.movementId, movementId), eq(caseMovementHouseholds.householdId, household.id)),
        );
      await tx.execute(sql`update ${caseMovements} m set status = 'arrived' where m.id = ${movementId}
        and not exists (select 1 from ${caseMovementHouseholds} mh where mh.movement_id = m.id and mh.status = 'departed')`);
    }
    await appendAudit(tx, {
      type: 'cases.arrival_recorded',
      actor: auditActorOf(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        arrivalId: arrival!.id,
        movementId,
        pcode: household.intendedPcode,
        arrivedOn: input.arrivedOn,
        followUps: schedule.length,
      },
    });
    return arrival!.id;
  });
  const [row] = await arrivalRows(ctx.db, sql`a.id = ${id}`);
  return presentArrival(row!);
}

function arrivalRows(db: Database, where: SQL, page?: { limit: number; offset: number }) {
  return queryRows<ArrivalRow>(
    db,
    sql`select a.id, a.household_id, ${caseHouseholds.reference} as reference, a.movement_id,
        a.arrived_on::text as arrived_on, a.pcode, a.people,
        (select json_agg(json_build_object('monthsAfterArrival', f.months_after_arrival, 'dueOn', f.due_on::text,
            'status', f.status)) from ${caseFollowUps} f where f.arrival_id = a.id) as follow_ups
      from ${caseArrivals} a join ${caseHouseholds} on ${caseHouseholds.id} = a.household_id
      where ${where}
      order by a.arrived_on desc, a.created_at desc
      ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
}

/** A household's arrival with its follow-ups, if it arrived (for its movements; callers check its reach). */
export async function householdArrival(db: Database, householdId: string): Promise<Arrival | null> {
  const [row] = await arrivalRows(db, sql`a.household_id = ${householdId}`);
  return row ? presentArrival(row) : null;
}

/** The arrivals log: arrivals of households the organisation may see, newest first, by date range and zone. */
export async function listArrivals(
  ctx: RequestContext,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    pcode?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<ArrivalPage> {
  const actor = authorize(ctx, 'arrival:record');
  const where = sql.join(
    [
      reachableHouseholds(actor),
      ...(query.from ? [sql`a.arrived_on >= ${query.from}`] : []),
      ...(query.to ? [sql`a.arrived_on <= ${query.to}`] : []),
      ...(query.pcode ? [sql`a.pcode = ${query.pcode}`] : []),
    ],
    sql` and `,
  );
  const [total] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from ${caseArrivals} a
      join ${caseHouseholds} on ${caseHouseholds.id} = a.household_id where ${where}`,
  );
  const rows = await arrivalRows(ctx.db, where, query);
  return { total: total!.n, items: rows.map(presentArrival) };
}

/**
 * Households on a departed movement, not yet arrived: what the destination's teams expect, oldest departure
 * first, then by reference. Read a page at a time by keyset: the movement and household ids break ties, and the
 * cursor names the last row's movement and household, whose keys are read back (a household that arrived since
 * keeps its place). `total` counts them all.
 */
export async function awaitedArrivals(ctx: RequestContext, query: AwaitedArrivalsQuery): Promise<AwaitedArrivalPage> {
  const actor = authorize(ctx, 'arrival:record');
  const awaited = sql`mh.status = 'departed' and ${reachableHouseholds(actor)}`;
  let after = sql``;
  if (query.cursor !== undefined) {
    const [movementId, householdId] = query.cursor.split('.');
    const [keys] = await queryRows<{ departs_on: string; reference: string }>(
      ctx.db,
      sql`select m.departs_on::text as departs_on, ${caseHouseholds.reference} as reference
        from ${caseMovementHouseholds} mh
        join ${caseMovements} m on m.id = mh.movement_id
        join ${caseHouseholds} on ${caseHouseholds.id} = mh.household_id
        where mh.movement_id = ${movementId} and mh.household_id = ${householdId} and ${reachableHouseholds(actor)}`,
    );
    if (!keys) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'querystring.cursor', code: 'cursor', message: 'not a cursor of the awaited arrivals' }],
      });
    }
    after = sql`and (m.departs_on, ${caseHouseholds.reference}, mh.movement_id, mh.household_id)
      > (${keys.departs_on}::date, ${keys.reference}, ${movementId}::uuid, ${householdId}::uuid)`;
  }
  const [total] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from ${caseMovementHouseholds} mh
      join ${caseHouseholds} on ${caseHouseholds.id} = mh.household_id
      where ${awaited}`,
  );
  const rows = await queryRows<{
    household_id: string;
    reference: string;
    movement_id: string;
    departs_on: string;
    destination_pcode: string;
    zone_name: LocalizedText | null;
    people: number;
  }>(
    ctx.db,
    sql`select mh.household_id, ${caseHouseholds.reference} as reference, mh.movement_id,
        m.departs_on::text as departs_on, mh.destination_pcode, mh.people,
        ${zoneNamesOf(sql`mh.destination_pcode`)} as zone_name
      from ${caseMovementHouseholds} mh
      join ${caseMovements} m on m.id = mh.movement_id
      join ${caseHouseholds} on ${caseHouseholds.id} = mh.household_id
      where ${awaited} ${after}
      order by m.departs_on, ${caseHouseholds.reference}, mh.movement_id, mh.household_id
      limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      householdId: row.household_id,
      reference: row.reference,
      movementId: row.movement_id,
      departsOn: row.departs_on,
      destinationPcode: row.destination_pcode,
      destinationZoneName: row.zone_name,
      people: row.people,
    })),
    total: total!.n,
    nextCursor: rows.length > query.limit && last ? `${last.movement_id}.${last.household_id}` : null,
  };
}
