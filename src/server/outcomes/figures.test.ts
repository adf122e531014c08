import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { PublicOutcomeFigures } from '../../shared/outcomes/schemas/figures.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { upsertZones } from '../zones/gazetteer.ts';
import type { OutcomeGroup } from './dashboards.ts';
import { insertTestInstrument, insertTestResponses, type TestResponse, times } from './dashboards-test-support.ts';
import { outcomeFigures } from './figures.ts';

const rule = { threshold: 5 };
const group = (overrides: Partial<OutcomeGroup> & { composite?: number }): OutcomeGroup => {
  const households = overrides.households ?? 10;
  const composite = overrides.composite ?? 0.5;
  return {
    population: 'returnee',
    pcode: '',
    stateCode: 'QM',
    cohort: '2026-01',
    round: 1,
    group: null,
    households,
    sums: {
      economic: 0,
      social: 0,
      psychosocial: 0,
      composite: composite * households,
      family_unity: 0,
      services_access: 0,
    },
    counts: { economic: 0, social: 0, psychosocial: 0, composite: households, family_unity: 0, services_access: 0 },
    ...overrides,
  };
};
const composite = (cell: { outcomes: PublicOutcomeFigures['states'][number]['rounds'][number]['outcomes'] }) =>
  cell.outcomes.find((o) => o.outcome === 'composite')!;

describe('the public outcome figures (pure)', () => {
  it('publishes counts and means of cells of at least the threshold, with the residents beside', () => {
    const figures = outcomeFigures(
      [
        group({ households: 8, composite: 0.4 }),
        group({ households: 6, composite: 0.6, round: 3 }),
        group({ population: 'resident', cohort: null, households: 9, composite: 0.7 }),
      ],
      rule,
    );
    const state = figures.states[0]!;
    const round1 = state.cohorts[0]!.rounds[0]!;
    expect(round1).toMatchObject({ round: 1, returnees: 8, residents: 9 });
    expect(composite(round1)).toEqual({ outcome: 'composite', returnees: 0.4, residents: 0.7 });
    // A round nobody answered: zero, which identifies no one, and no mean.
    const round6 = state.cohorts[0]!.rounds[2]!;
    expect(round6).toMatchObject({ round: 6, returnees: 0, residents: 0 });
    expect(composite(round6)).toEqual({ outcome: 'composite', returnees: null, residents: null });
    expect(state.rounds[0]).toMatchObject({ returnees: 8, residents: 9 });
  });

  it('hides a small cohort, a second one with it so the state’s round total does not give it away, and their means', () => {
    const figures = outcomeFigures(
      [
        group({ cohort: '2026-01', households: 20, composite: 0.5 }),
        group({ cohort: '2026-02', households: 12, composite: 0.6 }),
        group({ cohort: '2026-03', households: 2, composite: 0.1 }),
      ],
      rule,
    );
    const state = figures.states[0]!;
    const byCohort = Object.fromEntries(state.cohorts.map((c) => [c.cohort, c.rounds[0]!]));
    expect(byCohort['2026-03']!.returnees).toBeNull();
    expect(composite(byCohort['2026-03']!).returnees).toBeNull();
    // The state's total of the round is published or one more cohort is hidden: never both with the rest shown.
    const shown = [byCohort['2026-01']!.returnees, byCohort['2026-02']!.returnees, state.rounds[0]!.returnees];
    expect(shown.filter((v) => v === null).length).toBeGreaterThanOrEqual(1);
    // The state's mean of the round is withheld while a cohort of it is hidden.
    expect(composite(state.rounds[0]!).returnees).toBeNull();
  });

  it('gives a mean only when at least the threshold of households gave the value', () => {
    const few = group({ households: 10 });
    few.counts.composite = 4;
    const figures = outcomeFigures([few], rule);
    expect(figures.states[0]!.cohorts[0]!.rounds[0]!.returnees).toBe(10);
    expect(composite(figures.states[0]!.cohorts[0]!.rounds[0]!).returnees).toBeNull();
  });

  it('hides residents under the threshold, and their means', () => {
    const figures = outcomeFigures(
      [group({ households: 10 }), group({ population: 'resident', cohort: null, households: 3, composite: 0.9 })],
      rule,
    );
    const cell = figures.states[0]!.cohorts[0]!.rounds[0]!;
    expect(cell.residents).toBeNull();
    expect(composite(cell).residents).toBeNull();
  });
});

describe('GET /api/v1/public/outcomes/figures', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
    await upsertZones(env.database.db, [
      { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland', ar: 'مارنلاند' }, population: null },
      { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
      { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder' }, population: 12000 },
      { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 9000 },
    ]);
    const organisationId = (await createTestOrganisation(env.app)).id;
    const instrument = await insertTestInstrument(env.database.db);
    const r = (pcode: string, extra: Partial<TestResponse>): TestResponse => ({
      pcode,
      round: 1,
      organisationId,
      cohort: '2026-01',
      scores: { composite: 0.5 },
      ...extra,
    });
    await insertTestResponses(env.database.db, instrument, [
      // Two zones of one state, added together: 6 + 6 returnees, 10 residents.
      ...times(6, r('QM0101', { scores: { composite: 0.4 } })),
      ...times(6, r('QM0102', { scores: { composite: 0.6 } })),
      ...times(10, r('QM0101', { population: 'resident', scores: { composite: 0.8 } })),
      // An earlier cohort of 15, and a cohort of one household: never published, nor a figure that gives it away.
      ...times(15, r('QM0101', { cohort: '2025-12', scores: { composite: 0.3 } })),
      r('QM0101', { cohort: '2026-02', headSex: 'male', headAgeGroup: '60+', disability: true }),
    ]);
  });
  afterAll(() => env?.close());

  it('answers anyone with state-level figures, hiding the small cohort, naming no zone and no household', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/v1/public/outcomes/figures' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as PublicOutcomeFigures;
    expect(body.threshold).toBe(10);
    expect(body.stateNames.QM).toMatchObject({ en: 'Marenland', ar: 'مارنلاند' });
    const state = body.states[0]!;
    const january = state.cohorts.find((c) => c.cohort === '2026-01')!.rounds[0]!;
    expect(january.returnees).toBe(12);
    expect(january.residents).toBe(10);
    expect(composite(january)).toEqual({ outcome: 'composite', returnees: 0.5, residents: 0.8 });
    const february = state.cohorts.find((c) => c.cohort === '2026-02')!.rounds[0]!;
    expect(february.returnees).toBeNull();
    expect(composite(february).returnees).toBeNull();
    // Hidden with it: the December cohort or the state's round total, so that 12 + 15 + ? = total stays unsolved.
    const december = state.cohorts.find((c) => c.cohort === '2025-12')!.rounds[0]!;
    expect([december.returnees, state.rounds[0]!.returnees].filter((v) => v === null).length).toBeGreaterThan(0);
    expect(composite(state.rounds[0]!).returnees).toBeNull();
    for (const text of ['QM0101', 'QM0102', 'Alder', 'male', '60+', 'sealed'])
      expect(response.body).not.toContain(text);
  });

  it('counts a new answer on the next read', async () => {
    const organisationId = (await createTestOrganisation(env.app)).id;
    const instrument = await insertTestInstrument(env.database.db, 'second');
    await insertTestResponses(env.database.db, instrument, [
      { pcode: 'QM0101', round: 1, organisationId, cohort: '2026-01', scores: { composite: 0.5 } },
    ]);
    const body = (await env.app.inject({ method: 'GET', url: '/api/v1/public/outcomes/figures' })).json();
    expect(body.states[0].cohorts.find((c: { cohort: string }) => c.cohort === '2026-01').rounds[0].returnees).toBe(13);
  });
});
