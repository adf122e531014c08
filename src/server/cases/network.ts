import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { NetworkStatus } from '../../shared/cases/constants.ts';
import type {
  Corridor,
  CorridorInput,
  MovementNetwork,
  NetworkChange,
  Shelter,
  ShelterInput,
  TransitPoint,
  TransitPointInput,
} from '../../shared/cases/schemas.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { findZone } from '../zones/gazetteer.ts';
import { auditActorOf } from '../zones/support.ts';
import { presentCorridor, presentShelter, presentTransitPoint } from './presenters/movements.ts';
import { suspendMovements } from './suspensions.ts';
import { caseCorridorPoints, caseCorridors, caseMovements, caseShelters, caseTransitPoints } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * The movement network: transit points run by an organisation, corridors through them in order, and shelters
 * at the points. Nobody's personal data: every signed-in person may read it; coordinators and administrators
 * change it. Closing a point or a corridor suspends every planned movement that uses it in the same transaction.
 */

/** The whole network, with how many planned movements each point and corridor carries (what closing it stops). */
export async function readNetwork(ctx: RequestContext): Promise<MovementNetwork> {
  const db = ctx.db;
  const points = await db
    .select({ point: caseTransitPoints, operatorName: organisationNameOf(caseTransitPoints.operatorOrganisationId) })
    .from(caseTransitPoints)
    .orderBy(asc(caseTransitPoints.code));
  const shelters = await db.select().from(caseShelters).orderBy(asc(caseShelters.code));
  const corridors = await db.select().from(caseCorridors).orderBy(asc(caseCorridors.code));
  const route = await db.select().from(caseCorridorPoints).orderBy(asc(caseCorridorPoints.position));
  const planned = await queryRows<{ corridor_id: string; n: number }>(
    db,
    sql`select corridor_id, count(*)::int as n from ${caseMovements} where status = 'planned' group by corridor_id`,
  );
  const plannedOn = new Map(planned.map((row) => [row.corridor_id, row.n]));
  const pointById = new Map(points.map(({ point }) => [point.id, point]));
  const sheltersAt = (pointId: string): Shelter[] =>
    shelters.filter((shelter) => shelter.transitPointId === pointId).map(presentShelter);
  const corridorsThrough = (pointId: string) =>
    new Set(route.filter((row) => row.transitPointId === pointId).map((row) => row.corridorId));
  return {
    transitPoints: points.map(({ point, operatorName }) =>
      presentTransitPoint(point, operatorName ?? '', sheltersAt(point.id), sum(corridorsThrough(point.id), plannedOn)),
    ),
    corridors: corridors.map((corridor) =>
      presentCorridor(
        corridor,
        route.filter((row) => row.corridorId === corridor.id).map((row) => pointById.get(row.transitPointId)!),
        plannedOn.get(corridor.id) ?? 0,
      ),
    ),
  };
}

const sum = (ids: Set<string>, counts: Map<string, number>) =>
  [...ids].reduce((total, id) => total + (counts.get(id) ?? 0), 0);

async function codeFree(
  db: Database,
  table: typeof caseTransitPoints | typeof caseCorridors | typeof caseShelters,
  code: string,
) {
  const [taken] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
  if (taken) throw new AppError('conflict', { params: { reason: 'network_code_taken', code } });
}

/** A transit point by its code, with its zone, for another module that lets people name one (the gateway). */
export async function transitPointByCode(
  db: Database,
  code: string,
): Promise<{ id: string; code: string; pcode: string | null } | undefined> {
  const [row] = await db
    .select({ id: caseTransitPoints.id, code: caseTransitPoints.code, pcode: caseTransitPoints.pcode })
    .from(caseTransitPoints)
    .where(eq(caseTransitPoints.code, code.trim().toLowerCase()));
  return row;
}

/** A corridor by its code, for another module that lets people name one (the gateway's incidents). */
export async function corridorByCode(
  db: Database,
  code: string,
): Promise<{ id: string; code: string; toStateCode: string } | undefined> {
  const [row] = await db
    .select({ id: caseCorridors.id, code: caseCorridors.code, toStateCode: caseCorridors.toStateCode })
    .from(caseCorridors)
    .where(eq(caseCorridors.code, code.trim().toLowerCase()));
  return row;
}

/** The codes of transit points and corridors by their ids, for another module's presenters. */
export async function networkCodes(
  db: Database,
  ids: { transitPoints: readonly string[]; corridors: readonly string[] },
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  if (ids.transitPoints.length > 0) {
    const points = await db
      .select({ id: caseTransitPoints.id, code: caseTransitPoints.code })
      .from(caseTransitPoints)
      .where(inArray(caseTransitPoints.id, [...new Set(ids.transitPoints)]));
    for (const point of points) codes.set(point.id, point.code);
  }
  if (ids.corridors.length > 0) {
    const corridors = await db
      .select({ id: caseCorridors.id, code: caseCorridors.code })
      .from(caseCorridors)
      .where(inArray(caseCorridors.id, [...new Set(ids.corridors)]));
    for (const corridor of corridors) codes.set(corridor.id, corridor.code);
  }
  return codes;
}

export async function createTransitPoint(ctx: RequestContext, input: TransitPointInput): Promise<TransitPoint> {
  const actor = authorize(ctx, 'network:manage');
  return inTransaction(ctx.db, async (tx) => {
    await codeFree(tx, caseTransitPoints, input.code);
    const operator = await findOrganisationById(tx, input.operatorOrganisationId);
    if (!operator) throw notFound('organisation');
    if (input.pcode && !(await findZone(tx, input.pcode))) throw notFound('zone');
    const [point] = await tx
      .insert(caseTransitPoints)
      .values({
        code: input.code,
        name: input.name,
        pcode: input.pcode ?? null,
        operatorOrganisationId: operator.id,
        status: 'open',
      })
      .returning();
    await appendAudit(tx, {
      type: 'cases.network_changed',
      actor: auditActorOf(actor),
      subject: `transit_point:${point!.id}`,
      details: {
        kind: 'transit_point',
        id: point!.id,
        code: point!.code,
        status: 'open',
        suspendedMovements: 0,
      },
    });
    return presentTransitPoint(point!, operator.name, [], 0);
  });
}

export async function createCorridor(ctx: RequestContext, input: CorridorInput): Promise<Corridor> {
  const actor = authorize(ctx, 'network:manage');
  if (new Set(input.transitPointIds).size !== input.transitPointIds.length) {
    throw new AppError('conflict', { params: { reason: 'corridor_point_repeated' } });
  }
  return inTransaction(ctx.db, async (tx) => {
    await codeFree(tx, caseCorridors, input.code);
    const points = await tx.select().from(caseTransitPoints);
    const byId = new Map(points.map((point) => [point.id, point]));
    const route = input.transitPointIds.map((id) => byId.get(id));
    if (route.some((point) => point === undefined)) throw notFound('transit_point');
    const [corridor] = await tx
      .insert(caseCorridors)
      .values({
        code: input.code,
        name: input.name,
        fromStateCode: input.fromStateCode,
        toStateCode: input.toStateCode,
        status: 'open',
      })
      .returning();
    await tx.insert(caseCorridorPoints).values(
      input.transitPointIds.map((transitPointId, position) => ({
        corridorId: corridor!.id,
        position,
        transitPointId,
      })),
    );
    await appendAudit(tx, {
      type: 'cases.network_changed',
      actor: auditActorOf(actor),
      subject: `corridor:${corridor!.id}`,
      details: {
        kind: 'corridor',
        id: corridor!.id,
        code: corridor!.code,
        status: 'open',
        suspendedMovements: 0,
      },
    });
    return presentCorridor(corridor!, route as (typeof caseTransitPoints.$inferSelect)[], 0);
  });
}

export async function createShelter(ctx: RequestContext, input: ShelterInput): Promise<Shelter> {
  const actor = authorize(ctx, 'network:manage');
  return inTransaction(ctx.db, async (tx) => {
    await codeFree(tx, caseShelters, input.code);
    const [point] = await tx.select().from(caseTransitPoints).where(eq(caseTransitPoints.id, input.transitPointId));
    if (!point) throw notFound('transit_point');
    const [shelter] = await tx.insert(caseShelters).values(input).returning();
    await appendAudit(tx, {
      type: 'cases.network_changed',
      actor: auditActorOf(actor),
      subject: `shelter:${shelter!.id}`,
      details: {
        kind: 'shelter',
        id: shelter!.id,
        code: shelter!.code,
        status: 'open',
        suspendedMovements: 0,
      },
    });
    return presentShelter(shelter!);
  });
}

/**
 * Opens or closes a transit point. Closing it suspends (`transit_point_closed`) every planned movement along
 * a corridor through it, in the same transaction; its households go back to `eligible`, to be planned on
 * another route. Opening it again resumes nothing: suspended movements are planned anew.
 */
export async function setTransitPointStatus(
  ctx: RequestContext,
  id: string,
  status: NetworkStatus,
): Promise<NetworkChange> {
  const actor = authorize(ctx, 'network:manage');
  return inTransaction(ctx.db, async (tx) => {
    const [point] = await tx.select().from(caseTransitPoints).where(eq(caseTransitPoints.id, id)).for('update');
    if (!point) throw notFound('transit_point');
    const now = new Date();
    await tx.update(caseTransitPoints).set({ status, statusChangedAt: now }).where(eq(caseTransitPoints.id, id));
    const suspended =
      status === 'closed'
        ? await suspendMovements(tx, {
            reason: 'transit_point_closed',
            actor: auditActorOf(actor),
            now,
            stage: sql`'eligible'`,
            movements: sql`select m.id, jsonb_build_object('transitPointId', ${id}::text, 'code', ${point.code}::text) as detail
              from ${caseMovements} m
              where m.status = 'planned' and exists (select 1 from ${caseCorridorPoints} cp
                where cp.corridor_id = m.corridor_id and cp.transit_point_id = ${id})`,
          })
        : 0;
    await appendAudit(tx, {
      type: 'cases.network_changed',
      actor: auditActorOf(actor),
      subject: `transit_point:${id}`,
      details: { kind: 'transit_point', id, code: point.code, status, suspendedMovements: suspended },
    });
    return { status, suspendedMovements: suspended };
  });
}

/** Opens or closes a corridor; closing it suspends (`corridor_closed`) every planned movement along it. */
export async function setCorridorStatus(
  ctx: RequestContext,
  id: string,
  status: NetworkStatus,
): Promise<NetworkChange> {
  const actor = authorize(ctx, 'network:manage');
  return inTransaction(ctx.db, async (tx) => {
    const [corridor] = await tx.select().from(caseCorridors).where(eq(caseCorridors.id, id)).for('update');
    if (!corridor) throw notFound('corridor');
    const now = new Date();
    await tx.update(caseCorridors).set({ status, statusChangedAt: now }).where(eq(caseCorridors.id, id));
    const suspended =
      status === 'closed'
        ? await suspendMovements(tx, {
            reason: 'corridor_closed',
            actor: auditActorOf(actor),
            now,
            stage: sql`'eligible'`,
            movements: sql`select m.id, jsonb_build_object('corridorId', ${id}::text, 'code', ${corridor.code}::text) as detail
              from ${caseMovements} m where m.status = 'planned' and m.corridor_id = ${id}`,
          })
        : 0;
    await appendAudit(tx, {
      type: 'cases.network_changed',
      actor: auditActorOf(actor),
      subject: `corridor:${id}`,
      details: { kind: 'corridor', id, code: corridor.code, status, suspendedMovements: suspended },
    });
    return { status, suspendedMovements: suspended };
  });
}
