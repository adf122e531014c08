import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Classification,
  CRITERION_KINDS,
  DIRECTIONS,
  type FrameworkDefinition,
  INDICATOR_STATUSES,
  type IndicatorDefinition,
  OBSERVATION_SOURCES,
  OBSERVATION_STATUSES,
  UNITS,
  ZONE_CLASS_RANK,
} from '../../../shared/zones/schemas.ts';
import {
  CRITERION_RANK,
  classifyZone,
  criterionStatus,
  INDICATOR_RANK,
  type ObservationFact,
  shiftPeriod,
} from './classify.ts';

const P = '2026-06';
const RUNS = { numRuns: 500 };

/** Units with small ranges so that random thresholds and values meet often. */
const SMALL_UNITS = ['percent', 'count', 'score_1_5', 'yes_no', 'hours_per_day'] as const;
const upper = (unit: (typeof SMALL_UNITS)[number]) => Math.min(UNITS[unit].max, 20);

const indicatorSpec = fc
  .record({
    unit: fc.constantFrom(...SMALL_UNITS),
    direction: fc.constantFrom(...DIRECTIONS),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
    weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 10, noNaN: true })),
    hard: fc.boolean(),
    freshnessMonths: fc.integer({ min: 1, max: 8 }),
  })
  .map(({ unit, direction, a, b, ...rest }) => {
    const { min } = UNITS[unit];
    const at = (t: number) => Math.round(min + t * (upper(unit) - min));
    const [low, high] = [Math.min(at(a), at(b)), Math.max(at(a), at(b))];
    const higher = direction === 'higher_is_better';
    return { unit, direction, green: higher ? high : low, red: higher ? low : high, ...rest };
  });

const frameworkArb = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...CRITERION_KINDS),
      indicators: fc.array(indicatorSpec, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map(
    (criteria): FrameworkDefinition => ({
      title: { en: 'Random framework' },
      criteria: criteria.map((criterion, c) => ({
        code: `criterion_${c}`,
        kind: criterion.kind,
        name: { en: `Criterion ${c}` },
        indicators: criterion.indicators.map(
          (spec, i): IndicatorDefinition => ({
            code: `indicator_${c}_${i}`,
            name: { en: `Indicator ${c}.${i}` },
            ...spec,
          }),
        ),
      })),
    }),
  );

const indicatorsOf = (framework: FrameworkDefinition) => framework.criteria.flatMap((c) => c.indicators);

/** A value around the thresholds: beyond red, at red, between, at green, beyond green. */
function valueAt(indicator: IndicatorDefinition, position: number): number {
  const [low, high] = [Math.min(indicator.green, indicator.red), Math.max(indicator.green, indicator.red)];
  return [low - 1, low, (low + high) / 2, high, high + 1][position]!;
}

const redValue = (indicator: IndicatorDefinition) =>
  indicator.direction === 'higher_is_better' ? indicator.red - 1 : indicator.red + 1;

/** Dense: few periods, verified more often than not, so that observations meet in one indicator's window. */
const observationSpec = fc.record({
  indicator: fc.nat(),
  offset: fc.integer({ min: -9, max: 1 }),
  position: fc.integer({ min: 0, max: 4 }),
  status: fc.oneof(
    { weight: 3, arbitrary: fc.constant('confirmed' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...OBSERVATION_STATUSES) },
  ),
  source: fc.constantFrom(...OBSERVATION_SOURCES),
  organisation: fc.constantFrom('org-a', 'org-b'),
  day: fc.integer({ min: 10, max: 28 }),
});
type ObservationSpec = typeof observationSpec extends fc.Arbitrary<infer T> ? T : never;

function toFact(framework: FrameworkDefinition, spec: ObservationSpec, id: string): ObservationFact {
  const indicators = indicatorsOf(framework);
  const indicator = indicators[spec.indicator % indicators.length]!;
  const period = shiftPeriod(P, spec.offset);
  return {
    id,
    indicator: indicator.code,
    period,
    value: valueAt(indicator, spec.position),
    status: spec.status,
    source: spec.source,
    organisationId: spec.organisation,
    observedAt: `${period}-${spec.day}T09:00:00Z`,
  };
}

const scenario = frameworkArb.chain((framework) =>
  fc
    .array(observationSpec, { maxLength: 24 })
    .map((specs) => ({ framework, observations: specs.map((s, n) => toFact(framework, s, `obs-${n}`)) })),
);

const rank = (result: Classification) => ZONE_CLASS_RANK[result.class];

/** Every indicator, criterion and the class of `after` are no better than in `before`. */
function expectNoBetter(before: Classification, after: Classification) {
  expect(rank(after)).toBeLessThanOrEqual(rank(before));
  before.criteria.forEach((criterion, c) => {
    const later = after.criteria[c]!;
    expect(CRITERION_RANK[later.status]).toBeLessThanOrEqual(CRITERION_RANK[criterion.status]);
    criterion.indicators.forEach((indicator, i) => {
      expect(INDICATOR_RANK[later.indicators[i]!.status]).toBeLessThanOrEqual(INDICATOR_RANK[indicator.status]);
    });
  });
}

describe('classification properties', () => {
  it('never looks safer after a red observation is added (any status but rejected, any period up to P)', () => {
    const added = fc.record({
      indicator: fc.nat(),
      offset: fc.integer({ min: -9, max: 0 }),
      status: fc.constantFrom('pending', 'more_evidence', 'confirmed' as const),
    });
    fc.assert(
      fc.property(scenario, added, ({ framework, observations }, extra) => {
        const indicators = indicatorsOf(framework);
        const indicator = indicators[extra.indicator % indicators.length]!;
        const period = shiftPeriod(P, extra.offset);
        const red: ObservationFact = {
          id: 'obs-added',
          indicator: indicator.code,
          period,
          value: redValue(indicator),
          status: extra.status,
          source: 'survey',
          organisationId: 'org-c',
          observedAt: `${period}-01T00:00:00Z`,
        };
        expectNoBetter(classifyZone(framework, P, observations), classifyZone(framework, P, [...observations, red]));
      }),
      RUNS,
    );
  });

  it('never looks safer when a confirmed observation loses its verification', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ framework, observations }, pick) => {
        const confirmed = observations.flatMap((o, n) => (o.status === 'confirmed' ? [n] : []));
        fc.pre(confirmed.length > 0);
        const target = confirmed[pick % confirmed.length]!;
        const unverified = observations.map((o, n) => (n === target ? { ...o, status: 'pending' as const } : o));
        expectNoBetter(classifyZone(framework, P, observations), classifyZone(framework, P, unverified));
      }),
      RUNS,
    );
  });

  it('is unchanged by a rejected observation', () => {
    fc.assert(
      fc.property(scenario, observationSpec, ({ framework, observations }, spec) => {
        const rejected = toFact(framework, { ...spec, status: 'rejected' }, 'obs-rejected');
        const index = spec.day % (observations.length + 1);
        const withRejected = [...observations.slice(0, index), rejected, ...observations.slice(index)];
        expect(classifyZone(framework, P, withRejected)).toEqual(classifyZone(framework, P, observations));
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the observations', () => {
    const shuffled = scenario.chain(({ framework, observations }) =>
      fc
        .shuffledSubarray(observations, { minLength: observations.length, maxLength: observations.length })
        .map((reordered) => ({ framework, observations, reordered })),
    );
    fc.assert(
      fc.property(shuffled, ({ framework, observations, reordered }) => {
        expect(classifyZone(framework, P, reordered)).toEqual(classifyZone(framework, P, observations));
      }),
      RUNS,
    );
  });

  it('gives a well-formed classification that agrees with its hard indicators and criteria', () => {
    fc.assert(
      fc.property(scenario, ({ framework, observations }) => {
        const result = classifyZone(framework, P, observations);
        expect(Classification.parse(result)).toEqual(result);
        const indicators = result.criteria.flatMap((c) => c.indicators);
        if (indicators.some((i) => i.hard && i.status === 'red')) expect(result.class).toBe('not_conducive');
        if (result.class === 'conducive') expect(result.criteria.every((c) => c.status === 'green')).toBe(true);
        const usable = new Set(observations.filter((o) => o.status !== 'rejected' && o.period <= P).map((o) => o.id));
        for (const indicator of indicators) {
          for (const id of indicator.observationIds) expect(usable.has(id)).toBe(true);
          expect(indicator.value === null).toBe(indicator.status === 'missing');
        }
        expect(result.deciding.length).toBeGreaterThan(0);
        expect(result.summary.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('never raises a criterion when one of its indicators gets worse', () => {
    const entry = fc.record({
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      hard: fc.boolean(),
      status: fc.constantFrom(...INDICATOR_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (entries, pick, to) => {
        const index = pick % entries.length;
        const current = INDICATOR_RANK[entries[index]!.status];
        const worse = INDICATOR_STATUSES[to % (current + 1)]!;
        const downgraded = entries.map((e, n) => (n === index ? { ...e, status: worse } : e));
        expect(CRITERION_RANK[criterionStatus(downgraded)]).toBeLessThanOrEqual(
          CRITERION_RANK[criterionStatus(entries)],
        );
      }),
      RUNS,
    );
  });
});
