import type { Case, MatrixFixture, MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { dayOf } from '../eligibility.ts';
import {
  caseCorridorPoints,
  caseCorridors,
  caseMovementHouseholds,
  caseMovements,
  caseNotices,
  caseShelters,
  caseTransitPoints,
} from '../tables.ts';
import { insertTestHousehold } from '../test-support.ts';

/**
 * The authorization matrix's cells for the cases module's movements operations (see
 * ../../platform/policy/matrix.test.ts). The network is nobody's personal data and has no reach; households,
 * movements and notices belong to an organisation: the other organisation's are refused with 404. Records are
 * written straight into the tables: a household (and one to record an arrival for), a movement planned for a
 * later day, and a notice, for each organisation.
 */
interface Records {
  household: string;
  arriving: string;
  movement: string;
  notice: string;
}
const ids: Record<Target, Records> = {
  own: { household: '', arriving: '', movement: '', notice: '' },
  other: { household: '', arriving: '', movement: '', notice: '' },
};
const network = { point: '', corridor: '', operator: '' };
let calls = 0;
const pick = <T>(target: Target, mine: T, theirs: T) => (target === 'own' ? mine : theirs);
const later = () => dayOf(new Date(Date.now() + 30 * 86_400_000));

async function setup(fixture: MatrixFixture): Promise<void> {
  const { env, own, other } = fixture;
  const db = env.database.db;
  const keyring = env.app.platform.keyring;
  const [point] = await db
    .insert(caseTransitPoints)
    .values({ code: 'tp-matrix', name: 'Matrix point', operatorOrganisationId: own, status: 'open' })
    .returning();
  const [corridor] = await db
    .insert(caseCorridors)
    .values({ code: 'co-matrix', name: 'Matrix corridor', fromStateCode: 'QT', toStateCode: 'QM', status: 'open' })
    .returning();
  await db.insert(caseCorridorPoints).values({ corridorId: corridor!.id, position: 0, transitPointId: point!.id });
  await db
    .insert(caseShelters)
    .values({ code: 'sh-matrix', name: 'Matrix shelter', transitPointId: point!.id, capacity: 50 });
  network.operator = own;
  network.point = point!.id;
  network.corridor = corridor!.id;
  for (const [target, organisationId] of [
    ['own', own],
    ['other', other],
  ] as const) {
    const planner = await createTestAccount(env.app, { roles: ['coordinator'], organisationId });
    const household = await insertTestHousehold(db, keyring, { organisationId, stage: 'departure_scheduled' });
    const arriving = await insertTestHousehold(db, keyring, { organisationId, stage: 'eligible' });
    const [movement] = await db
      .insert(caseMovements)
      .values({
        kind: 'convoy',
        corridorId: corridor!.id,
        departsOn: later(),
        status: 'planned',
        organisationId,
        plannedBy: planner.userId,
      })
      .returning();
    await db.insert(caseMovementHouseholds).values({
      movementId: movement!.id,
      householdId: household.id,
      destinationPcode: 'QM0101',
      people: 2,
      status: 'planned',
    });
    const [notice] = await db
      .insert(caseNotices)
      .values({
        householdId: household.id,
        organisationId,
        kind: 'movement_suspended',
        detail: { reason: 'corridor_closed', movementId: movement!.id },
      })
      .returning();
    ids[target] = { household: household.id, arriving: arriving.id, movement: movement!.id, notice: notice!.id };
  }
}

/** A network code no earlier cell used: creating one succeeds once per allowed role. */
const code = (prefix: string) => `${prefix}-m${++calls}`;

function cases(): Record<string, Case> {
  return {
    'GET /api/v1/cases/network': { request: () => ({ url: '/api/v1/cases/network' }) },
    'POST /api/v1/cases/network/transit-points': {
      request: () => ({
        url: '/api/v1/cases/network/transit-points',
        body: { code: code('tp'), name: 'Point', operatorOrganisationId: network.operator },
      }),
    },
    'POST /api/v1/cases/network/transit-points/{id}/status': {
      request: () => ({
        url: `/api/v1/cases/network/transit-points/${network.point}/status`,
        body: { status: 'open' },
      }),
    },
    'POST /api/v1/cases/network/corridors': {
      request: () => ({
        url: '/api/v1/cases/network/corridors',
        body: {
          code: code('co'),
          name: 'Corridor',
          fromStateCode: 'QT',
          toStateCode: 'QM',
          transitPointIds: [network.point],
        },
      }),
    },
    'POST /api/v1/cases/network/corridors/{id}/status': {
      request: () => ({ url: `/api/v1/cases/network/corridors/${network.corridor}/status`, body: { status: 'open' } }),
    },
    'POST /api/v1/cases/network/shelters': {
      request: () => ({
        url: '/api/v1/cases/network/shelters',
        body: { code: code('sh'), name: 'Shelter', transitPointId: network.point, capacity: 10 },
      }),
    },
    'GET /api/v1/cases/movements': { request: () => ({ url: '/api/v1/cases/movements' }) },
    'POST /api/v1/cases/movements': {
      reach: 'own',
      request: (t) => ({
        url: '/api/v1/cases/movements',
        body: {
          kind: 'convoy',
          corridorId: network.corridor,
          departsOn: later(),
          householdIds: [pick(t, ids.own.household, ids.other.household)],
        },
      }),
    },
    'GET /api/v1/cases/movements/candidates': {
      request: () => ({ url: `/api/v1/cases/movements/candidates?corridorId=${network.corridor}` }),
    },
    'GET /api/v1/cases/movements/shelters': {
      request: () => ({ url: `/api/v1/cases/movements/shelters?corridorId=${network.corridor}&date=${later()}` }),
    },
    'GET /api/v1/cases/movements/{id}': {
      reach: 'own',
      request: (t) => ({ url: `/api/v1/cases/movements/${pick(t, ids.own.movement, ids.other.movement)}` }),
    },
    'POST /api/v1/cases/movements/{id}/depart': {
      reach: 'own',
      request: (t) => ({ url: `/api/v1/cases/movements/${pick(t, ids.own.movement, ids.other.movement)}/depart` }),
    },
    'POST /api/v1/cases/movements/{id}/cancel': {
      reach: 'own',
      request: (t) => ({ url: `/api/v1/cases/movements/${pick(t, ids.own.movement, ids.other.movement)}/cancel` }),
    },
    'GET /api/v1/cases/households/{id}/movements': {
      reach: 'own',
      request: (t) => ({
        url: `/api/v1/cases/households/${pick(t, ids.own.household, ids.other.household)}/movements`,
      }),
    },
    'POST /api/v1/cases/arrivals': {
      reach: 'own',
      request: (t) => ({
        url: '/api/v1/cases/arrivals',
        body: { householdId: pick(t, ids.own.arriving, ids.other.arriving), arrivedOn: dayOf(new Date()) },
      }),
    },
    'GET /api/v1/cases/arrivals': { request: () => ({ url: '/api/v1/cases/arrivals' }) },
    'GET /api/v1/cases/arrivals/awaited': { request: () => ({ url: '/api/v1/cases/arrivals/awaited' }) },
    'GET /api/v1/cases/notices': { request: () => ({ url: '/api/v1/cases/notices' }) },
    'POST /api/v1/cases/notices/{id}/read': {
      reach: 'own',
      request: (t) => ({ url: `/api/v1/cases/notices/${pick(t, ids.own.notice, ids.other.notice)}/read` }),
    },
  };
}

export const movementsMatrix: MatrixPart = { setup, cases };
