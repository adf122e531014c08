import type {
  CriterionStatus,
  IndicatorAssessment,
  IndicatorStatus,
  ObservationSource,
  Unit,
  ZoneClass,
  ZoneLevel,
} from '../../../shared/zones/schemas.ts';

/**
 * The zone vocabulary the public pages need, copied from src/shared/zones.ts so that the portal's chunk does not
 * carry zod (vocabulary.test.ts checks that the copies stay equal to the shared lists).
 */

/** Worst first: the order of legends, filters and counts. */
export const CLASSES: readonly ZoneClass[] = [
  'not_conducive',
  'insufficient_data',
  'conditionally_conducive',
  'conducive',
];
export const LEVELS: readonly ZoneLevel[] = ['state', 'admin1', 'admin2', 'location'];
export const SOURCES: readonly ObservationSource[] = [
  'monitoring_visit',
  'key_informant_interview',
  'partner_report',
  'survey',
];
export const UNITS: readonly Unit[] = [
  'count',
  'percent',
  'rate_per_10000',
  'score_1_5',
  'yes_no',
  'days',
  'hours_per_day',
  'km',
];
export type Basis = IndicatorAssessment['basis'];
export const BASES: readonly Basis[] = ['verified', 'stale_red', 'unverified_red', 'unverified_worse', 'missing'];

export const isZoneClass = (value: unknown): value is ZoneClass => CLASSES.includes(value as ZoneClass);

/** How a class or status looks: the same four tones for a zone's class and a criterion's or indicator's status. */
export type Tone = 'bad' | 'unknown' | 'caution' | 'good';

export const CLASS_TONE: Record<ZoneClass, Tone> = {
  not_conducive: 'bad',
  insufficient_data: 'unknown',
  conditionally_conducive: 'caution',
  conducive: 'good',
};

export const STATUS_TONE: Record<CriterionStatus | IndicatorStatus, Tone> = {
  red: 'bad',
  insufficient: 'unknown',
  missing: 'unknown',
  amber: 'caution',
  green: 'good',
};

/** A P-code: two capital letters (the state) then digits, nested by prefix (QM → QM01 → QM0101). */
export const PCODE = /^[A-Z]{2}[0-9]{0,12}$/;
