import { describe, expect, it } from 'vitest';
import { Classification, type FrameworkDefinition, type IndicatorDefinition } from '../../../shared/zones/schemas.ts';
import {
  assessIndicator,
  classifyZone,
  criterionStatus,
  monthIndex,
  type ObservationFact,
  shiftPeriod,
  thresholdStatus,
} from './classify.ts';

const indicator = (code: string, name: string, overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  code,
  name: { en: name },
  unit: 'percent',
  direction: 'higher_is_better',
  green: 80,
  red: 50,
  weight: 1,
  hard: false,
  freshnessMonths: 3,
  ...overrides,
});

const mines = indicator('mines', 'Mines and unexploded ordnance on return routes', {
  unit: 'count',
  direction: 'lower_is_better',
  green: 0,
  red: 1,
  hard: true,
});
const incidents = indicator('incidents', 'Security incidents per 10,000 residents', {
  unit: 'rate_per_10000',
  direction: 'lower_is_better',
  green: 1,
  red: 5,
  weight: 2,
});
const perceived = indicator('perceived_safety', 'Residents who feel safe');
const water = indicator('water', 'Access to safe water', { green: 85, red: 60, freshnessMonths: 6 });
const schools = indicator('schools', 'Schools functioning', { freshnessMonths: 12 });
const agreement = indicator('agreement', 'Tripartite agreement in force', {
  unit: 'yes_no',
  green: 1,
  red: 1,
  hard: true,
  freshnessMonths: 12,
});

const framework: FrameworkDefinition = {
  title: { en: 'Test framework' },
  criteria: [
    {
      code: 'safety',
      kind: 'criterion',
      name: { en: 'Long-term safety and security' },
      indicators: [mines, incidents, perceived],
    },
    { code: 'living', kind: 'criterion', name: { en: 'Adequate standard of living' }, indicators: [water, schools] },
    { code: 'process', kind: 'precondition', name: { en: 'Preconditions of return' }, indicators: [agreement] },
  ],
};

let sequence = 0;
function obs(
  code: string,
  period: string,
  value: number,
  status: ObservationFact['status'] = 'confirmed',
): ObservationFact {
  sequence += 1;
  return {
    id: `obs-${String(sequence).padStart(4, '0')}`,
    indicator: code,
    period,
    value,
    status,
    source: 'monitoring_visit',
    organisationId: 'org-1',
    observedAt: `${period}-15T10:00:00Z`,
  };
}

const P = '2026-10';
const allGreen = () => [
  obs('mines', P, 0),
  obs('incidents', P, 0.5),
  obs('perceived_safety', P, 90),
  obs('water', P, 95),
  obs('schools', P, 85),
  obs('agreement', P, 1),
];
const statusOf = (result: Classification, code: string) =>
  result.criteria.flatMap((c) => c.indicators).find((i) => i.indicator === code)!;

describe('thresholdStatus', () => {
  it('is green at or beyond the green threshold, red beyond the red one, amber between', () => {
    expect([80, 79, 50, 49.9].map((v) => thresholdStatus(perceived, v))).toEqual(['green', 'amber', 'amber', 'red']);
    expect([1, 3, 5, 5.1].map((v) => thresholdStatus(incidents, v))).toEqual(['green', 'amber', 'amber', 'red']);
  });

  it('reads a yes/no indicator with green = red as a plain answer', () => {
    expect(thresholdStatus(agreement, 1)).toBe('green');
    expect(thresholdStatus(agreement, 0)).toBe('red');
    expect(thresholdStatus(mines, 0)).toBe('green');
    expect(thresholdStatus(mines, 1)).toBe('amber');
    expect(thresholdStatus(mines, 2)).toBe('red');
  });
});

describe('periods', () => {
  it('counts and shifts months across years, and refuses what is not a month', () => {
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2025-11', 14)).toBe('2027-01');
    expect(() => monthIndex('2026-13')).toThrow(RangeError);
    for (const text of ['2026-00', '20x6-01', '2026/01', '2026-1 ', ' 2026-01', '2026-011', '']) {
      expect(() => monthIndex(text), text).toThrow(RangeError);
    }
    expect(() => classifyZone(framework, '2026-1', [])).toThrow(RangeError);
  });
});

describe('assessIndicator', () => {
  it('takes the latest confirmed period of the window, and the worst value of that period', () => {
    const older = obs('perceived_safety', '2026-09', 40);
    const worse = obs('perceived_safety', P, 60);
    const better = obs('perceived_safety', P, 90);
    const result = assessIndicator(perceived, P, [older, better, worse]);
    expect(result).toEqual({
      indicator: 'perceived_safety',
      status: 'amber',
      hard: false,
      value: 60,
      period: P,
      source: 'monitoring_visit',
      organisationId: 'org-1',
      observedAt: worse.observedAt,
      basis: 'verified',
      observationIds: [worse.id],
    });
  });

  it('ignores rejected observations and those of later periods', () => {
    const result = assessIndicator(perceived, P, [
      obs('perceived_safety', P, 10, 'rejected'),
      obs('perceived_safety', '2026-11', 10),
      obs('perceived_safety', '2026-09', 85),
    ]);
    expect(result).toMatchObject({ status: 'green', basis: 'verified', value: 85, period: '2026-09' });
  });

  it('counts the freshness window from the period back, its own month included', () => {
    expect(assessIndicator(perceived, P, [obs('perceived_safety', '2026-08', 90)]).status).toBe('green');
    expect(assessIndicator(perceived, P, [obs('perceived_safety', '2026-07', 90)]).status).toBe('missing');
  });

  it('turns a stale green into missing, and keeps a stale red red', () => {
    const staleGreen = assessIndicator(perceived, P, [obs('perceived_safety', '2026-05', 95)]);
    expect(staleGreen).toMatchObject({ status: 'missing', basis: 'missing', value: null, observationIds: [] });
    const red = obs('perceived_safety', '2026-05', 20);
    const staleRed = assessIndicator(perceived, P, [obs('perceived_safety', '2026-02', 95), red]);
    expect(staleRed).toMatchObject({ status: 'red', basis: 'stale_red', value: 20, observationIds: [red.id] });
    // Only the last verified state counts: an older red replaced by a later green is history.
    const replaced = assessIndicator(perceived, P, [
      obs('perceived_safety', '2026-02', 20),
      obs('perceived_safety', '2026-05', 95),
    ]);
    expect(replaced.status).toBe('missing');
  });

  it('keeps red on a stale unverified report of danger newer than the last verified value', () => {
    const report = obs('perceived_safety', '2026-06', 20, 'pending');
    const held = assessIndicator(perceived, P, [obs('perceived_safety', '2026-05', 95), report]);
    expect(held).toMatchObject({ status: 'red', basis: 'stale_red', observationIds: [report.id] });
    const older = assessIndicator(perceived, P, [
      obs('perceived_safety', '2026-04', 20, 'pending'),
      obs('perceived_safety', '2026-05', 95),
    ]);
    expect(older.status).toBe('missing');
    expect(assessIndicator(perceived, P, [obs('perceived_safety', '2025-01', 20, 'more_evidence')]).status).toBe('red');
  });

  it('lets unverified values pull the status down but never up', () => {
    const green = obs('perceived_safety', '2026-09', 90);
    const pendingRed = obs('perceived_safety', P, 30, 'pending');
    expect(assessIndicator(perceived, P, [green, pendingRed])).toMatchObject({
      status: 'red',
      basis: 'unverified_red',
      value: 30,
      period: P,
      observationIds: [pendingRed.id],
    });
    const pendingAmber = obs('perceived_safety', P, 70, 'more_evidence');
    expect(assessIndicator(perceived, P, [green, pendingAmber])).toMatchObject({
      status: 'amber',
      basis: 'unverified_worse',
    });
    // A missing indicator stays missing however good the unverified value; amber is not lifted to green.
    expect(assessIndicator(perceived, P, [obs('perceived_safety', P, 99, 'pending')]).basis).toBe('missing');
    const amber = obs('perceived_safety', P, 70);
    expect(assessIndicator(perceived, P, [amber, obs('perceived_safety', P, 99, 'pending')])).toMatchObject({
      status: 'amber',
      basis: 'verified',
      observationIds: [amber.id],
    });
  });

  it('is missing with nothing to go on', () => {
    expect(assessIndicator(perceived, P, [obs('water', P, 99)])).toMatchObject({ status: 'missing', period: null });
  });
});

describe('criterionStatus', () => {
  const of = (...pairs: [IndicatorDefinition['weight'], 'red' | 'missing' | 'amber' | 'green', boolean?][]) =>
    criterionStatus(pairs.map(([weight, status, hard]) => ({ weight, status, hard: hard ?? false })));

  it('applies the cumulative weight-share rules', () => {
    expect(of([1, 'red'], [2, 'green'])).toBe('red'); // R = 1/3
    expect(of([1, 'red'], [3, 'green'])).toBe('amber'); // R > 0
    expect(of([1, 'red'], [100, 'green', true])).toBe('amber');
    expect(of([1, 'red', true], [100, 'green'])).toBe('red'); // a hard red
    expect(of([2, 'missing'], [1, 'green'])).toBe('insufficient'); // M = 2/3
    expect(of([1, 'red'], [3, 'missing'], [2, 'green'])).toBe('insufficient'); // R = 1/6, M = 2/3
    expect(of([1, 'red'], [2, 'missing'], [3, 'green'])).toBe('amber'); // M = 1/2 is not > 1/2
    expect(of([1, 'missing'], [1, 'green'])).toBe('amber'); // M = 1/2, A = 1/2
    expect(of([1, 'missing'], [3, 'green'])).toBe('green'); // A = 1/4 is not > 1/4
    expect(of([1, 'amber'], [2, 'green'])).toBe('amber');
    expect(of([1, 'green'])).toBe('green');
  });
});

describe('classifyZone', () => {
  it('is conducive when every criterion is green', () => {
    const result = classifyZone(framework, P, allGreen());
    expect(result.class).toBe('conducive');
    expect(result.deciding).toEqual([{ kind: 'all_green', criterion: null, indicators: [] }]);
    expect(result.summary).toBe('Conducive. Every criterion is green.');
    expect(result.criteria.map((c) => [c.criterion, c.kind, c.status])).toEqual([
      ['safety', 'criterion', 'green'],
      ['living', 'criterion', 'green'],
      ['process', 'precondition', 'green'],
    ]);
    expect(Classification.parse(result)).toEqual(result);
  });

  it('lets a hard red decide on its own when everything else is green', () => {
    const observations = [...allGreen().filter((o) => o.indicator !== 'mines'), obs('mines', P, 12)];
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('not_conducive');
    expect(result.deciding).toEqual([
      { kind: 'hard_red', criterion: 'safety', indicators: ['mines'] },
      { kind: 'criterion_red', criterion: 'safety', indicators: ['mines'] },
    ]);
    expect(result.summary).toBe(
      'Not conducive. Hard indicator red: Mines and unexploded ordnance on return routes (12, 2026-10, verified). ' +
        'Criterion red: Long-term safety and security, because of Mines and unexploded ordnance on return routes.',
    );
  });

  it('treats a precondition like a criterion: no agreement in force, not conducive', () => {
    const observations = [...allGreen().filter((o) => o.indicator !== 'agreement'), obs('agreement', '2026-03', 0)];
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('not_conducive');
    expect(result.deciding[0]).toEqual({ kind: 'hard_red', criterion: 'process', indicators: ['agreement'] });
    expect(result.summary).toContain('Tripartite agreement in force (no, 2026-03, verified)');
  });

  it('is not conducive when a criterion is red by weight, naming its red indicators', () => {
    const observations = [...allGreen().filter((o) => o.indicator !== 'incidents'), obs('incidents', P, 12.5)];
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('not_conducive');
    expect(result.deciding).toEqual([{ kind: 'criterion_red', criterion: 'safety', indicators: ['incidents'] }]);
    expect(result.summary).toBe(
      'Not conducive. Criterion red: Long-term safety and security, because of ' +
        'Security incidents per 10,000 residents (12.5 per 10,000, 2026-10, verified).',
    );
  });

  it('keeps a stale red red, and says so', () => {
    const observations = [...allGreen().filter((o) => o.indicator !== 'mines'), obs('mines', '2026-02', 3)];
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('not_conducive');
    expect(statusOf(result, 'mines')).toMatchObject({ status: 'red', basis: 'stale_red', period: '2026-02' });
    expect(result.summary).toContain('(3, 2026-02, last verified value, now stale)');
  });

  it('turns a stale green into missing: insufficient data when most of a criterion is missing', () => {
    const observations = allGreen().filter((o) => o.indicator !== 'water' && o.indicator !== 'schools');
    observations.push(obs('water', '2025-12', 99), obs('schools', '2025-06', 99));
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('insufficient_data');
    expect(statusOf(result, 'water')).toMatchObject({ status: 'missing', basis: 'missing', value: null });
    expect(result.deciding).toEqual([
      { kind: 'criterion_insufficient', criterion: 'living', indicators: ['water', 'schools'] },
    ]);
    expect(result.summary).toBe(
      'Insufficient data. Criterion without enough fresh verified data: Adequate standard of living, missing ' +
        'Access to safe water (no fresh verified value; last verified 2025-12, now stale) and ' +
        'Schools functioning (no fresh verified value; last verified 2025-06, now stale).',
    );
  });

  it('is conditionally conducive when a criterion is amber, naming what is not green', () => {
    const observations = [...allGreen().filter((o) => o.indicator !== 'water'), obs('water', '2026-07', 70)];
    const result = classifyZone(framework, P, observations);
    expect(result.class).toBe('conditionally_conducive');
    expect(result.deciding).toEqual([{ kind: 'criterion_amber', criterion: 'living', indicators: ['water'] }]);
    expect(result.summary).toBe(
      'Conditionally conducive. Criterion amber: Adequate standard of living, because of ' +
        'Access to safe water (70%, 2026-07, verified).',
    );
  });

  it('is conditionally conducive with an indicator missing from a criterion of two', () => {
    const result = classifyZone(
      framework,
      P,
      allGreen().filter((o) => o.indicator !== 'schools'),
    );
    expect(result.class).toBe('conditionally_conducive');
    expect(result.summary).toContain('Schools functioning (no verified value)');
  });

  it('holds a zone back on an unverified report of danger, and says it is unverified', () => {
    const report = obs('mines', P, 4, 'pending');
    const result = classifyZone(framework, P, [...allGreen(), report]);
    expect(result.class).toBe('not_conducive');
    expect(statusOf(result, 'mines')).toMatchObject({ basis: 'unverified_red', observationIds: [report.id] });
    expect(result.summary).toContain('Mines and unexploded ordnance on return routes (4, 2026-10, unverified)');
    expect(result.summary).toContain('Unverified values count only against a zone');
    // Once a verifier rejects it, the zone is judged on its verified data again.
    expect(classifyZone(framework, P, [...allGreen(), { ...report, status: 'rejected' }]).class).toBe('conducive');
  });

  it('ignores observations of indicators the framework does not have', () => {
    expect(classifyZone(framework, P, [...allGreen(), obs('unknown', P, -5)]).class).toBe('conducive');
  });
});
