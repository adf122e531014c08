import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  DepartureResult,
  EligibilityRow,
  HouseholdMovements,
  MovementCandidate,
  MovementDetail,
  MovementInput,
  MovementPage,
  MovementStatus,
  ShelterNight,
} from '../../shared/cases/schemas.ts';
import type { LocalizedText } from '../../shared/zones/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneNamesOf } from '../zones/gazetteer.ts';
import { auditActorOf } from '../zones/support.ts';
import { reachableHousehold, reachableHouseholds } from './access.ts';
import { householdArrival } from './arrivals.ts';
import { openDecisions } from './decisions.ts';
import { checkEligibility, dayOf, type EligibilityOptions, eligibilityFacts, failedRules } from './eligibility.ts';
import { type MovementSummaryRow, presentMovementSummary, presentShelter } from './presenters/movements.ts';
import { type HouseholdFailure, SUSPENSION_NOTICE, suspendHouseholds } from './suspensions.ts';
import {
  caseCorridorPoints,
  caseCorridors,
  caseDecisions,
  caseHouseholds,
  caseMovementHouseholds,
  caseMovements,
  caseNotices,
  caseShelters,
  caseTransitPoints,
  caseVoluntarinessFiles,
} from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Movements: a convoy or an individual departure on a date along a corridor, carrying households to their
 * zones. Planning checks every household's eligibility (the destination rule, the non-refoulement guard,
 * first: it is never overridden) and the overnight shelter's room; departing checks eligibility again on the
 * day. A movement belongs to the organisation that planned it; it carries only households that organisation
 * may see.
 *
 * Shelter nights: a movement spends the night of its departure date at one shelter of its corridor (the one
 * the planner picks, or the first along the corridor with room). A shelter's occupancy for a night is the sum
 * of the people on the planned and departed movements staying there that night.
 */

/** Each household's eligibility rows as of `now`, read in a few statements (planning, departing, the day's check). */
export async function eligibilityOf(
  db: Database,
  householdIds: readonly string[],
  options: Required<EligibilityOptions>,
): Promise<Map<string, EligibilityRow[]>> {
  const facts = await eligibilityFacts(db, { householdIds }, options);
  return new Map([...facts].map(([id, householdFacts]) => [id, checkEligibility(householdFacts)]));
}

/** The suspension a household's failed rows call for: a stale class is named as such, any other failure as a failed check. */
export function failureOf(
  householdId: string,
  pcode: string,
  rows: readonly EligibilityRow[],
): HouseholdFailure | null {
  const failed = failedRules(rows);
  if (failed.length === 0) return null;
  const destination = rows.find((row) => row.rule === 'destination_safe');
  return {
    householdId,
    pcode,
    reason:
      destination && !destination.passed && destination.reason === 'class_stale'
        ? 'zone_class_stale'
        : 'eligibility_failed',
    failedRules: failed,
  };
}

const refuse = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('conflict', { params: { reason, ...params } });

/** The movements of the actor's organisation, as a condition on `case_movements m`. */
const ownMovement = (actor: Actor): SQL => sql`m.organisation_id = ${actor.organisationId}`;

/** Household rows counted on a movement: those sharing its fate (the planned on a planned one, and so on). */
const COUNTED = sql`(mh.status = m.status or (m.status in ('departed', 'arrived') and mh.status in ('departed', 'arrived')))`;

async function movementSummaries(db: Database, where: SQL, page?: { limit: number; offset: number }) {
  return queryRows<MovementSummaryRow>(
    db,
    sql`select m.id, m.kind, m.corridor_id, c.code as corridor_code, c.name as corridor_name,
        m.departs_on::text as departs_on, m.status, m.suspended_reason, m.suspended_detail, m.suspended_at,
        m.departed_at, count(mh.household_id)::int as households, coalesce(sum(mh.people), 0)::int as people
      from ${caseMovements} m
      join ${caseCorridors} c on c.id = m.corridor_id
      left join ${caseMovementHouseholds} mh on mh.movement_id = m.id and ${COUNTED}
      where ${where}
      group by m.id, c.id
      order by m.departs_on desc, m.created_at desc
      ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
}

/** The shelters of a corridor, in its order, each with the people staying there on the night of `day`. */
async function shelterNights(db: Database, corridorId: string, day: string, lock = false): Promise<ShelterNight[]> {
  const rows = await db
    .select({ shelter: caseShelters, pointCode: caseTransitPoints.code })
    .from(caseCorridorPoints)
    .innerJoin(caseShelters, eq(caseShelters.transitPointId, caseCorridorPoints.transitPointId))
    .innerJoin(caseTransitPoints, eq(caseTransitPoints.id, caseCorridorPoints.transitPointId))
    .where(eq(caseCorridorPoints.corridorId, corridorId))
    .orderBy(asc(caseCorridorPoints.position), asc(caseShelters.code))
    .for(lock ? 'update' : 'share', { of: caseShelters });
  if (rows.length === 0) return [];
  const occupied = await queryRows<{ shelter_id: string; people: number }>(
    db,
    sql`select m.shelter_id, coalesce(sum(mh.people), 0)::int as people
      from ${caseMovements} m join ${caseMovementHouseholds} mh on mh.movement_id = m.id
      where m.departs_on = ${day} and m.status in ('planned', 'departed', 'arrived')
        and mh.status in ('planned', 'departed', 'arrived')
        and m.shelter_id in ${rows.map((row) => row.shelter.id)}
      group by m.shelter_id`,
  );
  const occupancy = new Map(occupied.map((row) => [row.shelter_id, row.people]));
  return rows.map(({ shelter, pointCode }) => ({
    ...presentShelter(shelter),
    transitPointCode: pointCode,
    occupancy: occupancy.get(shelter.id) ?? 0,
  }));
}

/** What the planner shows for a corridor and a date: each shelter's capacity and occupancy that night. */
export async function corridorShelterNights(ctx: RequestContext, corridorId: string, day: string) {
  authorize(ctx, 'movement:plan');
  const [corridor] = await ctx.db.select().from(caseCorridors).where(eq(caseCorridors.id, corridorId));
  if (!corridor) throw notFound('corridor');
  return shelterNights(ctx.db, corridorId, day);
}

/**
 * The households the planner may put on a movement: those the organisation may see at stage `eligible`, with
 * no planned movement, optionally only those a corridor serves (from their state of asylum to their zone's state).
 */
export async function movementCandidates(ctx: RequestContext, corridorId?: string): Promise<MovementCandidate[]> {
  const actor = authorize(ctx, 'movement:plan');
  let served = sql`true`;
  if (corridorId) {
    const [corridor] = await ctx.db.select().from(caseCorridors).where(eq(caseCorridors.id, corridorId));
    if (!corridor) throw notFound('corridor');
    served = sql`${caseHouseholds.asylumStateCode} = ${corridor.fromStateCode} and ${caseHouseholds.stateCode} = ${corridor.toStateCode}`;
  }
  const rows = await queryRows<{
    id: string;
    reference: string;
    asylum_state_code: string;
    intended_pcode: string;
    zone_name: LocalizedText | null;
    member_count: number;
  }>(
    ctx.db,
    sql`select id, reference, asylum_state_code, intended_pcode, member_count,
        ${zoneNamesOf(caseHouseholds.intendedPcode)} as zone_name
      from ${caseHouseholds}
      where stage = 'eligible' and ${served} and ${reachableHouseholds(actor)}
        and not exists (select 1 from ${caseMovementHouseholds} mh where mh.household_id = ${caseHouseholds.id}
          and mh.status = 'planned')
      order by registered_at, reference limit 500`,
  );
  return rows.map((row) => ({
    householdId: row.id,
    reference: row.reference,
    asylumStateCode: row.asylum_state_code,
    destinationPcode: row.intended_pcode,
    destinationZoneName: row.zone_name,
    people: row.member_count,
  }));
}

/**
 * Plans a movement. Every household is checked, and the first that fails refuses the whole movement with a
 * problem naming the rule and the household's reference; nothing is written. In order: withdrawn, already on
 * a planned movement, not served by the corridor, the destination rule (`destination_unsafe`, never
 * overridden), the cooling-off period, any other failed rule, and the household's stage (an eligibility
 * decision must have found it eligible). Then the overnight shelter's room. The households go to
 * `departure_scheduled`.
 */
export async function planMovement(ctx: RequestContext, input: MovementInput): Promise<MovementDetail> {
  const actor = authorize(ctx, 'movement:plan');
  const now = new Date();
  const today = dayOf(now);
  if (input.departsOn < today) throw refuse('departure_in_past', { departsOn: input.departsOn });
  const householdIds = [...new Set(input.householdIds)];
  if (input.kind === 'individual' && householdIds.length > 1) throw refuse('individual_one_household');
  const id = await inTransaction(ctx.db, async (tx) => {
    // One planner at a time per corridor, so two movements cannot both take a shelter's last places.
    const [corridor] = await tx
      .select()
      .from(caseCorridors)
      .where(eq(caseCorridors.id, input.corridorId))
      .for('update');
    if (!corridor) throw notFound('corridor');
    if (corridor.status !== 'open') throw refuse('corridor_closed', { code: corridor.code });
    const [closedPoint] = await tx
      .select({ code: caseTransitPoints.code })
      .from(caseCorridorPoints)
      .innerJoin(caseTransitPoints, eq(caseTransitPoints.id, caseCorridorPoints.transitPointId))
      .where(and(eq(caseCorridorPoints.corridorId, corridor.id), eq(caseTransitPoints.status, 'closed')));
    if (closedPoint) throw refuse('transit_point_closed', { code: closedPoint.code });

    const households = [];
    for (const householdId of householdIds) households.push(await reachableHousehold({ db: tx, actor }, householdId));
    const withdrawnFiles = await queryRows<{ household_id: string }>(
      tx,
      sql`select distinct household_id from ${caseVoluntarinessFiles}
        where household_id in ${householdIds} and status = 'withdrawn'`,
    );
    const planned = await queryRows<{ household_id: string }>(
      tx,
      sql`select distinct mh.household_id from ${caseMovementHouseholds} mh
        join ${caseMovements} m on m.id = mh.movement_id
        where mh.household_id in ${householdIds} and mh.status = 'planned' and m.status = 'planned'`,
    );
    const eligibility = await eligibilityOf(tx, householdIds, {
      freshMonths: ctx.platform.config.zoneClassFreshMonths,
      now,
    });
    for (const household of households) {
      const reference = household.reference;
      if (household.stage === 'withdrawn' || withdrawnFiles.some((row) => row.household_id === household.id)) {
        throw refuse('withdrawn', { reference });
      }
      if (planned.some((row) => row.household_id === household.id)) throw refuse('already_planned', { reference });
      if (household.asylumStateCode !== corridor.fromStateCode || household.stateCode !== corridor.toStateCode) {
        throw refuse('corridor_does_not_serve', {
          reference,
          code: corridor.code,
          from: household.asylumStateCode,
          to: household.stateCode,
        });
      }
      const rows = eligibility.get(household.id)!;
      const destination = rows.find((row) => row.rule === 'destination_safe')!;
      if (!destination.passed) {
        throw refuse('destination_unsafe', {
          reference,
          pcode: household.intendedPcode,
          zoneClass: String(destination.params?.zoneClass ?? ''),
          why: destination.reason,
        });
      }
      const voluntariness = rows.find((row) => row.rule === 'voluntariness_complete')!;
      if (voluntariness.reason === 'cooling_off') {
        throw refuse('cooling_off', { reference, until: String(voluntariness.params?.until ?? '') });
      }
      const failed = failedRules(rows);
      if (failed.length > 0) throw refuse('household_not_eligible', { reference, rules: failed.join(', ') });
      if (household.stage !== 'eligible') throw refuse('not_decided_eligible', { reference, stage: household.stage });
    }

    const people = households.reduce((total, household) => total + household.memberCount, 0);
    const shelters = await shelterNights(tx, corridor.id, input.departsOn, true);
    let shelterId: string | null = null;
    if (input.shelterId) {
      const chosen = shelters.find((shelter) => shelter.id === input.shelterId);
      if (!chosen) throw notFound('shelter');
      if (chosen.occupancy + people > chosen.capacity) throw shelterFull(chosen, people);
      shelterId = chosen.id;
    } else if (shelters.length > 0) {
      const room = shelters.find((shelter) => shelter.occupancy + people <= shelter.capacity);
      if (!room)
        throw shelterFull(
          shelters.reduce((a, b) => (b.capacity - b.occupancy > a.capacity - a.occupancy ? b : a)),
          people,
        );
      shelterId = room.id;
    }

    const movementId = newId();
    await tx.insert(caseMovements).values({
      id: movementId,
      kind: input.kind,
      corridorId: corridor.id,
      departsOn: input.departsOn,
      shelterId,
      status: 'planned',
      organisationId: actor.organisationId,
      plannedBy: actor.userId,
    });
    await tx.insert(caseMovementHouseholds).values(
      households.map((household) => ({
        movementId,
        householdId: household.id,
        destinationPcode: household.intendedPcode,
        people: household.memberCount,
        status: 'planned',
      })),
    );
    await tx
      .update(caseHouseholds)
      .set({ stage: 'departure_scheduled', updatedAt: now })
      .where(sql`${caseHouseholds.id} in ${householdIds}`);
    // Each household's departure is decided by its own organisation: one pending decision at a time.
    const pendingDeparture = await queryRows<{ household_id: string }>(
      tx,
      sql`select household_id from ${caseDecisions}
        where household_id in ${householdIds} and kind = 'departure' and status = 'pending'`,
    );
    await openDecisions(
      tx,
      households
        .filter((household) => !pendingDeparture.some((row) => row.household_id === household.id))
        .map((household) => ({
          household,
          kind: 'departure' as const,
          organisationId: household.organisationId,
          levels: ctx.platform.config.serviceLevels,
          actor: auditActorOf(actor),
          now,
        })),
    );
    await appendAudit(tx, {
      type: 'cases.movement_planned',
      actor: auditActorOf(actor),
      subject: `movement:${movementId}`,
      details: {
        movementId,
        kind: input.kind,
        corridorId: corridor.id,
        departsOn: input.departsOn,
        households: households.length,
        people,
      },
    });
    return movementId;
  });
  return getMovement(ctx, id);
}

const shelterFull = (shelter: ShelterNight, people: number) =>
  refuse('shelter_full', {
    code: shelter.code,
    capacity: shelter.capacity,
    occupancy: shelter.occupancy,
    people,
  });

export async function listMovements(
  ctx: RequestContext,
  query: { status?: MovementStatus | undefined; limit: number; offset: number },
): Promise<MovementPage> {
  const actor = authorize(ctx, 'movement:plan');
  const where = sql`${ownMovement(actor)} ${query.status ? sql`and m.status = ${query.status}` : sql``}`;
  const [total] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from ${caseMovements} m where ${where}`,
  );
  const rows = await movementSummaries(ctx.db, where, query);
  return { total: total!.n, items: rows.map(presentMovementSummary) };
}

/** A movement of the actor's organisation, with its shelters that night and the households it may see. */
export async function getMovement(ctx: RequestContext, id: string): Promise<MovementDetail> {
  const actor = authorize(ctx, 'movement:plan');
  const [row] = await movementSummaries(ctx.db, sql`m.id = ${id} and ${ownMovement(actor)}`);
  if (!row) throw notFound('movement');
  const onBoard = await queryRows<{
    household_id: string;
    reference: string;
    destination_pcode: string;
    people: number;
    status: string;
  }>(
    ctx.db,
    sql`select mh.household_id, ${caseHouseholds.reference} as reference, mh.destination_pcode, mh.people, mh.status
      from ${caseMovementHouseholds} mh join ${caseHouseholds} on ${caseHouseholds.id} = mh.household_id
      where mh.movement_id = ${id} and ${reachableHouseholds(actor)}
      order by ${caseHouseholds.reference}`,
  );
  const [movement] = await ctx.db.select().from(caseMovements).where(eq(caseMovements.id, id));
  const shelters = (await shelterNights(ctx.db, row.corridor_id, row.departs_on)).filter(
    (shelter) => shelter.id === movement!.shelterId,
  );
  return {
    ...presentMovementSummary(row),
    shelters: shelters.map(({ transitPointCode: _code, ...shelter }) => shelter),
    onBoard: onBoard.map((household) => ({
      householdId: household.household_id,
      reference: household.reference,
      destinationPcode: household.destination_pcode,
      people: household.people,
      status: household.status as MovementStatus,
    })),
  };
}

async function lockOwnMovement(tx: Database, actor: Actor, id: string) {
  const [movement] = await tx
    .select()
    .from(caseMovements)
    .where(and(eq(caseMovements.id, id), eq(caseMovements.organisationId, actor.organisationId)))
    .for('update');
  if (!movement) throw notFound('movement');
  return movement;
}

/**
 * Departs a planned movement on (or after) its date, checking every household's eligibility again: those that
 * fail are taken off it and suspended (`eligibility_failed`, or `zone_class_stale` when the zone's class is too
 * old), back to `not_eligible`, their organisation told why; the others depart. When none passes, the movement
 * is suspended instead of departing.
 */
export async function departMovement(ctx: RequestContext, id: string): Promise<DepartureResult> {
  const actor = authorize(ctx, 'movement:plan');
  const now = new Date();
  const result = await inTransaction(ctx.db, async (tx) => {
    const movement = await lockOwnMovement(tx, actor, id);
    if (movement.status !== 'planned') throw refuse('movement_not_planned', { status: movement.status });
    if (dayOf(now) < movement.departsOn) throw refuse('before_departure_day', { departsOn: movement.departsOn });
    // Nobody leaves without a departure approved by their organisation: the latest departure decision of each.
    const unapproved = await queryRows<{ reference: string }>(
      tx,
      sql`select h.reference from ${caseMovementHouseholds} mh
        join ${caseHouseholds} h on h.id = mh.household_id
        left join lateral (select d.outcome from ${caseDecisions} d
          where d.household_id = mh.household_id and d.kind = 'departure'
          order by d.opened_at desc limit 1) d on true
        where mh.movement_id = ${id} and mh.status = 'planned' and d.outcome is distinct from 'approved'
        order by h.reference`,
    );
    if (unapproved.length > 0) {
      throw refuse('departure_not_approved', { references: unapproved.map((row) => row.reference).join(', ') });
    }
    const onBoard = await tx
      .select()
      .from(caseMovementHouseholds)
      .where(and(eq(caseMovementHouseholds.movementId, id), eq(caseMovementHouseholds.status, 'planned')));
    const failures = await checkOnBoard(tx, onBoard, { freshMonths: ctx.platform.config.zoneClassFreshMonths, now });
    await suspendHouseholds(tx, id, failures, auditActorOf(actor), now);
    const going = onBoard.filter((row) => !failures.some((failure) => failure.householdId === row.householdId));
    if (going.length > 0) await departHouseholds(tx, id, going, auditActorOf(actor), now);
    return {
      departed: going.length,
      suspended: failures.map((failure) => ({ householdId: failure.householdId, failedRules: failure.failedRules })),
    };
  });
  return { movement: await getMovement(ctx, id), ...result };
}

/** The households of `onBoard` that fail their eligibility check as of `now`. */
export async function checkOnBoard(
  db: Database,
  onBoard: readonly { householdId: string; destinationPcode: string }[],
  options: Required<EligibilityOptions>,
): Promise<HouseholdFailure[]> {
  if (onBoard.length === 0) return [];
  const eligibility = await eligibilityOf(
    db,
    onBoard.map((row) => row.householdId),
    options,
  );
  return onBoard.flatMap(
    (row) => failureOf(row.householdId, row.destinationPcode, eligibility.get(row.householdId)!) ?? [],
  );
}

async function departHouseholds(
  tx: Database,
  movementId: string,
  going: readonly { householdId: string; people: number }[],
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const ids = going.map((row) => row.householdId);
  await tx.execute(sql`update ${caseMovementHouseholds} set status = 'departed'
    where movement_id = ${movementId} and household_id in ${ids}`);
  await tx.update(caseHouseholds).set({ stage: 'departed', updatedAt: now }).where(sql`${caseHouseholds.id} in ${ids}`);
  await tx.update(caseMovements).set({ status: 'departed', departedAt: now }).where(eq(caseMovements.id, movementId));
  await appendAudit(tx, {
    type: 'cases.movement_departed',
    actor,
    subject: `movement:${movementId}`,
    details: { movementId, households: going.length, people: going.reduce((total, row) => total + row.people, 0) },
  });
}

/**
 * Cancels a planned or suspended movement: its planned households go back to `eligible`, free to be planned
 * again; those already suspended keep the stage their suspension gave them.
 */
export async function cancelMovement(ctx: RequestContext, id: string): Promise<MovementDetail> {
  const actor = authorize(ctx, 'movement:plan');
  await inTransaction(ctx.db, async (tx) => {
    const movement = await lockOwnMovement(tx, actor, id);
    if (movement.status !== 'planned' && movement.status !== 'suspended') {
      throw refuse('movement_not_cancellable', { status: movement.status });
    }
    const released = await tx
      .update(caseMovementHouseholds)
      .set({ status: 'cancelled' })
      .where(and(eq(caseMovementHouseholds.movementId, id), eq(caseMovementHouseholds.status, 'planned')))
      .returning({ householdId: caseMovementHouseholds.householdId });
    if (released.length > 0) {
      await tx
        .update(caseHouseholds)
        .set({ stage: 'eligible', updatedAt: new Date() })
        .where(
          sql`${caseHouseholds.id} in ${released.map((row) => row.householdId)} and ${caseHouseholds.stage} = 'departure_scheduled'`,
        );
    }
    await tx.update(caseMovements).set({ status: 'cancelled' }).where(eq(caseMovements.id, id));
    await appendAudit(tx, {
      type: 'cases.movement_cancelled',
      actor: auditActorOf(actor),
      subject: `movement:${id}`,
      details: { movementId: id, households: released.length },
    });
  });
  return getMovement(ctx, id);
}

/**
 * A household's movements, newest first, each with its status for the household and, when its place was
 * suspended, why (the movement's suspension, or the notice that took this household off a movement that went
 * on); and its arrival with the follow-up schedule.
 */
export async function householdMovements(ctx: RequestContext, householdId: string): Promise<HouseholdMovements> {
  authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  const places = await ctx.db
    .select()
    .from(caseMovementHouseholds)
    .where(eq(caseMovementHouseholds.householdId, household.id));
  const summaries =
    places.length === 0 ? [] : await movementSummaries(ctx.db, sql`m.id in ${places.map((place) => place.movementId)}`);
  const notices = await ctx.db
    .select()
    .from(caseNotices)
    .where(and(eq(caseNotices.householdId, household.id), eq(caseNotices.kind, SUSPENSION_NOTICE)));
  return {
    movements: summaries.map((row) => {
      const place = places.find((candidate) => candidate.movementId === row.id)!;
      const movement = presentMovementSummary(row);
      if (place.status === 'suspended' && movement.suspension === null) {
        const notice = notices
          .filter((candidate) => (candidate.detail as { movementId?: string }).movementId === row.id)
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
        if (notice) {
          const { reason, ...detail } = notice.detail as Record<string, string | number | null>;
          movement.suspension = {
            reason: reason as NonNullable<typeof movement.suspension>['reason'],
            at: notice.createdAt.toISOString(),
            detail,
          };
        }
      }
      return {
        movement,
        status: place.status as MovementStatus,
        destinationPcode: place.destinationPcode,
        people: place.people,
      };
    }),
    arrival: await householdArrival(ctx.db, household.id),
  };
}
