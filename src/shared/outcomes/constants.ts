/**
 * The outcome-monitoring module's vocabulary as plain constants: the words and limits the server validates with
 * and the web application shows. No schema library here (see src/shared/zones/constants.ts).
 */

/** Who answered a round: a returned household, or a non-displaced resident household of the same zone. */
export const POPULATIONS = ['returnee', 'resident'] as const;
export type Population = (typeof POPULATIONS)[number];

/** The follow-up rounds an arrival schedules, in months after arrival (the cases module schedules them). */
export const ROUNDS = [1, 3, 6, 12] as const;
export type Round = (typeof ROUNDS)[number];

/**
 * Where a follow-up stands: `due` once its day is near and nobody has it, `assigned` to a field organisation,
 * `retry` after a missed attempt, `done` with its response, `lost` after the last attempt failed (with a reason).
 */
export const FOLLOW_UP_STATUSES = ['due', 'assigned', 'retry', 'done', 'lost'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** How a follow-up is done: a phone call, a visit, or the household's own secure link. */
export const FOLLOW_UP_MODES = ['phone', 'visit', 'link'] as const;
export type FollowUpMode = (typeof FOLLOW_UP_MODES)[number];

/** Why a follow-up is lost. */
export const LOST_REASONS = [
  'not_reached',
  'moved_away',
  'declined',
  'household_dissolved',
  'unsafe_to_visit',
  'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** Missed attempts before a follow-up is lost, and the days between attempts (configuration overrides). */
export const DEFAULT_FOLLOW_UP_ATTEMPTS = 3;
export const DEFAULT_FOLLOW_UP_RETRY_DAYS = 7;

/** How an answer set arrived. */
export const RESPONSE_SOURCES = ['web', 'api', 'import', 'link'] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];

/** The reintegration scores, each on 0–1 (IOM's three dimensions and their composite). */
export const SCORES = ['economic', 'social', 'psychosocial', 'composite'] as const;
export type ScoreName = (typeof SCORES)[number];

/** Indicators followed on their own, beside the scores, each on 0–1. */
export const OWN_INDICATORS = ['family_unity', 'services_access'] as const;
export type OwnIndicator = (typeof OWN_INDICATORS)[number];

/** Every outcome a dashboard shows: the scores and the indicators of their own. */
export const OUTCOMES = [...SCORES, ...OWN_INDICATORS] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What raises an alert about a household. */
export const ALERT_KINDS = [
  'score_drop',
  'member_missing',
  'child_out_of_school',
  'intends_to_migrate',
  'distress',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'referred', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Services a household is referred to. */
export const REFERRAL_SERVICES = ['mhpss', 'legal_aid', 'livelihoods', 'health', 'shelter'] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/**
 * Where a referral stands: `sent` to the receiving organisation, which `accepted` or `declined` it; then
 * `completed` (the service was given) or `not_completed` (with its outcome). Overdue past its deadline.
 */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'completed', 'not_completed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Age groups of the head of household, for disaggregation. */
export const HEAD_AGE_GROUPS = ['18-24', '25-39', '40-59', '60+'] as const;
export type HeadAgeGroup = (typeof HEAD_AGE_GROUPS)[number];

/** The sex of the head of household as the cases module records it. */
export const HEAD_SEXES = ['female', 'male'] as const;

/** The form id of the instrument Homeward ships (outcomes/instruments/reintegration.xlsx). */
export const DEFAULT_INSTRUMENT_FORM_ID = 'homeward_reintegration';

/** The audit event types of the module, for the transparency-log filter. */
export const OUTCOME_AUDIT_EVENTS = [
  'outcomes.instrument_imported',
  'outcomes.follow_ups_opened',
  'outcomes.follow_up_assigned',
  'outcomes.follow_up_attempted',
  'outcomes.follow_up_lost',
  'outcomes.follow_up_link_issued',
  'outcomes.response_recorded',
  'outcomes.responses_imported',
  'outcomes.scores_recomputed',
  'outcomes.alert_raised',
  'outcomes.alert_closed',
  'outcomes.referral_made',
  'outcomes.referral_updated',
  'outcomes.zone_outcomes_entered',
] as const;
export type OutcomeAuditEventType = (typeof OUTCOME_AUDIT_EVENTS)[number];
