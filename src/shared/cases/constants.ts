/**
 * The returnee-cases vocabulary as plain constants: the words and limits the server validates with and the web
 * application shows. No schema library here (see src/shared/zones/constants.ts); schemas.ts builds on these.
 */

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number];

/** A member's relationship to the household's head (the head's own is `head`). */
export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'stepchild',
  'grandchild',
  'parent',
  'grandparent',
  'sibling',
  'other_relative',
  'unrelated',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Specific needs (UNHCR's specific-needs codes, grouped as the return handbook names them). */
export const SPECIFIC_NEEDS = [
  'disability',
  'serious_medical_condition',
  'unaccompanied_or_separated_child',
  'older_person_at_risk',
  'survivor_of_violence',
  'single_parent',
] as const;
export type SpecificNeed = (typeof SPECIFIC_NEEDS)[number];

export const DOCUMENT_KINDS = [
  'national_id',
  'passport',
  'birth_certificate',
  'refugee_id',
  'family_book',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Whether a person can travel and be recognised at home: documents in hand, replacement arranged, or neither. */
export const DOCUMENT_STATUSES = ['available', 'replacement_arranged', 'missing'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** How a person gave or withdrew consent. */
export const CONSENT_CHANNELS = ['in_person', 'phone', 'written', 'sms'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Where a household's case stands, in the order a return goes. */
export const CASE_STAGES = [
  'registered',
  'counselling',
  'declared',
  'eligible',
  'not_eligible',
  'departure_scheduled',
  'departed',
  'arrived',
  'withdrawn',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
/** Stages in which a case is still open (decisions can be taken, movements planned). */
export const OPEN_CASE_STAGES: readonly CaseStage[] = [
  'registered',
  'counselling',
  'declared',
  'eligible',
  'not_eligible',
  'departure_scheduled',
  'departed',
];

/** Whether a case still takes decisions: not closed, and at an open stage (not withdrawn, arrived or closed). */
export function caseIsOpen(household: { stage: string; closedAt: Date | null }): boolean {
  return household.closedAt === null && OPEN_CASE_STAGES.includes(household.stage as CaseStage);
}

/** The voluntariness file's steps, in order (UNHCR Handbook on Voluntary Repatriation). */
export const VOLUNTARINESS_STEPS = [
  'intention',
  'counselling',
  'zone_information',
  'go_and_see',
  'declaration',
  'cooling_off',
] as const;
export type VoluntarinessStep = (typeof VOLUNTARINESS_STEPS)[number];
export const VOLUNTARINESS_FILE_STATUSES = ['open', 'complete', 'withdrawn'] as const;
export type VoluntarinessFileStatus = (typeof VOLUNTARINESS_FILE_STATUSES)[number];

/** The default cooling-off period between the signed declaration and the earliest departure. */
export const DEFAULT_COOLING_OFF_DAYS = 7;

/** What a counsellor may record as a sign that a choice is not free. Any one raises a protection flag. */
export const COERCION_INDICATORS = [
  'threats',
  'detention',
  'withheld_documents',
  'withheld_aid',
  'family_decides_for_adult',
] as const;
export type CoercionIndicator = (typeof COERCION_INDICATORS)[number];
export const PROTECTION_FLAG_STATUSES = ['open', 'closed'] as const;

/** The eligibility rules, one row each, in the order they are shown. */
export const ELIGIBILITY_RULES = [
  'voluntariness_complete',
  'no_open_protection_flag',
  'needs_planned',
  'documents_ready',
  'destination_safe',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** Decisions on a case, each with a responsible organisation and a due date. */
export const DECISION_KINDS = ['registration', 'eligibility', 'departure'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** The outcomes each kind of decision may have. */
export const DECISION_OUTCOMES = {
  registration: ['accepted', 'rejected'],
  eligibility: ['eligible', 'not_eligible'],
  departure: ['approved', 'refused'],
} as const satisfies Record<DecisionKind, readonly string[]>;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[DecisionKind][number];
export const DECISION_STATUSES = ['pending', 'decided'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Default service levels in days from the decision's opening (configurable: docs/cases.md). */
export const DEFAULT_SERVICE_LEVEL_DAYS: Record<DecisionKind | 'appeal', number> = {
  registration: 14,
  eligibility: 30,
  departure: 14,
  appeal: 30,
};

export const APPEAL_LODGERS = ['person', 'representative'] as const;
export const APPEAL_OUTCOMES = ['upheld', 'overturned', 'referred'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_STATUSES = ['pending', 'decided'] as const;

export const NETWORK_STATUSES = ['open', 'closed'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

export const MOVEMENT_KINDS = ['convoy', 'individual'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_STATUSES = ['planned', 'suspended', 'departed', 'arrived', 'cancelled'] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];
/** Why a planned movement stopped: the zone's class, a closed transit point or corridor, or the day's check. */
export const SUSPENSION_REASONS = [
  'zone_downgraded',
  'zone_class_stale',
  'transit_point_closed',
  'corridor_closed',
  'eligibility_failed',
  'departure_refused',
] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Months after arrival at which outcome follow-ups are due. */
export const FOLLOW_UP_MONTHS = [1, 3, 6, 12] as const;

/** Case references as read aloud: `HW-` and eight letters and digits without look-alikes. */
export const CASE_REFERENCE = /^HW-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Every audit event type of the cases module; the server's events.ts gives each its details' schema. */
export const CASE_AUDIT_EVENTS = [
  'cases.household_registered',
  'cases.households_imported',
  'cases.household_updated',
  'cases.duplicate_reviewed',
  'cases.consent_recorded',
  'cases.consent_withdrawn',
  'cases.case_shared',
  'cases.share_ended',
  'cases.intention_recorded',
  'cases.counselling_recorded',
  'cases.zone_information_given',
  'cases.go_and_see_recorded',
  'cases.declaration_signed',
  'cases.voluntariness_withdrawn',
  'cases.protection_flag_raised',
  'cases.protection_flag_closed',
  'cases.needs_plan_recorded',
  'cases.conditions_addressed',
  'cases.decision_opened',
  'cases.decision_made',
  'cases.appeal_lodged',
  'cases.appeal_decided',
  'cases.network_changed',
  'cases.movement_planned',
  'cases.movement_suspended',
  'cases.movement_departed',
  'cases.movement_cancelled',
  'cases.arrival_recorded',
] as const;
export type CaseAuditEventType = (typeof CASE_AUDIT_EVENTS)[number];
