import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../shared/outcomes/form.ts';
import {
  DEFAULT_SCORE_WEIGHTS,
  explainScores,
  indicatorsOf,
  parseScoreWeights,
  type Scores,
  scoreIndicators,
} from './scores.ts';

/** A household doing well on every item. */
const THRIVING: Answers = {
  consent_interview: 'yes',
  head_sex: 'female',
  head_age: 41,
  household_size: 5,
  income_source: 'regular_job',
  income_enough: 'always',
  debt: 'none',
  food_days_reduced: 0,
  productive_assets: 'yes',
  housing: 'own',
  documents: 'all',
  health_access: 'yes',
  school_age_children: 2,
  children_out_of_school: 0,
  participation: 'always',
  feels_safe: 'always',
  discrimination: 'no',
  distress: 'none',
  belonging: 'always',
  migrate_again: 'no',
  support_network: 'yes',
  members_separated: 0,
  member_missing: 'no',
  water_access: 'yes',
  electricity_access: 'yes',
  service_barriers: ['none'],
  interviewer_notes: 'Lives near the mosque, phone 0912 345 678',
};

/** The same household with everything at its worst. */
const STRUGGLING: Answers = {
  ...THRIVING,
  income_source: 'none',
  income_enough: 'never',
  debt: 'unmanageable',
  food_days_reduced: 7,
  productive_assets: 'no',
  housing: 'none',
  documents: 'none',
  health_access: 'no',
  children_out_of_school: 2,
  participation: 'never',
  feels_safe: 'never',
  discrimination: 'yes',
  distress: 'severe',
  belonging: 'never',
  migrate_again: 'yes_planning',
  support_network: 'no',
  members_separated: 1,
  member_missing: 'yes',
  separated_member: [{ relationship: 'spouse', location_known: 'no' }],
  water_access: 'no',
  electricity_access: 'no',
  service_barriers: ['cost', 'distance', 'documents', 'discrimination', 'insecurity'],
};

const score = (answers: Answers): Scores => scoreIndicators(indicatorsOf(answers));

describe('indicatorsOf', () => {
  it('keeps codes and numbers, never free text', () => {
    const indicators = indicatorsOf({ ...THRIVING, income_source: 'other', income_source_other: 'selling my secrets' });
    expect(Object.values(indicators).every((v) => v === null || typeof v === 'number' || typeof v === 'string')).toBe(
      true,
    );
    expect(JSON.stringify(indicators)).not.toContain('mosque');
    expect(JSON.stringify(indicators)).not.toContain('secrets');
    expect(indicators.income_source).toBeNull();
  });

  it('reads answers nested under their groups as well as flattened ones', () => {
    const nested: Answers = {
      consent_interview: 'yes',
      economic: { income_enough: 'mostly', food_days_reduced: 2 } as unknown as Answers[],
      family: {
        members_separated: 2,
        separated_member: [{ location_known: 'yes' }, { location_known: 'no' }],
      } as unknown as Answers[],
    };
    const indicators = indicatorsOf(nested);
    expect(indicators.income_enough).toBe('mostly');
    expect(indicators.food_days_reduced).toBe(2);
    expect(indicators.separated_location_known).toBe(0.5);
  });

  it('reads numbers and select_multiple answers as exported files give them (text)', () => {
    const indicators = indicatorsOf({ food_days_reduced: '3', service_barriers: 'cost distance' });
    expect(indicators.food_days_reduced).toBe(3);
    expect(indicators.service_barriers).toBe(2);
    expect(indicatorsOf({ service_barriers: 'none' }).service_barriers).toBe(0);
    expect(indicatorsOf({ food_days_reduced: 12 }).food_days_reduced).toBeNull();
  });
});

describe('scoreIndicators', () => {
  it('scores a thriving household 1 and a struggling one 0 on every score', () => {
    expect(score(THRIVING)).toEqual({
      economic: 1,
      social: 1,
      psychosocial: 1,
      composite: 1,
      familyUnity: 1,
      servicesAccess: 1,
    });
    const low = score(STRUGGLING);
    expect(low.economic).toBe(0);
    expect(low.social).toBe(0);
    expect(low.psychosocial).toBe(0);
    expect(low.composite).toBe(0);
    expect(low.servicesAccess).toBe(0);
    // One separated member (1/2) with an unknown location (0) and a missing member (0): (2·0 + 2·½ + 0) / 5.
    expect(low.familyUnity).toBeCloseTo(0.2);
  });

  it('maps each answer as documented', () => {
    const economic = (answers: Partial<Answers>) => score({ ...THRIVING, ...answers } as Answers).economic!;
    // income_enough has weight 3 of 10: sometimes is 1/3, so the score loses 3/10 × 2/3.
    expect(economic({ income_enough: 'sometimes' })).toBeCloseTo(1 - 0.3 * (2 / 3));
    // food_days_reduced 3 → 4/7, weight 3 of 10.
    expect(economic({ food_days_reduced: 3 })).toBeCloseTo(1 - 0.3 * (3 / 7));
    // debt unmanageable → 0, weight 2 of 10.
    expect(economic({ debt: 'unmanageable' })).toBeCloseTo(0.8);
    // distress severe → 0, weight 3 of 9.
    expect(score({ ...THRIVING, distress: 'severe' }).psychosocial).toBeCloseTo(6 / 9);
    // health care not needed leaves the item out rather than counting it.
    expect(score({ ...THRIVING, health_access: 'not_needed' }).social).toBe(1);
  });

  it('weighs the composite with the configured weights', () => {
    const indicators = indicatorsOf({
      ...THRIVING,
      distress: 'severe',
      belonging: 'never',
      support_network: 'no',
      migrate_again: 'yes_planning',
    });
    expect(scoreIndicators(indicators).composite).toBeCloseTo(2 / 3);
    expect(scoreIndicators(indicators, { economic: 1, social: 1, psychosocial: 2 }).composite).toBeCloseTo(0.5);
    expect(scoreIndicators(indicators, { economic: 1, social: 0, psychosocial: 0 }).composite).toBe(1);
  });

  it('is null when the interview was refused or the deciding answers are missing', () => {
    expect(score({ consent_interview: 'no' })).toEqual({
      economic: null,
      social: null,
      psychosocial: null,
      composite: null,
      familyUnity: null,
      servicesAccess: null,
    });
    // Only income_enough (3 of 10): not enough to decide the economic score.
    const partial = score({ consent_interview: 'yes', income_enough: 'always', food_days_reduced: 0 });
    expect(partial.economic).toBe(1);
    expect(score({ consent_interview: 'yes', income_enough: 'always' }).economic).toBeNull();
    expect(partial.composite).toBeNull();
  });
});

describe('parseScoreWeights', () => {
  it('takes partial weights over the defaults and refuses nonsense', () => {
    expect(parseScoreWeights({ psychosocial: 2 })).toEqual({ ...DEFAULT_SCORE_WEIGHTS, psychosocial: 2 });
    expect(() => parseScoreWeights({ economic: -1 })).toThrow(/economic/);
    expect(() => parseScoreWeights({ cultural: 1 })).toThrow(/cultural/);
    expect(() => parseScoreWeights({ economic: 0, social: 0, psychosocial: 0 })).toThrow(/above 0/);
    expect(() => parseScoreWeights([1, 2, 3])).toThrow();
  });
});

describe('explainScores', () => {
  it('names the answers that cost each score most, first', () => {
    const explanation = explainScores(
      indicatorsOf({ ...THRIVING, food_days_reduced: 7, debt: 'manageable' }),
      DEFAULT_SCORE_WEIGHTS,
    );
    const [first, second] = explanation.economic.factors;
    expect(first).toMatchObject({ item: 'food_days_reduced', answer: 7, value: 0, weight: 0.3, shortfall: 0.3 });
    expect(second).toMatchObject({ item: 'debt', answer: 'manageable', value: 0.5 });
    const sum = explanation.economic.factors.reduce((total, factor) => total + factor.contribution, 0);
    expect(sum).toBeCloseTo(explanation.economic.score!);
    expect(explanation.composite.factors[0]!.item).toBe('economic');
  });
});

// --- Properties ----------------------------------------------------------------------------------------------

/** Each scored question's answers, worst first. */
const SCALES: Record<string, readonly (string | number)[]> = {
  income_source: ['none', 'assistance', 'casual_work', 'farming', 'regular_job'],
  income_enough: ['never', 'sometimes', 'mostly', 'always'],
  debt: ['unmanageable', 'manageable', 'none'],
  food_days_reduced: [7, 6, 5, 4, 3, 2, 1, 0],
  productive_assets: ['no', 'yes'],
  housing: ['none', 'damaged', 'hosted', 'rented', 'own'],
  documents: ['none', 'some', 'all'],
  health_access: ['no', 'yes'],
  children_out_of_school: [3, 2, 1, 0],
  participation: ['never', 'sometimes', 'mostly', 'always'],
  feels_safe: ['never', 'sometimes', 'mostly', 'always'],
  discrimination: ['yes', 'no'],
  distress: ['severe', 'moderate', 'mild', 'none'],
  belonging: ['never', 'sometimes', 'mostly', 'always'],
  migrate_again: ['yes_planning', 'maybe', 'no'],
  support_network: ['no', 'yes'],
  member_missing: ['yes', 'no'],
  water_access: ['no', 'yes'],
  electricity_access: ['no', 'yes'],
};
const QUESTIONS = Object.keys(SCALES);

/** Positions on each scale (or missing), and which question to improve. */
const answerPositions = fc.record({
  positions: fc.dictionary(fc.constantFrom(...QUESTIONS), fc.nat({ max: 7 }), { minKeys: 0 }),
  separated: fc.nat({ max: 3 }),
  known: fc.array(fc.boolean(), { maxLength: 3 }),
  barriers: fc.option(fc.subarray(['cost', 'distance', 'documents', 'discrimination', 'insecurity']), {
    nil: undefined,
  }),
  consent: fc.constantFrom('yes', 'yes', 'yes', 'no', undefined),
  weights: fc.record({
    economic: fc.double({ min: 0.01, max: 5, noNaN: true }),
    social: fc.double({ min: 0, max: 5, noNaN: true }),
    psychosocial: fc.double({ min: 0, max: 5, noNaN: true }),
  }),
});

type Positions = typeof answerPositions extends fc.Arbitrary<infer T> ? T : never;

function answersOf(input: Positions): Answers {
  const answers: Answers = { school_age_children: 3 };
  if (input.consent) answers.consent_interview = input.consent;
  for (const [question, position] of Object.entries(input.positions) as [string, number][]) {
    const scale = SCALES[question]!;
    answers[question] = scale[Math.min(position, scale.length - 1)]!;
  }
  answers.members_separated = input.separated;
  answers.separated_member = input.known
    .slice(0, input.separated)
    .map((known) => ({ relationship: 'child', location_known: known ? 'yes' : 'no' }));
  if (input.barriers) answers.service_barriers = input.barriers.length === 0 ? ['none'] : input.barriers;
  return answers;
}

const KEYS = ['economic', 'social', 'psychosocial', 'composite', 'familyUnity', 'servicesAccess'] as const;

describe('score properties', () => {
  it('every score is in [0, 1] or null, never NaN, and its explanation adds up to it', () => {
    fc.assert(
      fc.property(answerPositions, (input) => {
        const indicators = indicatorsOf(answersOf(input));
        const scores = scoreIndicators(indicators, input.weights);
        const explanation = explainScores(indicators, input.weights);
        for (const key of KEYS) {
          const value = scores[key];
          expect(value === null || (value >= 0 && value <= 1)).toBe(true);
          expect(Number.isNaN(value)).toBe(false);
          if (value !== null) {
            const sum = explanation[key].factors.reduce((total, factor) => total + factor.contribution, 0);
            expect(sum).toBeCloseTo(value, 9);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a better answer never lowers a score', () => {
    fc.assert(
      fc.property(answerPositions, fc.constantFrom(...QUESTIONS), (input, question) => {
        const scale = SCALES[question]!;
        const position = Math.min(input.positions[question] ?? scale.length, scale.length - 1);
        // The same question answered better (answering one that was missing is not "better").
        fc.pre(question in input.positions && position < scale.length - 1);
        const before = scoreIndicators(indicatorsOf(answersOf(input)), input.weights);
        const after = scoreIndicators(
          indicatorsOf(answersOf({ ...input, positions: { ...input.positions, [question]: position + 1 } })),
          input.weights,
        );
        for (const key of KEYS) {
          if (before[key] !== null && after[key] !== null)
            expect(after[key]!).toBeGreaterThanOrEqual(before[key]! - 1e-12);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no answers at all give null scores', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Answers>({}, { consent_interview: 'yes' }, { consent_interview: 'no' }),
        (answers) => {
          const scores = score(answers);
          for (const key of KEYS) expect(scores[key]).toBeNull();
        },
      ),
    );
  });
});
