import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Dashboard } from '../../shared/outcomes/schemas/dashboards.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { upsertZones } from '../zones/gazetteer.ts';
import { insertTestInstrument, insertTestResponses, type TestResponse, times } from './dashboards-test-support.ts';

/**
 * The outcome dashboard through the API: returnees' means by zone, cohort and round, the residents of the same
 * zone and round beside them with the gap, the splits, the filters, small cells marked, and who may read it.
 */
let env: TestEnvironment;
let donor: TestClient;
let caseWorker: TestClient;
let organisationId: string;

const account = async (role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

const returnee = (
  pcode: string,
  round: number,
  composite: number,
  extra: Partial<TestResponse> = {},
): TestResponse => ({
  pcode,
  round,
  organisationId,
  cohort: '2026-01',
  scores: { composite, economic: composite, familyUnity: 1 },
  ...extra,
});
const resident = (
  pcode: string,
  round: number,
  composite: number,
  extra: Partial<TestResponse> = {},
): TestResponse => ({
  pcode,
  round,
  organisationId,
  population: 'resident',
  scores: { composite, economic: composite },
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await upsertZones(db, [
    { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
    { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
    { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder', ar: 'ألدر' }, population: 12000 },
    { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 9000 },
    { pcode: 'QT', parentPcode: null, level: 'state', names: { en: 'Tarnesia' }, population: null },
    { pcode: 'QT01', parentPcode: 'QT', level: 'admin1', names: { en: 'East' }, population: null },
  ]);
  organisationId = (await createTestOrganisation(env.app)).id;
  const instrument = await insertTestInstrument(db);
  await insertTestResponses(db, instrument, [
    // Alder: 12 returnees in round 1 at 0.5, 12 in round 3 at 0.7 (7 women, 5 men); residents at 0.8 in both.
    ...times(12, returnee('QM0101', 1, 0.5)),
    ...times(7, returnee('QM0101', 3, 0.6, { headSex: 'female' })),
    ...times(5, returnee('QM0101', 3, 0.84, { headSex: 'male', disability: true })),
    ...times(10, resident('QM0101', 1, 0.8)),
    ...times(10, resident('QM0101', 3, 0.8)),
    // Birch: three returnees of another cohort (a small cell), no residents.
    ...times(3, returnee('QM0102', 1, 0.3, { cohort: '2026-02' })),
    // Tarnesia: another state.
    ...times(11, returnee('QT01', 1, 0.9)),
  ]);
  donor = await account('donor');
  caseWorker = await account('case_worker');
});
afterAll(() => env.close());

const dashboard = async (query = '', client = donor) => {
  const response = await client.request({ method: 'GET', url: `/api/v1/outcomes/dashboard${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
};
const outcome = (row: Dashboard['rows'][number], name: string) => row.outcomes.find((o) => o.outcome === name)!;

describe('the outcome dashboard', () => {
  it('gives each zone, cohort and round the returnees’ means beside the residents’ and the gap', async () => {
    const body = await dashboard();
    expect(body.threshold).toBe(10);
    const alder = body.rows.filter((row) => row.pcode === 'QM0101');
    expect(alder.map((row) => [row.cohort, row.round, row.returnees.households, row.residents.households])).toEqual([
      ['2026-01', 1, 12, 10],
      ['2026-01', 3, 12, 10],
    ]);
    expect(alder[0]!.zoneName).toEqual({ en: 'Alder', ar: 'ألدر' });
    expect(outcome(alder[0]!, 'composite')).toEqual({
      outcome: 'composite',
      returnees: 0.5,
      residents: 0.8,
      gap: -0.3,
    });
    // (7 × 0.6 + 5 × 0.84) / 12 = 0.7
    expect(outcome(alder[1]!, 'composite')).toEqual({
      outcome: 'composite',
      returnees: 0.7,
      residents: 0.8,
      gap: -0.1,
    });
    // Residents were not asked about family separation here: no value, so no gap.
    expect(outcome(alder[1]!, 'family_unity')).toEqual({
      outcome: 'family_unity',
      returnees: 1,
      residents: null,
      gap: null,
    });
    // An outcome nobody has a value for is null, not zero.
    expect(outcome(alder[1]!, 'social').returnees).toBeNull();
  });

  it('marks cells under the disclosure threshold for staff, with their counts', async () => {
    const body = await dashboard();
    const birch = body.rows.find((row) => row.pcode === 'QM0102')!;
    expect(birch.returnees).toEqual({ households: 3, belowThreshold: true });
    expect(birch.residents).toEqual({ households: 0, belowThreshold: false });
    expect(outcome(birch, 'composite')).toMatchObject({ returnees: 0.3, residents: null, gap: null });
    const alder = body.rows.find((row) => row.pcode === 'QM0101')!;
    expect(alder.returnees.belowThreshold).toBe(false);
  });

  it('filters by state, zone, round and cohort', async () => {
    expect((await dashboard('?state=QT')).rows.map((row) => row.pcode)).toEqual(['QT01']);
    expect(new Set((await dashboard('?pcode=QM01')).rows.map((row) => row.pcode))).toEqual(
      new Set(['QM0101', 'QM0102']),
    );
    expect((await dashboard('?pcode=QM0101&round=3')).rows).toHaveLength(1);
    const cohort = await dashboard('?cohort=2026-02');
    expect(cohort.rows.map((row) => row.pcode)).toEqual(['QM0102']);
    // The residents have no cohort and stay in the comparison.
    expect(cohort.byRound.find((r) => r.round === 1)!.residents.households).toBe(10);
  });

  it('splits by sex, and by disability, with the residents of the same group beside', async () => {
    const bySex = await dashboard('?pcode=QM0101&round=3&by=sex');
    expect(bySex.by).toBe('sex');
    expect(bySex.rows.map((row) => [row.group, row.returnees.households, row.residents.households])).toEqual([
      ['female', 7, 10],
      ['male', 5, 0],
    ]);
    expect(bySex.rows.every((row) => row.returnees.belowThreshold)).toBe(true);
    const byDisability = await dashboard('?pcode=QM0101&round=3&by=disability');
    expect(byDisability.rows.map((row) => [row.group, outcome(row, 'composite').returnees])).toEqual([
      ['no', 0.6],
      ['yes', 0.84],
    ]);
  });

  it('gives the means by round over the rows shown, for the chart', async () => {
    const body = await dashboard('?pcode=QM0101');
    expect(body.byRound.map((r) => [r.round, outcome(r as never, 'composite').returnees])).toEqual([
      [1, 0.5],
      [3, 0.7],
    ]);
  });

  it('refuses bad filters naming the field, and a person without the permission', async () => {
    for (const query of ['?round=2', '?state=qm', '?pcode=QM%25', '?cohort=2026-13', '?by=name', '?other=1']) {
      const response = await donor.request({ method: 'GET', url: `/api/v1/outcomes/dashboard${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const nul = await donor.request({ method: 'GET', url: '/api/v1/outcomes/dashboard?pcode=QM%00' });
    expect(nul.statusCode).toBe(400);
    expect((await caseWorker.request({ method: 'GET', url: '/api/v1/outcomes/dashboard' })).statusCode).toBe(200);
    const administrator = await account('administrator');
    const refused = await administrator.request({ method: 'GET', url: '/api/v1/outcomes/dashboard' });
    expect(refused.statusCode).toBe(403);
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/v1/outcomes/dashboard' });
    expect(anonymous.statusCode).toBe(401);
  });
});
