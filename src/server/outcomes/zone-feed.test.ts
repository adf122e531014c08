import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { ZoneFeedResult } from '../../shared/outcomes/schemas/zone-feed.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { insertTestInstrument, insertTestResponses, type TestResponse, times } from './dashboards-test-support.ts';
import { outcomeZoneEntries } from './tables.ts';

/**
 * The zones feed: a zone's month of returned households' answers entered, by the organisation that collected
 * them, as observations of food consumption, water access and adequate shelter; they wait for a zones verifier of
 * another organisation; entering again corrects rather than duplicates; too few households enter nothing.
 */
let env: TestEnvironment;
let monitor: TestClient;
let donor: TestClient;
let zonesVerifier: TestClient;
let centre: string;
let other: string;
let instrument: string;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

const answered = (indicators: TestResponse['indicators'], extra: Partial<TestResponse> = {}): TestResponse => ({
  pcode: 'QM0101',
  round: 3,
  organisationId: centre,
  collectedOn: '2026-05-10',
  indicators,
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app)).id;
  other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  monitor = await account(centre, 'field_monitor');
  donor = await account(centre, 'donor');
  zonesVerifier = await account(other, 'verifier');
  instrument = await insertTestInstrument(env.database.db);
  await insertTestResponses(env.database.db, instrument, [
    // May: 12 households; 9 ate enough (fewer than 3 days reduced), 6 have water, 8 own or rent their home.
    ...times(6, answered({ food_days_reduced: 0, water_access: 'yes', housing: 'own' })),
    ...times(2, answered({ food_days_reduced: 2, water_access: 'no', housing: 'rented' })),
    answered({ food_days_reduced: 1, water_access: 'no', housing: 'hosted' }),
    ...times(3, answered({ food_days_reduced: 5, water_access: 'no', housing: 'damaged' })),
    // Not counted: another organisation's households, residents, another month, a household that declined.
    ...times(10, answered({ food_days_reduced: 7, water_access: 'no', housing: 'none' }, { organisationId: other })),
    ...times(10, answered({ food_days_reduced: 7, water_access: 'no', housing: 'none' }, { population: 'resident' })),
    ...times(
      10,
      answered({ food_days_reduced: 7, water_access: 'no', housing: 'none' }, { collectedOn: '2026-06-01' }),
    ),
    answered({}),
    // April: only 4 households.
    ...times(4, answered({ food_days_reduced: 0, water_access: 'yes', housing: 'own' }, { collectedOn: '2026-04-30' })),
  ]);
});
afterAll(() => env.close());

const feed = (payload: Record<string, unknown>, client = monitor) =>
  client.request({ method: 'POST', url: '/api/v1/outcomes/zone-feed', payload });

describe('the zones feed', () => {
  it('enters the month’s aggregates as observations that wait for a zones verifier', async () => {
    const response = await feed({ pcode: 'QM0101', period: '2026-05' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as ZoneFeedResult;
    expect(
      body.entries.map(({ indicator, value, respondents, status, change }) => [
        indicator,
        value,
        respondents,
        status,
        change,
      ]),
    ).toEqual([
      ['food_consumption', 75, 12, 'pending', 'recorded'],
      ['water_access', 50, 12, 'pending', 'recorded'],
      ['adequate_shelter', 66.7, 12, 'pending', 'recorded'],
    ]);
    expect(body.skipped).toEqual([]);
    const food = body.entries[0]!;
    const queue = await zonesVerifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify&pcode=QM0101' });
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(food.observationId);
    const observation = queue.json().items.find((item: { id: string }) => item.id === food.observationId);
    expect(observation).toMatchObject({
      indicator: 'food_consumption',
      period: '2026-05',
      value: 75,
      source: 'survey',
    });
    const confirmed = await zonesVerifier.request({
      method: 'POST',
      url: `/api/v1/observations/${food.observationId}/verification`,
      payload: { decision: 'confirm' },
    });
    expect(confirmed.json().status).toBe('confirmed');
    const entries = await env.database.db
      .select()
      .from(outcomeZoneEntries)
      .where(and(eq(outcomeZoneEntries.pcode, 'QM0101'), eq(outcomeZoneEntries.period, '2026-05')));
    expect(entries).toHaveLength(3);
    const [audit] = await env.database.db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'outcomes.zone_outcomes_entered'));
    expect(audit!.details).toEqual({ pcode: 'qm0101', period: '2026-05', observations: 3 });
  });

  it('corrects the same observation when the month changed, and leaves it when it did not', async () => {
    const again = (await feed({ pcode: 'QM0101', period: '2026-05' })).json() as ZoneFeedResult;
    expect(again.entries.map((e) => e.change)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    await insertTestResponses(env.database.db, instrument, [
      ...times(4, answered({ food_days_reduced: 6, water_access: 'yes', housing: 'shelter' })),
    ]);
    const first = (await feed({ pcode: 'QM0101', period: '2026-05' })).json() as ZoneFeedResult;
    // 9 of 16 ate enough, 10 of 16 have water, 8 of 16 own or rent.
    expect(first.entries.map((e) => [e.indicator, e.value, e.respondents, e.change, e.status])).toEqual([
      ['food_consumption', 56.3, 16, 'corrected', 'pending'],
      ['water_access', 62.5, 16, 'corrected', 'pending'],
      ['adequate_shelter', 50, 16, 'corrected', 'pending'],
    ]);
    expect(first.entries.map((e) => e.observationId)).toEqual(again.entries.map((e) => e.observationId));
    const list = await monitor.request({ method: 'GET', url: '/api/v1/observations?pcode=QM0101&period=2026-05' });
    expect(list.json().items).toHaveLength(3);
  });

  it('enters nothing for a month too few households answered, saying so in the caller’s language', async () => {
    const response = await monitor.request({
      method: 'POST',
      url: '/api/v1/outcomes/zone-feed',
      payload: { pcode: 'QM0101', period: '2026-04' },
      headers: { 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', reason: 'zone_feed_too_few' });
    expect(response.json().detail).toContain('4 ménages');
    const entries = await env.database.db
      .select()
      .from(outcomeZoneEntries)
      .where(eq(outcomeZoneEntries.period, '2026-04'));
    expect(entries).toEqual([]);
  });

  it('refuses bad input naming the field, an unknown zone, and a person who may not enter observations', async () => {
    for (const payload of [
      { pcode: 'QM0101' },
      { pcode: 'QM0101', period: '2026-13' },
      { pcode: 'QM01%', period: '2026-05' },
      { pcode: 'QM0101', period: '2026-05', extra: 1 },
      { pcode: 'QM0101\u0000', period: '2026-05' },
    ]) {
      const response = await feed(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors[0].field).toMatch(/^body/);
    }
    expect((await feed({ pcode: 'QM0999', period: '2026-05' })).statusCode).toBe(404);
    expect((await feed({ pcode: 'QM0101', period: '2026-05' }, donor)).statusCode).toBe(403);
  });
});
