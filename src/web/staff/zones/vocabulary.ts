import type {
  CriterionKind,
  Direction,
  ObservationSource,
  Unit,
  VerificationDecision,
  ZoneClass,
  ZoneLevel,
} from './types.ts';

/**
 * The return-zones vocabulary the screens need, copied from src/shared/zones.ts (which brings the schema library
 * with it): vocabulary.test.ts fails when the two differ, and checks every word is named in the catalogue.
 */
export const ZONE_LEVELS: readonly ZoneLevel[] = ['state', 'admin1', 'admin2', 'location'];

/** Best first, as the screens list them. */
export const ZONE_CLASSES: readonly ZoneClass[] = [
  'conducive',
  'conditionally_conducive',
  'not_conducive',
  'insufficient_data',
];

/** Safety order: a higher rank means return looks better supported. */
export const ZONE_CLASS_RANK: Record<ZoneClass, number> = {
  not_conducive: 0,
  insufficient_data: 1,
  conditionally_conducive: 2,
  conducive: 3,
};

/** The values each unit admits. */
export const UNITS: Record<Unit, { min: number; max: number; integer: boolean }> = {
  count: { min: 0, max: 1_000_000_000, integer: true },
  percent: { min: 0, max: 100, integer: false },
  rate_per_10000: { min: 0, max: 10_000, integer: false },
  score_1_5: { min: 1, max: 5, integer: false },
  yes_no: { min: 0, max: 1, integer: true },
  days: { min: 0, max: 3650, integer: false },
  hours_per_day: { min: 0, max: 24, integer: false },
  km: { min: 0, max: 10_000, integer: false },
};
export const UNIT_NAMES = Object.keys(UNITS) as Unit[];

export const DIRECTIONS: readonly Direction[] = ['higher_is_better', 'lower_is_better'];

export const VERIFICATION_DECISIONS: readonly VerificationDecision[] = ['confirm', 'reject', 'request_evidence'];

export const OBSERVATION_SOURCES: readonly ObservationSource[] = [
  'monitoring_visit',
  'key_informant_interview',
  'partner_report',
  'survey',
];

export const CRITERION_KINDS: readonly CriterionKind[] = ['criterion', 'precondition'];

/** A P-code: two capital letters (the state) then digits, nested by prefix. */
export const PCODE = /^[A-Z]{2}[0-9]{0,12}$/;

/** Indicator codes: lower-case letters, digits and _, starting with a letter. */
export const CODE = /^[a-z][a-z0-9_]{1,63}$/;

/** Limits of the framework's fields (weight in (0, 100], freshness in whole months). */
export const WEIGHT_MAX = 100;
export const FRESHNESS_MIN = 1;
export const FRESHNESS_MAX = 36;
export const METHOD_MAX = 500;
export const NOTES_MAX = 4000;
export const REASON_MAX = 2000;
