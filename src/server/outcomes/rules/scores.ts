import type { Answers, AnswerValue } from '../../../shared/outcomes/form.ts';

/**
 * Reintegration scores after IOM's Reintegration Sustainability Survey (MEASURE): three dimensions (economic,
 * social, psychosocial) and their composite, plus two indicators followed on their own (family unity, access to
 * services). Pure: no database, no clock.
 *
 * `indicatorsOf` reads the default instrument's answers (`homeward_reintegration`) into coded values: choice codes
 * and numbers, never free text (the interviewer's notes and the `other` texts are never read). `scoreIndicators`
 * maps each item to 0–1 (ITEMS below says how, item by item) and takes the weighted mean of the items answered.
 * A score is null when the items answered carry less than half of its weight: it is then not decided by the
 * answers. An item that does not apply (health care not needed, no school-age children, nobody separated) is left
 * out of the mean rather than counted as good or bad. The composite is the weighted mean of the three dimensions
 * (weights from `HOMEWARD_OUTCOME_SCORE_WEIGHTS`), null unless all three are known. docs/outcomes-scores.md
 * lists every mapping and weight.
 */
export type Indicators = Record<string, number | string | null>;

export interface Scores {
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  familyUnity: number | null;
  servicesAccess: number | null;
}

export type ScoreKey = keyof Scores;
export type Dimension = 'economic' | 'social' | 'psychosocial';
export const DIMENSIONS: readonly Dimension[] = ['economic', 'social', 'psychosocial'];

/** The weight of each dimension in the composite. */
export type ScoreWeights = Record<Dimension, number>;
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = Object.freeze({ economic: 1, social: 1, psychosocial: 1 });

/** Refuses weights that are not three finite non-negative numbers with a positive sum. */
export function parseScoreWeights(value: unknown): ScoreWeights {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected a JSON object {"economic":…,"social":…,"psychosocial":…}');
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(DIMENSIONS as readonly string[]).includes(key)) {
      throw new Error(`unknown dimension "${key}": expected economic, social, psychosocial`);
    }
  }
  const weights = { ...DEFAULT_SCORE_WEIGHTS };
  for (const dimension of DIMENSIONS) {
    if (record[dimension] === undefined) continue;
    const weight = record[dimension];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 100) {
      throw new Error(`${dimension}: a weight is a number from 0 to 100`);
    }
    weights[dimension] = weight;
  }
  if (DIMENSIONS.every((dimension) => weights[dimension] === 0)) throw new Error('at least one weight must be above 0');
  return weights;
}

// --- Reading the answers -------------------------------------------------------------------------------------

/** The value of field `name`, at the top level or inside a group object (groups may come nested or flattened). */
function find(answers: Answers, name: string): AnswerValue | Answers[] | undefined {
  if (Object.hasOwn(answers, name)) return answers[name];
  for (const value of Object.values(answers)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const found = find(value as Answers, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A choice code from `allowed`, or null (free text, an unknown choice, nothing). */
function code(answers: Answers, name: string, allowed: readonly string[]): string | null {
  const value = find(answers, name);
  return typeof value === 'string' && allowed.includes(value) ? value : null;
}

/** A whole number in [min, max] (a numeric text from a file counts), or null. */
function integer(answers: Answers, name: string, min: number, max: number): number | null {
  const value = find(answers, name);
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/** The codes chosen in a select_multiple (a list, or a space-separated text as exports give it). */
function chosen(answers: Answers, name: string): string[] | null {
  const value = find(answers, name);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return null;
}

const YES_NO = ['yes', 'no'] as const;
const FREQUENCY = ['never', 'sometimes', 'mostly', 'always'] as const;
const BARRIERS = ['cost', 'distance', 'documents', 'discrimination', 'insecurity'] as const;

/** The coded values the scores and alerts read from one answer set. */
export function indicatorsOf(answers: Answers): Indicators {
  const separatedMembers = find(answers, 'separated_member');
  const instances = Array.isArray(separatedMembers)
    ? separatedMembers.filter(
        (item): item is Answers => item !== null && typeof item === 'object' && !Array.isArray(item),
      )
    : [];
  const known = instances.map((member) => code(member, 'location_known', YES_NO)).filter((value) => value !== null);
  const barriers = chosen(answers, 'service_barriers');
  const schoolAge = integer(answers, 'school_age_children', 0, 20);
  const outOfSchool = integer(answers, 'children_out_of_school', 0, 20);
  return {
    consent_interview: code(answers, 'consent_interview', YES_NO),
    income_source: code(answers, 'income_source', [
      'regular_job',
      'casual_work',
      'own_business',
      'farming',
      'remittances',
      'assistance',
      'none',
    ]),
    income_enough: code(answers, 'income_enough', FREQUENCY),
    debt: code(answers, 'debt', ['none', 'manageable', 'unmanageable']),
    food_days_reduced: integer(answers, 'food_days_reduced', 0, 7),
    productive_assets: code(answers, 'productive_assets', YES_NO),
    housing: code(answers, 'housing', ['own', 'rented', 'hosted', 'damaged', 'shelter', 'none']),
    documents: code(answers, 'documents', ['all', 'some', 'none']),
    health_access: code(answers, 'health_access', ['yes', 'no', 'not_needed']),
    school_age_children: schoolAge,
    // Not asked without school-age children: none are out of school then.
    children_out_of_school:
      schoolAge === 0 ? 0 : outOfSchool !== null && schoolAge !== null && outOfSchool > schoolAge ? null : outOfSchool,
    participation: code(answers, 'participation', FREQUENCY),
    feels_safe: code(answers, 'feels_safe', FREQUENCY),
    discrimination: code(answers, 'discrimination', YES_NO),
    distress: code(answers, 'distress', ['none', 'mild', 'moderate', 'severe']),
    belonging: code(answers, 'belonging', FREQUENCY),
    migrate_again: code(answers, 'migrate_again', ['no', 'maybe', 'yes_planning']),
    support_network: code(answers, 'support_network', YES_NO),
    members_separated: integer(answers, 'members_separated', 0, 20),
    member_missing: code(answers, 'member_missing', YES_NO),
    /** Of the separated members described, how many have a known location (null when none are described). */
    separated_location_known:
      known.length === 0 ? null : known.filter((value) => value === 'yes').length / known.length,
    water_access: code(answers, 'water_access', YES_NO),
    electricity_access: code(answers, 'electricity_access', YES_NO),
    /** How many of the five barriers were named: 0 for `none`, null when unanswered. */
    service_barriers:
      barriers === null || barriers.length === 0
        ? null
        : barriers.filter((b) => (BARRIERS as readonly string[]).includes(b)).length,
  };
}

// --- Items and their mappings --------------------------------------------------------------------------------

/** A frequency answer on 0–1: never 0, sometimes 1/3, mostly 2/3, always 1. */
const FREQUENCY_VALUE: Record<string, number> = { never: 0, sometimes: 1 / 3, mostly: 2 / 3, always: 1 };
const YES_GOOD: Record<string, number> = { yes: 1, no: 0 };
const NO_GOOD: Record<string, number> = { yes: 0, no: 1 };

export interface Item {
  /** The indicator it reads (also the key of its explanation). */
  indicator: string;
  weight: number;
  /** The answer on 0–1 (1 the best), or null when unanswered or not applicable. */
  value(indicators: Indicators): number | null;
}

const mapped =
  (indicator: string, values: Record<string, number>) =>
  (indicators: Indicators): number | null => {
    const answer = indicators[indicator];
    return typeof answer === 'string' && Object.hasOwn(values, answer) ? values[answer]! : null;
  };

const numeric = (indicators: Indicators, name: string): number | null => {
  const value = indicators[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** Each score's items, with their weights: the mapping of every answer is documented beside it. */
export const ITEMS: Readonly<Record<Exclude<ScoreKey, 'composite'>, readonly Item[]>> = {
  economic: [
    // Income covers basic needs: the frequency scale.
    { indicator: 'income_enough', weight: 3, value: mapped('income_enough', FREQUENCY_VALUE) },
    // Days in the last 7 with fewer or smaller meals: (7 − days) / 7.
    {
      indicator: 'food_days_reduced',
      weight: 3,
      value: (i) => {
        const days = numeric(i, 'food_days_reduced');
        return days === null ? null : Math.min(1, Math.max(0, (7 - days) / 7));
      },
    },
    // Debt: none 1, manageable 1/2, unmanageable 0.
    { indicator: 'debt', weight: 2, value: mapped('debt', { none: 1, manageable: 0.5, unmanageable: 0 }) },
    // Main income: a regular job or own business 1, farming 3/4, casual work or remittances 1/2, assistance 1/4, none 0.
    {
      indicator: 'income_source',
      weight: 1,
      value: mapped('income_source', {
        regular_job: 1,
        own_business: 1,
        farming: 0.75,
        casual_work: 0.5,
        remittances: 0.5,
        assistance: 0.25,
        none: 0,
      }),
    },
    // Productive assets (land, tools, livestock): yes 1, no 0.
    { indicator: 'productive_assets', weight: 1, value: mapped('productive_assets', YES_GOOD) },
  ],
  social: [
    // Housing: own 1, rented 3/4, hosted 1/2, damaged or shelter 1/4, none 0.
    {
      indicator: 'housing',
      weight: 2,
      value: mapped('housing', { own: 1, rented: 0.75, hosted: 0.5, damaged: 0.25, shelter: 0.25, none: 0 }),
    },
    // Civil documents: all 1, some 1/2, none 0.
    { indicator: 'documents', weight: 2, value: mapped('documents', { all: 1, some: 0.5, none: 0 }) },
    // Health care when needed: yes 1, no 0; not needed leaves the item out.
    { indicator: 'health_access', weight: 2, value: mapped('health_access', YES_GOOD) },
    // Schooling: the share of school-age children in school; left out without school-age children.
    {
      indicator: 'children_out_of_school',
      weight: 2,
      value: (i) => {
        const children = numeric(i, 'school_age_children');
        const out = numeric(i, 'children_out_of_school');
        if (children === null || children === 0 || out === null) return null;
        return Math.min(1, Math.max(0, 1 - out / children));
      },
    },
    // Feels safe: the frequency scale.
    { indicator: 'feels_safe', weight: 2, value: mapped('feels_safe', FREQUENCY_VALUE) },
    // Takes part in community activities: the frequency scale.
    { indicator: 'participation', weight: 1, value: mapped('participation', FREQUENCY_VALUE) },
    // Discrimination felt: no 1, yes 0.
    { indicator: 'discrimination', weight: 1, value: mapped('discrimination', NO_GOOD) },
  ],
  psychosocial: [
    // Distress in the last two weeks: none 1, mild 2/3, moderate 1/3, severe 0.
    {
      indicator: 'distress',
      weight: 3,
      value: mapped('distress', { none: 1, mild: 2 / 3, moderate: 1 / 3, severe: 0 }),
    },
    // Feels part of the community: the frequency scale.
    { indicator: 'belonging', weight: 2, value: mapped('belonging', FREQUENCY_VALUE) },
    // Someone to turn to: yes 1, no 0.
    { indicator: 'support_network', weight: 2, value: mapped('support_network', YES_GOOD) },
    // Thinks of migrating again: no 1, maybe 1/2, yes and planning 0 (a choice, not a necessity, is the aim).
    { indicator: 'migrate_again', weight: 2, value: mapped('migrate_again', { no: 1, maybe: 0.5, yes_planning: 0 }) },
  ],
  familyUnity: [
    // A member whose whereabouts are unknown: no 1, yes 0.
    { indicator: 'member_missing', weight: 2, value: mapped('member_missing', NO_GOOD) },
    // Members living apart against their wish: 1 / (1 + members), so none 1, one 1/2, two 1/3.
    {
      indicator: 'members_separated',
      weight: 2,
      value: (i) => {
        const separated = numeric(i, 'members_separated');
        return separated === null || separated < 0 ? null : 1 / (1 + separated);
      },
    },
    // Of the separated members, the share whose location is known; left out when nobody is separated.
    {
      indicator: 'separated_location_known',
      weight: 1,
      value: (i) => {
        const share = numeric(i, 'separated_location_known');
        return share === null ? null : Math.min(1, Math.max(0, share));
      },
    },
  ],
  servicesAccess: [
    // Drinking water: yes 1, no 0.
    { indicator: 'water_access', weight: 1, value: mapped('water_access', YES_GOOD) },
    // Electricity: yes 1, no 0.
    { indicator: 'electricity_access', weight: 1, value: mapped('electricity_access', YES_GOOD) },
    // Health care when needed (as in the social dimension).
    { indicator: 'health_access', weight: 1, value: mapped('health_access', YES_GOOD) },
    // Barriers to services (cost, distance, documents, discrimination, insecurity): 1 − named / 5; none 1.
    {
      indicator: 'service_barriers',
      weight: 2,
      value: (i) => {
        const named = numeric(i, 'service_barriers');
        return named === null ? null : Math.min(1, Math.max(0, 1 - named / BARRIERS.length));
      },
    },
  ],
};

/** The weighted mean of the items answered, or null when they carry less than half of the score's weight. */
function weightedMean(items: readonly Item[], indicators: Indicators): number | null {
  let total = 0;
  let answered = 0;
  let sum = 0;
  for (const item of items) {
    total += item.weight;
    const value = item.value(indicators);
    if (value === null) continue;
    answered += item.weight;
    sum += item.weight * value;
  }
  if (answered === 0 || answered * 2 < total) return null;
  return clamp(sum / answered);
}

/** Rounding drift never takes a score out of [0, 1]. */
const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/** The economic dimension: income, food, debt, income source and assets. */
export const economicScore = (indicators: Indicators): number | null => weightedMean(ITEMS.economic, indicators);
/** The social dimension: housing, documents, health care, schooling, safety, participation, discrimination. */
export const socialScore = (indicators: Indicators): number | null => weightedMean(ITEMS.social, indicators);
/** The psychosocial dimension: distress, belonging, support, intention to migrate again. */
export const psychosocialScore = (indicators: Indicators): number | null =>
  weightedMean(ITEMS.psychosocial, indicators);
/** Family unity: nobody missing, nobody separated, the separated ones' locations known. */
export const familyUnityScore = (indicators: Indicators): number | null => weightedMean(ITEMS.familyUnity, indicators);
/** Access to services: water, electricity, health care and barriers. */
export const servicesAccessScore = (indicators: Indicators): number | null =>
  weightedMean(ITEMS.servicesAccess, indicators);

/** The composite: the weighted mean of the three dimensions, null unless each one with a weight is known. */
export function compositeScore(dimensions: Record<Dimension, number | null>, weights: ScoreWeights): number | null {
  let sum = 0;
  let total = 0;
  for (const dimension of DIMENSIONS) {
    const weight = weights[dimension];
    if (weight === 0) continue;
    const value = dimensions[dimension];
    if (value === null) return null;
    sum += weight * value;
    total += weight;
  }
  return total === 0 ? null : clamp(sum / total);
}

/** Every score and own indicator of one answer set, on 0–1 or null. */
export function scoreIndicators(indicators: Indicators, weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): Scores {
  if (indicators.consent_interview === 'no') {
    return {
      economic: null,
      social: null,
      psychosocial: null,
      composite: null,
      familyUnity: null,
      servicesAccess: null,
    };
  }
  const economic = economicScore(indicators);
  const social = socialScore(indicators);
  const psychosocial = psychosocialScore(indicators);
  return {
    economic,
    social,
    psychosocial,
    composite: compositeScore({ economic, social, psychosocial }, weights),
    familyUnity: familyUnityScore(indicators),
    servicesAccess: servicesAccessScore(indicators),
  };
}

// --- Explanations --------------------------------------------------------------------------------------------

/** One answer that went into a score: its 0–1 value, its share of the score, and what it took away from 1. */
export interface ScoreFactor {
  /** The indicator (for the composite: the dimension). */
  item: string;
  /** The answer's code or number (for the composite: null). */
  answer: number | string | null;
  value: number;
  /** The item's weight as a share of the weights answered (they add up to 1). */
  weight: number;
  /** weight × value: what it adds to the score. */
  contribution: number;
  /** weight × (1 − value): what it takes away from a perfect 1. */
  shortfall: number;
}

export type ScoreExplanation = Record<ScoreKey, { score: number | null; factors: ScoreFactor[] }>;

function factorsOf(items: readonly Item[], indicators: Indicators): ScoreFactor[] {
  const answered = items
    .map((item) => ({ item, value: item.value(indicators) }))
    .filter((entry): entry is { item: Item; value: number } => entry.value !== null);
  const total = answered.reduce((sum, entry) => sum + entry.item.weight, 0);
  return sortFactors(
    answered.map(({ item, value }) => {
      const weight = item.weight / total;
      return {
        item: item.indicator,
        answer: indicators[item.indicator] ?? null,
        value,
        weight,
        contribution: weight * value,
        shortfall: weight * (1 - value),
      };
    }),
  );
}

/** Largest shortfall first (what pulled the score down most), then by name so the order is stable. */
const sortFactors = (factors: ScoreFactor[]): ScoreFactor[] =>
  factors.sort((a, b) => b.shortfall - a.shortfall || a.item.localeCompare(b.item));

/** For each score, the answers that decided it, the one that cost it most first. */
export function explainScores(indicators: Indicators, weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS): ScoreExplanation {
  const scores = scoreIndicators(indicators, weights);
  const explain = (key: Exclude<ScoreKey, 'composite'>) => ({
    score: scores[key],
    factors: scores[key] === null ? [] : factorsOf(ITEMS[key], indicators),
  });
  const total = DIMENSIONS.reduce((sum, dimension) => sum + weights[dimension], 0);
  const compositeFactors =
    scores.composite === null
      ? []
      : sortFactors(
          DIMENSIONS.filter((dimension) => weights[dimension] > 0).map((dimension) => {
            const value = scores[dimension]!;
            const weight = weights[dimension] / total;
            return {
              item: dimension,
              answer: null,
              value,
              weight,
              contribution: weight * value,
              shortfall: weight * (1 - value),
            };
          }),
        );
  return {
    economic: explain('economic'),
    social: explain('social'),
    psychosocial: explain('psychosocial'),
    composite: { score: scores.composite, factors: compositeFactors },
    familyUnity: explain('familyUnity'),
    servicesAccess: explain('servicesAccess'),
  };
}
