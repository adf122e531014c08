import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { NoticePage } from '../../shared/cases/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { queryRows } from '../platform/db/client.ts';
import { upsertZones } from '../zones/gazetteer.ts';
import { writePublication } from '../zones/publications.ts';
import { currentPeriod } from '../zones/support.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { monthsAfter } from './arrivals.ts';
import { checkTodaysDepartures } from './departure-check.ts';
import { dayOf } from './eligibility.ts';
import { suspendForPublication } from './suspensions.ts';
import {
  caseCounsellingSessions,
  caseFollowUps,
  caseHouseholds,
  caseMovementHouseholds,
  caseMovements,
  caseNotices,
  caseProtectionFlags,
  caseVoluntarinessFiles,
  caseZoneInformation,
} from './tables.ts';
import { insertTestHousehold } from './test-support.ts';

let env: TestEnvironment;
let coordinator: TestAccount;
let planner: TestClient;
let otherPlanner: TestClient;
const today = dayOf(new Date());
const period = currentPeriod();
const addDays = (day: string, days: number) => new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await createTestZones(db);
  await upsertZones(db, [
    { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 8000 },
    { pcode: 'QM0103', parentPcode: 'QM01', level: 'admin2', names: { en: 'Cedar' }, population: 5000 },
  ]);
  coordinator = await createTestAccount(env.app, { roles: ['coordinator'] });
  planner = await signIn(env.app, coordinator);
  otherPlanner = await signIn(env.app, await createTestAccount(env.app, { roles: ['coordinator'] }));
  await publishTestClasses(db, coordinator, period, {
    QM0101: 'conducive',
    QM0102: 'conducive',
    QM0103: 'not_conducive',
  });
});
afterAll(() => env.close());

let codes = 0;
/** A transit point with a shelter of `capacity`, and a corridor from QT to QM through it. */
async function network(capacity = 100) {
  const n = ++codes;
  const point = await planner.request({
    method: 'POST',
    url: '/api/v1/cases/network/transit-points',
    payload: {
      code: `tp-${n}`,
      name: `Point ${n}`,
      pcode: 'QM0101',
      operatorOrganisationId: coordinator.organisationId,
    },
  });
  expect(point.statusCode, point.body).toBe(201);
  const shelter = await planner.request({
    method: 'POST',
    url: '/api/v1/cases/network/shelters',
    payload: { code: `sh-${n}`, name: `Shelter ${n}`, transitPointId: point.json().id, capacity },
  });
  expect(shelter.statusCode, shelter.body).toBe(201);
  const corridor = await planner.request({
    method: 'POST',
    url: '/api/v1/cases/network/corridors',
    payload: {
      code: `co-${n}`,
      name: `Corridor ${n}`,
      fromStateCode: 'QT',
      toStateCode: 'QM',
      transitPointIds: [point.json().id],
    },
  });
  expect(corridor.statusCode, corridor.body).toBe(201);
  return { pointId: point.json().id as string, shelterId: shelter.json().id as string, corridorId: corridor.json().id };
}

/**
 * An eligible household of an adult and a child, going to `pcode`, its adult's voluntariness file complete
 * (declared `declaredDaysAgo` days ago, cooling-off 7 days).
 */
async function household(
  options: { pcode?: string; declaredDaysAgo?: number; stage?: 'eligible' | 'withdrawn'; organisationId?: string } = {},
) {
  const db = env.database.db;
  const created = await insertTestHousehold(db, env.app.platform.keyring, {
    organisationId: options.organisationId ?? coordinator.organisationId,
    intendedPcode: options.pcode ?? 'QM0101',
    stage: options.stage ?? 'eligible',
  });
  const declared = addDays(today, -(options.declaredDaysAgo ?? 20));
  const [file] = await db
    .insert(caseVoluntarinessFiles)
    .values({
      householdId: created.id,
      personId: created.personIds[0]!,
      status: 'complete',
      intentionOn: addDays(declared, -30),
      declarationSignedOn: declared,
      coolingOffDays: 7,
      coolingOffEndsOn: addDays(declared, 7),
    })
    .returning();
  await db.insert(caseCounsellingSessions).values({
    fileId: file!.id,
    heldOn: addDays(declared, -10),
    organisationId: coordinator.organisationId,
    counsellorId: coordinator.userId,
    language: 'ar',
    private: true,
  });
  await db.insert(caseZoneInformation).values({
    fileId: file!.id,
    givenOn: addDays(declared, -10),
    pcode: options.pcode ?? 'QM0101',
    zoneClass: 'conducive',
    shown: {},
    language: 'ar',
    givenBy: coordinator.userId,
  });
  return created;
}

const plan = (payload: Record<string, unknown>, client = planner) =>
  client.request({ method: 'POST', url: '/api/v1/cases/movements', payload: { kind: 'convoy', ...payload } });

const stageOf = async (id: string) =>
  (await env.database.db.select().from(caseHouseholds).where(eq(caseHouseholds.id, id)))[0]!.stage;

const movementCount = async () =>
  (await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from ${caseMovements}`))[0]!.n;

/** Approves the household's pending departure decision, as its organisation's decision-maker. */
async function approveDeparture(householdId: string) {
  const read = await planner.request({ method: 'GET', url: `/api/v1/cases/households/${householdId}/decisions` });
  const pending = read
    .json()
    .decisions.find(
      (decision: { kind: string; status: string }) => decision.kind === 'departure' && decision.status === 'pending',
    );
  const decided = await planner.request({
    method: 'POST',
    url: `/api/v1/cases/decisions/${pending.id}/decision`,
    payload: { outcome: 'approved', rationale: 'Eligible; a seat on this convoy.' },
  });
  expect(decided.statusCode, decided.body).toBe(200);
}

async function auditOf(type: string, subject: string) {
  return env.database.db
    .select({ details: auditDetails.details })
    .from(auditEntries)
    .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
    .where(and(eq(auditEntries.eventType, type), eq(auditEntries.subject, subject)));
}

describe('the movement network', () => {
  it('lists transit points, shelters and corridors, and refuses a code used twice', async () => {
    const { corridorId, pointId } = await network(30);
    const read = await planner.request({ method: 'GET', url: '/api/v1/cases/network' });
    expect(read.statusCode).toBe(200);
    const point = read.json().transitPoints.find((candidate: { id: string }) => candidate.id === pointId);
    expect(point).toMatchObject({ status: 'open', shelters: [{ capacity: 30 }], plannedMovements: 0 });
    expect(read.json().corridors.find((c: { id: string }) => c.id === corridorId).points).toHaveLength(1);
    const again = await planner.request({
      method: 'POST',
      url: '/api/v1/cases/network/transit-points',
      payload: { code: point.code, name: 'Again', operatorOrganisationId: coordinator.organisationId },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('Code already used');
  });

  it('closing a transit point suspends the planned movements through it, sends the households back to eligible and tells their organisation', async () => {
    const { corridorId, pointId } = await network();
    const travelling = await household();
    const planned = await plan({ corridorId, departsOn: addDays(today, 3), householdIds: [travelling.id] });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(await stageOf(travelling.id)).toBe('departure_scheduled');

    const closed = await planner.request({
      method: 'POST',
      url: `/api/v1/cases/network/transit-points/${pointId}/status`,
      payload: { status: 'closed' },
    });
    expect(closed.json()).toEqual({ status: 'closed', suspendedMovements: 1 });
    const movement = await planner.request({ method: 'GET', url: `/api/v1/cases/movements/${planned.json().id}` });
    expect(movement.json()).toMatchObject({ status: 'suspended', suspension: { reason: 'transit_point_closed' } });
    expect(await stageOf(travelling.id)).toBe('eligible');
    const [changed] = await auditOf('cases.network_changed', `transit_point:${pointId}`).then((rows) => rows.slice(-1));
    expect(changed!.details).toMatchObject({ status: 'closed', suspendedMovements: 1 });
    const notices = await planner.request({ method: 'GET', url: '/api/v1/cases/notices?unread=true' });
    expect(notices.json<NoticePage>().items.find((notice) => notice.householdId === travelling.id)).toMatchObject({
      kind: 'movement_suspended',
      detail: { reason: 'transit_point_closed', code: `tp-${codes}` },
    });

    // A closed corridor refuses new movements; closing it suspends those planned along it.
    const refused = await plan({ corridorId, departsOn: addDays(today, 3), householdIds: [travelling.id] });
    expect(refused.json()).toMatchObject({ status: 409, title: 'Transit point closed' });
    const second = await network();
    const other = await household();
    const along = await plan({ corridorId: second.corridorId, departsOn: addDays(today, 3), householdIds: [other.id] });
    const corridorClosed = await planner.request({
      method: 'POST',
      url: `/api/v1/cases/network/corridors/${second.corridorId}/status`,
      payload: { status: 'closed' },
    });
    expect(corridorClosed.json()).toEqual({ status: 'closed', suspendedMovements: 1 });
    const alongNow = await planner.request({ method: 'GET', url: `/api/v1/cases/movements/${along.json().id}` });
    expect(alongNow.json().suspension.reason).toBe('corridor_closed');
  });
});

describe('planning a movement', () => {
  it('refuses, naming the rule and writing nothing: cooling-off, unsafe destination, withdrawn, already planned', async () => {
    const { corridorId } = await network();
    const departsOn = addDays(today, 2);
    const ready = await household();
    const cooling = await household({ declaredDaysAgo: 2 });
    const unsafe = await household({ pcode: 'QM0103' });
    const withdrawn = await household({ stage: 'withdrawn' });
    const fileWithdrawn = await household();
    await env.database.db
      .update(caseVoluntarinessFiles)
      .set({ status: 'withdrawn', withdrawnAt: new Date() })
      .where(eq(caseVoluntarinessFiles.householdId, fileWithdrawn.id));
    const before = await movementCount();

    const expectations: [string, string, string][] = [
      [cooling.id, 'Cooling-off period not over', addDays(today, 5)],
      [unsafe.id, 'Destination not safe for return', 'cannot be overridden'],
      [withdrawn.id, 'Return withdrawn', withdrawn.reference],
      [fileWithdrawn.id, 'Return withdrawn', fileWithdrawn.reference],
    ];
    for (const [id, title, inDetail] of expectations) {
      const refused = await plan({ corridorId, departsOn, householdIds: [ready.id, id] });
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().title).toBe(title);
      expect(refused.json().detail).toContain(inDetail);
    }
    expect(await movementCount()).toBe(before);
    expect(await stageOf(ready.id)).toBe('eligible');

    expect((await plan({ corridorId, departsOn, householdIds: [ready.id] })).statusCode).toBe(201);
    const twice = await plan({ corridorId, departsOn, householdIds: [ready.id] });
    expect(twice.json()).toMatchObject({ status: 409, title: 'Already on a movement' });
    const past = await plan({ corridorId, departsOn: addDays(today, -1), householdIds: [cooling.id] });
    expect(past.json().title).toBe('Departure date passed');
  });

  it('respects the shelter capacity on the night of departure', async () => {
    const { corridorId, shelterId } = await network(5);
    const departsOn = addDays(today, 4);
    const [a, b, c] = [await household(), await household(), await household()];
    const first = await plan({ corridorId, departsOn, householdIds: [a.id, b.id] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ households: 2, people: 4, shelters: [{ id: shelterId, occupancy: 4 }] });
    const nights = await planner.request({
      method: 'GET',
      url: `/api/v1/cases/movements/shelters?corridorId=${corridorId}&date=${departsOn}`,
    });
    expect(nights.json()).toMatchObject([{ id: shelterId, capacity: 5, occupancy: 4 }]);
    const before = await movementCount();
    const full = await plan({ corridorId, departsOn, householdIds: [c.id] });
    expect(full.json()).toMatchObject({ status: 409, title: 'Shelter full' });
    expect(full.json().detail).toContain('already has 4');
    expect(await movementCount()).toBe(before);
    expect(await stageOf(c.id)).toBe('eligible');
    // Another night has room.
    expect((await plan({ corridorId, departsOn: addDays(departsOn, 1), householdIds: [c.id] })).statusCode).toBe(201);
  });

  it('hides another organisation’s households and movements (404)', async () => {
    const { corridorId } = await network();
    const mine = await household();
    const planned = await plan({ corridorId, departsOn: addDays(today, 6), householdIds: [mine.id] });
    expect(
      (await plan({ corridorId, departsOn: addDays(today, 6), householdIds: [mine.id] }, otherPlanner)).statusCode,
    ).toBe(404);
    expect(
      (await otherPlanner.request({ method: 'GET', url: `/api/v1/cases/movements/${planned.json().id}` })).statusCode,
    ).toBe(404);
    expect(
      (await otherPlanner.request({ method: 'POST', url: `/api/v1/cases/movements/${planned.json().id}/cancel` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherPlanner.request({ method: 'GET', url: `/api/v1/cases/households/${mine.id}/movements` })).statusCode,
    ).toBe(404);
    const list = await otherPlanner.request({ method: 'GET', url: '/api/v1/cases/movements' });
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(planned.json().id);
  });
});

describe('bad input', () => {
  it('refuses wrong types, a NUL byte and unknown fields with a 400 naming the field, writing nothing', async () => {
    const { corridorId } = await network();
    const before = await movementCount();
    for (const payload of [
      { corridorId, departsOn: 'tomorrow', householdIds: [] },
      { corridorId: 'x', departsOn: today, householdIds: ['not-an-id'] },
      { corridorId, departsOn: today, householdIds: [corridorId], extra: 1 },
    ]) {
      const refused = await plan(payload);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().errors.length).toBeGreaterThan(0);
    }
    const nul = await planner.request({
      method: 'POST',
      url: '/api/v1/cases/network/transit-points',
      payload: { code: 'tp-nul', name: 'Bad\u0000name', operatorOrganisationId: coordinator.organisationId },
    });
    expect(nul.statusCode).toBe(400);
    expect(await movementCount()).toBe(before);
  });

  it("refuses another organisation's household on arrival, and its notices (404)", async () => {
    const mine = await household();
    const arrival = await otherPlanner.request({
      method: 'POST',
      url: '/api/v1/cases/arrivals',
      payload: { householdId: mine.id, arrivedOn: today },
    });
    expect(arrival.statusCode).toBe(404);
    expect(await stageOf(mine.id)).toBe('eligible');
    const [notice] = await env.database.db
      .insert(caseNotices)
      .values({
        householdId: mine.id,
        organisationId: coordinator.organisationId,
        kind: 'movement_suspended',
        detail: {},
      })
      .returning();
    const read = await otherPlanner.request({ method: 'POST', url: `/api/v1/cases/notices/${notice!.id}/read` });
    expect(read.statusCode).toBe(404);
    const own = await planner.request({ method: 'POST', url: `/api/v1/cases/notices/${notice!.id}/read` });
    expect(own.json().readAt).not.toBeNull();
  });
});

describe('departure and arrival', () => {
  it('checks eligibility again on the day: a failing household is suspended, the others depart', async () => {
    const db = env.database.db;
    const { corridorId } = await network();
    const going = await household();
    const flagged = await household();
    const planned = await plan({ corridorId, departsOn: today, householdIds: [going.id, flagged.id] });
    expect(planned.statusCode, planned.body).toBe(201);
    const depart = () =>
      planner.request({ method: 'POST', url: `/api/v1/cases/movements/${planned.json().id}/depart` });
    // Nobody leaves before their organisation approves the departure.
    await approveDeparture(going.id);
    const waiting = await depart();
    expect(waiting.json()).toMatchObject({ status: 409, title: 'Departure not approved' });
    expect(waiting.json().detail).toContain(flagged.reference);
    expect(waiting.json().detail).not.toContain(going.reference);
    expect(await stageOf(going.id)).toBe('departure_scheduled');
    await approveDeparture(flagged.id);
    // A flag raised after the approval still stops the household on the day.
    await db.insert(caseProtectionFlags).values({
      householdId: flagged.id,
      indicators: ['threats'],
      status: 'open',
      raisedBy: coordinator.userId,
    });
    const departed = await depart();
    expect(departed.statusCode, departed.body).toBe(200);
    expect(departed.json()).toMatchObject({
      departed: 1,
      suspended: [{ householdId: flagged.id, failedRules: ['no_open_protection_flag'] }],
      movement: { status: 'departed', households: 1, people: 2 },
    });
    expect(await stageOf(going.id)).toBe('departed');
    expect(await stageOf(flagged.id)).toBe('not_eligible');
    const page = await planner.request({ method: 'GET', url: `/api/v1/cases/households/${flagged.id}/movements` });
    expect(page.json().movements[0]).toMatchObject({
      status: 'suspended',
      movement: { status: 'departed', suspension: { reason: 'eligibility_failed' } },
    });

    const awaited = await planner.request({ method: 'GET', url: '/api/v1/cases/arrivals/awaited' });
    expect(awaited.json().items.map((row: { householdId: string }) => row.householdId)).toContain(going.id);
    expect(awaited.json().items.find((row: { householdId: string }) => row.householdId === going.id)).toMatchObject({
      destinationPcode: 'QM0101',
      destinationZoneName: { en: 'Alder' },
    });

    // Arrival: the household arrives, the movement too, and four follow-ups are scheduled.
    const arrival = await planner.request({
      method: 'POST',
      url: '/api/v1/cases/arrivals',
      payload: { householdId: going.id, arrivedOn: today },
    });
    expect(arrival.statusCode, arrival.body).toBe(201);
    expect(arrival.json()).toMatchObject({ movementId: planned.json().id, pcode: 'QM0101', people: 2 });
    expect(arrival.json().followUps).toEqual(
      [1, 3, 6, 12].map((months) => ({
        monthsAfterArrival: months,
        dueOn: monthsAfter(today, months),
        status: 'scheduled',
      })),
    );
    const stored = await db.select().from(caseFollowUps).where(eq(caseFollowUps.householdId, going.id));
    expect(stored.map((row) => row.dueOn).sort()).toEqual([1, 3, 6, 12].map((m) => monthsAfter(today, m)));
    expect(await stageOf(going.id)).toBe('arrived');
    const [movement] = await db.select().from(caseMovements).where(eq(caseMovements.id, planned.json().id));
    expect(movement!.status).toBe('arrived');
    const again = await planner.request({
      method: 'POST',
      url: '/api/v1/cases/arrivals',
      payload: { householdId: going.id, arrivedOn: today },
    });
    expect(again.json().title).toBe('Arrival already recorded');
    const log = await planner.request({ method: 'GET', url: `/api/v1/cases/arrivals?from=${today}&pcode=QM0101` });
    expect(log.json().items.map((row: { householdId: string }) => row.householdId)).toContain(going.id);
  });

  it('refuses to depart before the day, and the day’s check suspends a stale zone as such', async () => {
    const db = env.database.db;
    const { corridorId } = await network();
    const later = addDays(today, 120);
    const travelling = await household();
    const planned = await plan({ corridorId, departsOn: later, householdIds: [travelling.id] });
    expect(planned.statusCode, planned.body).toBe(201);
    const early = await planner.request({ method: 'POST', url: `/api/v1/cases/movements/${planned.json().id}/depart` });
    expect(early.json().title).toBe('Not the departure day yet');
    // On the day, four months on, this month's class is too old to decide a return on.
    expect(await checkTodaysDepartures(db, 3, new Date(`${later}T06:00:00Z`))).toBe(1);
    const [movement] = await db.select().from(caseMovements).where(eq(caseMovements.id, planned.json().id));
    expect(movement).toMatchObject({ status: 'suspended', suspendedReason: 'zone_class_stale' });
    const [place] = await db
      .select()
      .from(caseMovementHouseholds)
      .where(eq(caseMovementHouseholds.householdId, travelling.id));
    expect(place!.status).toBe('suspended');
    expect(await stageOf(travelling.id)).toBe('not_eligible');
  });

  it('cancels a planned movement, its households free to be planned again', async () => {
    const { corridorId } = await network();
    const travelling = await household();
    const planned = await plan({ corridorId, departsOn: addDays(today, 5), householdIds: [travelling.id] });
    const cancelled = await planner.request({
      method: 'POST',
      url: `/api/v1/cases/movements/${planned.json().id}/cancel`,
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(await stageOf(travelling.id)).toBe('eligible');
    const candidates = await planner.request({
      method: 'GET',
      url: `/api/v1/cases/movements/candidates?corridorId=${corridorId}`,
    });
    expect(candidates.json().map((row: { householdId: string }) => row.householdId)).toContain(travelling.id);
    expect(candidates.json().find((row: { householdId: string }) => row.householdId === travelling.id)).toMatchObject({
      destinationPcode: 'QM0101',
      destinationZoneName: { en: 'Alder' },
    });
  });

  it('opens a departure decision for each household; refusing it takes the household off the movement', async () => {
    const { corridorId } = await network();
    const [going, refused] = [await household(), await household()];
    const planned = await plan({ corridorId, departsOn: addDays(today, 6), householdIds: [going.id, refused.id] });
    expect(planned.statusCode, planned.body).toBe(201);
    const departureOf = async (id: string) =>
      (await planner.request({ method: 'GET', url: `/api/v1/cases/households/${id}/decisions` }))
        .json()
        .decisions.filter((decision: { kind: string }) => decision.kind === 'departure');
    const [pending] = await departureOf(refused.id);
    expect(pending).toMatchObject({
      status: 'pending',
      dueOn: addDays(today, env.app.platform.config.serviceLevels.departure),
    });
    expect(await departureOf(going.id)).toHaveLength(1);

    const decided = await planner.request({
      method: 'POST',
      url: `/api/v1/cases/decisions/${pending.id}/decision`,
      payload: { outcome: 'refused', rationale: 'The family asked for more time to sell their land first.' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await stageOf(refused.id)).toBe('not_eligible');
    expect(await stageOf(going.id)).toBe('departure_scheduled');
    const movement = await planner.request({ method: 'GET', url: `/api/v1/cases/movements/${planned.json().id}` });
    expect(movement.json()).toMatchObject({ status: 'planned', households: 1 });
    const notices = await planner.request({ method: 'GET', url: '/api/v1/cases/notices?unread=true' });
    expect(notices.json<NoticePage>().items.find((notice) => notice.householdId === refused.id)).toMatchObject({
      kind: 'movement_suspended',
      detail: { reason: 'departure_refused' },
    });

    // Planned again after a cancellation, the household keeps its one pending departure decision.
    await planner.request({ method: 'POST', url: `/api/v1/cases/movements/${planned.json().id}/cancel` });
    const again = await plan({ corridorId, departsOn: addDays(today, 7), householdIds: [going.id] });
    expect(again.statusCode, again.body).toBe(201);
    expect(await departureOf(going.id)).toHaveLength(1);
  });

  it('keeps follow-up dates within the month', () => {
    expect(monthsAfter('2027-01-31', 1)).toBe('2027-02-28');
    expect(monthsAfter('2028-01-31', 1)).toBe('2028-02-29');
    expect(monthsAfter('2026-12-05', 12)).toBe('2027-12-05');
    expect(monthsAfter('2026-08-31', 6)).toBe('2027-02-28');
  });
});

describe('a zone downgrade', () => {
  it('suspends every planned movement to the zone, with notices and audit, and leaves the others', async () => {
    const db = env.database.db;
    const { corridorId } = await network();
    await publishTestClasses(db, coordinator, period, { QM0102: 'conducive' });
    const toBirch = [await household({ pcode: 'QM0102' }), await household({ pcode: 'QM0102' })];
    const toAlder = await household({ pcode: 'QM0101' });
    const convoy = await plan({ corridorId, departsOn: addDays(today, 8), householdIds: toBirch.map((h) => h.id) });
    const mixed = await household({ pcode: 'QM0101' });
    const birch3 = await household({ pcode: 'QM0102' });
    const mixedConvoy = await plan({ corridorId, departsOn: addDays(today, 9), householdIds: [mixed.id, birch3.id] });
    const safe = await plan({ corridorId, departsOn: addDays(today, 8), householdIds: [toAlder.id] });
    for (const response of [convoy, mixedConvoy, safe]) expect(response.statusCode, response.body).toBe(201);

    // Next month's publication downgrades Birch (a period is published once; a later one takes over).
    const next = currentPeriod(new Date(Date.now() + 31 * 86_400_000));
    const suspended = await inTransaction(db, async (tx) => {
      const { publicationId } = await publishTestClasses(tx, coordinator, next, { QM0102: 'not_conducive' });
      return suspendForPublication(tx, {
        publicationId,
        period: next,
        publisher: coordinator,
        classes: [
          { pcode: 'QM0101', class: 'conducive' },
          { pcode: 'QM0102', class: 'not_conducive' },
        ],
      });
    });
    expect(suspended).toBe(2);
    const detail = await planner.request({ method: 'GET', url: `/api/v1/cases/movements/${convoy.json().id}` });
    expect(detail.json()).toMatchObject({
      status: 'suspended',
      suspension: { reason: 'zone_downgraded', detail: { pcode: 'QM0102', from: 'conducive', to: 'not_conducive' } },
    });
    for (const { id } of toBirch) expect(await stageOf(id)).toBe('not_eligible');
    // On the mixed convoy, the household going elsewhere may be planned again; the one to the downgraded zone may not.
    expect(await stageOf(mixed.id)).toBe('eligible');
    expect(await stageOf(birch3.id)).toBe('not_eligible');
    const untouched = await planner.request({ method: 'GET', url: `/api/v1/cases/movements/${safe.json().id}` });
    expect(untouched.json()).toMatchObject({ status: 'planned', suspension: null });
    expect(await stageOf(toAlder.id)).toBe('departure_scheduled');

    const [entry] = await auditOf('cases.movement_suspended', `movement:${convoy.json().id}`);
    expect(entry!.details).toEqual({
      movementId: convoy.json().id,
      reason: 'zone_downgraded',
      households: 2,
      pcode: 'QM0102',
    });
    const notices = await db.select().from(caseNotices).where(eq(caseNotices.householdId, toBirch[0]!.id));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.detail).toMatchObject({ reason: 'zone_downgraded', pcode: 'QM0102', to: 'not_conducive' });

    // The household's page says why.
    const page = await planner.request({ method: 'GET', url: `/api/v1/cases/households/${toBirch[0]!.id}/movements` });
    expect(page.json().movements[0]).toMatchObject({
      status: 'suspended',
      movement: { suspension: { reason: 'zone_downgraded', detail: { to: 'not_conducive' } } },
    });
  });

  it('is run by every publication, inside its transaction', async () => {
    const db = env.database.db;
    const { corridorId } = await network();
    const travelling = await household({ pcode: 'QM0101' });
    const planned = await plan({ corridorId, departsOn: addDays(today, 10), householdIds: [travelling.id] });
    expect(planned.statusCode, planned.body).toBe(201);
    // Without verified observations, a period's classes come out as insufficient data: no longer safe.
    const later = currentPeriod(new Date(Date.now() + 62 * 86_400_000));
    await writePublication(db, coordinator, { period: later });
    const [movement] = await db.select().from(caseMovements).where(eq(caseMovements.id, planned.json().id));
    expect(movement).toMatchObject({ status: 'suspended', suspendedReason: 'zone_downgraded' });
    expect(movement!.suspendedDetail).toMatchObject({ pcode: 'QM0101', to: 'insufficient_data' });
  });
});

describe('awaited arrivals', () => {
  it('are read a page at a time by cursor, without duplicate or gap, the total counting them all', async () => {
    const db = env.database.db;
    const { corridorId } = await network();
    const awaitedIds: string[] = [];
    // Three departed movements, two of them on the same day, with several households each.
    for (const [index, departsOn] of [addDays(today, -3), addDays(today, -1), addDays(today, -1)].entries()) {
      const [movement] = await db
        .insert(caseMovements)
        .values({
          kind: 'convoy',
          corridorId,
          departsOn,
          status: 'departed',
          organisationId: coordinator.organisationId,
          plannedBy: coordinator.userId,
        })
        .returning();
      for (let i = 0; i < 3 + index; i += 1) {
        const household = await insertTestHousehold(db, env.app.platform.keyring, {
          organisationId: coordinator.organisationId,
          stage: 'departed',
        });
        await db.insert(caseMovementHouseholds).values({
          movementId: movement!.id,
          householdId: household.id,
          destinationPcode: 'QM0101',
          people: 1,
          status: 'departed',
        });
        awaitedIds.push(household.id);
      }
    }
    type Page = {
      items: { householdId: string; movementId: string; departsOn: string; reference: string }[];
      total: number;
      nextCursor: string | null;
    };
    const read = (query: string, client = planner) =>
      client.request({ method: 'GET', url: `/api/v1/cases/arrivals/awaited${query}` });
    const whole = (await read('?limit=200')).json<Page>();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((row) => row.householdId)).toEqual(expect.arrayContaining(awaitedIds));
    expect(whole.total).toBe(whole.items.length);
    const keys = whole.items.map((row) => `${row.departsOn} ${row.reference}`);
    expect(keys).toEqual([...keys].sort());

    const seen: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const response = await read(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      expect(page.total).toBe(whole.total);
      if (page.nextCursor) expect(page.items).toHaveLength(4);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && seen.length <= whole.total);
    expect(seen.map((row) => `${row.movementId}.${row.householdId}`)).toEqual(
      whole.items.map((row) => `${row.movementId}.${row.householdId}`),
    );

    // A household that arrives meanwhile keeps its place as a cursor.
    const first = (await read('?limit=2')).json<Page>();
    await db
      .update(caseMovementHouseholds)
      .set({ status: 'arrived' })
      .where(eq(caseMovementHouseholds.householdId, first.items[1]!.householdId));
    const next = (await read(`?limit=2&cursor=${first.nextCursor}`)).json<Page>();
    expect(next.items[0]!.householdId).toBe(whole.items[2]!.householdId);
    expect(next.total).toBe(whole.total - 1);

    // Bad limits and cursors are refused with a problem; another organisation cannot use this one's cursor.
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?limit=many',
      '?cursor=nope',
      `?cursor=${first.items[0]!.movementId}`,
      `?cursor=${first.items[0]!.householdId}.${first.items[0]!.movementId}`,
    ]) {
      const response = await read(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await read(`?cursor=${first.nextCursor}`, otherPlanner)).statusCode).toBe(400);
  });
});
