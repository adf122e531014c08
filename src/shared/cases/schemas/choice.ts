import { z } from 'zod';
import { Day } from '../../dates.ts';
import { LANGUAGES } from '../../vocabulary.ts';
import { ZONE_CLASSES } from '../../zones/constants.ts';
import { LocalizedText } from '../../zones/schemas.ts';
import {
  CASE_STAGES,
  COERCION_INDICATORS,
  DECISION_KINDS,
  DECISION_OUTCOMES,
  DECISION_STATUSES,
  DOCUMENT_STATUSES,
  ELIGIBILITY_RULES,
  PROTECTION_FLAG_STATUSES,
  SPECIFIC_NEEDS,
  VOLUNTARINESS_FILE_STATUSES,
  VOLUNTARINESS_STEPS,
} from '../constants.ts';

/**
 * The API shapes of the cases module's choice part (see ../schemas.ts): the voluntariness file and its steps,
 * protection flags, needs plans, documents, conditions addressed, eligibility and decisions.
 */

/** Free text a person said or a counsellor wrote: encrypted at rest, never logged. */
export const CHOICE_TEXT_MAX = 4000;
/** A scanned declaration, base64, at most this many characters (about 700 kB: within the request body limit). */
export const DECLARATION_SCAN_MAX = 960_000;

const Text = (max = CHOICE_TEXT_MAX) => z.string().trim().min(1).max(max);
/** A language as a BCP 47 tag (`ar`, `ku`, `ar-SY`): counselling happens in the person's language. */
const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/, 'must be a language tag such as ar or ku');

export const HouseholdParams = z.strictObject({ id: z.uuid() });
export const PersonParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
export const FlagParams = z.strictObject({ id: z.uuid(), flagId: z.uuid() });
export const DecisionParams = z.strictObject({ id: z.uuid() });

// Requests

export const RecordIntentionRequest = z.strictObject({
  on: Day,
  /** The person's own words about returning (encrypted). */
  words: Text().optional(),
});
export type RecordIntentionRequest = z.infer<typeof RecordIntentionRequest>;

export const RecordCounsellingRequest = z.strictObject({
  heldOn: Day,
  language: LanguageTag,
  /** Held privately, without family members or officials present. */
  private: z.boolean(),
  notes: Text().optional(),
  coercionIndicators: z.array(z.enum(COERCION_INDICATORS)).max(COERCION_INDICATORS.length).default([]),
});
export type RecordCounsellingRequest = z.input<typeof RecordCounsellingRequest>;

export const RecordZoneInformationRequest = z.strictObject({
  /** The language the explanation was read to the person in (one the public zone page is written in). */
  language: z.enum(LANGUAGES),
  /** The publication whose class was shown (null: the zone was never published), to refuse a stale screen. */
  publicationId: z.uuid().nullable(),
});
export type RecordZoneInformationRequest = z.infer<typeof RecordZoneInformationRequest>;

export const RecordGoAndSeeRequest = z.strictObject({ visitedOn: Day, notes: Text().optional() });
export type RecordGoAndSeeRequest = z.infer<typeof RecordGoAndSeeRequest>;

export const SignDeclarationRequest = z.strictObject({
  signedOn: Day,
  /** Who witnessed the signature. Required: the service refuses a declaration without one, naming the rule. */
  witness: z.string().trim().max(200).optional(),
  language: LanguageTag,
  /** A scanned copy of the signed form, base64 (encrypted whole). */
  scan: z
    .string()
    .max(DECLARATION_SCAN_MAX)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .optional(),
});
export type SignDeclarationRequest = z.infer<typeof SignDeclarationRequest>;

export const WithdrawRequest = z.strictObject({ reason: Text().optional() });
export type WithdrawRequest = z.infer<typeof WithdrawRequest>;

export const RaiseFlagRequest = z.strictObject({
  personId: z.uuid().nullable().default(null),
  indicators: z.array(z.enum(COERCION_INDICATORS)).min(1).max(COERCION_INDICATORS.length),
});
export type RaiseFlagRequest = z.input<typeof RaiseFlagRequest>;

export const CloseFlagRequest = z.strictObject({ resolution: Text() });
export type CloseFlagRequest = z.infer<typeof CloseFlagRequest>;

export const RecordNeedsPlanRequest = z.strictObject({
  plans: z
    .array(z.strictObject({ need: z.enum(SPECIFIC_NEEDS), plan: Text() }))
    .min(1)
    .max(SPECIFIC_NEEDS.length),
});
export type RecordNeedsPlanRequest = z.infer<typeof RecordNeedsPlanRequest>;

export const DocumentStatusRequest = z.strictObject({ status: z.enum(DOCUMENT_STATUSES) });
export type DocumentStatusRequest = z.infer<typeof DocumentStatusRequest>;

export const AddressConditionsRequest = z.strictObject({
  /** The publication whose conditionally conducive class the conditions are of (the one in force). */
  publicationId: z.uuid(),
  how: Text(),
});
export type AddressConditionsRequest = z.infer<typeof AddressConditionsRequest>;

const ALL_OUTCOMES = [...new Set(Object.values(DECISION_OUTCOMES).flat())] as [string, ...string[]];

export const DecideRequest = z.strictObject({
  outcome: z.enum(ALL_OUTCOMES),
  rationale: Text(),
});
export type DecideRequest = z.infer<typeof DecideRequest>;

/**
 * Where a page of the decisions queue stops: the last row's keys in the queue's order (due date, opening time in
 * microseconds since 1970, id), as `<dueOn>.<openedAtMicros>.<id>`. Clients pass `nextCursor` back as it came.
 */
export interface DecisionCursor {
  dueOn: string;
  openedAtMicros: string;
  id: string;
}

export const decisionCursorOf = (keys: DecisionCursor): string => `${keys.dueOn}.${keys.openedAtMicros}.${keys.id}`;

/** The keys a cursor names, or null when it is not one this queue gave. */
export function parseDecisionCursor(cursor: string): DecisionCursor | null {
  const [dueOn, openedAtMicros, id, ...rest] = cursor.split('.');
  if (rest.length > 0 || dueOn === undefined || openedAtMicros === undefined || id === undefined) return null;
  if (!z.iso.date().safeParse(dueOn).success || !z.uuid().safeParse(id).success) return null;
  // The database's calendar has no year 0.
  if (dueOn.startsWith('0000')) return null;
  if (!/^\d{1,16}$/.test(openedAtMicros)) return null;
  return { dueOn, openedAtMicros, id };
}

export const DecisionQueueQuery = z.strictObject({
  kind: z.enum(DECISION_KINDS).optional(),
  /** `mine`: the pending decisions of the caller's organisation; `overdue`: every organisation's (coordinators). */
  view: z.enum(['mine', 'overdue']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(120)
    .refine((cursor) => parseDecisionCursor(cursor) !== null, 'not a cursor of the decisions queue')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type DecisionQueueQuery = z.infer<typeof DecisionQueueQuery>;

// Responses

export const CounsellingSession = z.object({
  id: z.string(),
  heldOn: z.string(),
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  language: z.string(),
  private: z.boolean(),
  notes: z.string().nullable(),
  coercionIndicators: z.array(z.enum(COERCION_INDICATORS)),
});
export type CounsellingSession = z.infer<typeof CounsellingSession>;

export const ZoneInformationGiven = z.object({
  id: z.string(),
  givenOn: z.string(),
  pcode: z.string(),
  zoneClass: z.enum(ZONE_CLASSES),
  period: z.string().nullable(),
  publicationId: z.string().nullable(),
  language: z.string(),
  /** The class's explanation as the public zone page gave it (its English summary; screens render the rest). */
  summary: z.string().nullable(),
});
export type ZoneInformationGiven = z.infer<typeof ZoneInformationGiven>;

export const GoAndSeeVisit = z.object({
  id: z.string(),
  visitedOn: z.string(),
  pcode: z.string(),
  notes: z.string().nullable(),
});
export type GoAndSeeVisit = z.infer<typeof GoAndSeeVisit>;

/** One member who needs a voluntariness file (an adult or an unaccompanied child), and the file if begun. */
export const VoluntarinessFile = z.object({
  personId: z.string(),
  position: z.number().int(),
  relationship: z.string(),
  name: z.string(),
  unaccompanied: z.boolean(),
  fileId: z.string().nullable(),
  status: z.enum(VOLUNTARINESS_FILE_STATUSES).nullable(),
  /** The next step to record (null when the file is complete or withdrawn). */
  nextStep: z.enum(VOLUNTARINESS_STEPS).nullable(),
  intentionOn: z.string().nullable(),
  intention: z.string().nullable(),
  sessions: z.array(CounsellingSession),
  zoneInformation: z.array(ZoneInformationGiven),
  goAndSee: z.array(GoAndSeeVisit),
  declaration: z
    .object({ signedOn: z.string(), witness: z.string(), language: z.string(), scan: z.boolean() })
    .nullable(),
  coolingOffDays: z.number().int().nullable(),
  coolingOffEndsOn: z.string().nullable(),
  /** The last withdrawal, if any (a new intention after it opens the file again). */
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
});
export type VoluntarinessFile = z.infer<typeof VoluntarinessFile>;

export const ProtectionFlag = z.object({
  id: z.string(),
  personId: z.string().nullable(),
  indicators: z.array(z.enum(COERCION_INDICATORS)),
  status: z.enum(PROTECTION_FLAG_STATUSES),
  raisedAt: z.string(),
  closedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ProtectionFlag = z.infer<typeof ProtectionFlag>;

/** The intended zone's current published class: what counselling tells the person and the guard checks. */
export const DestinationClass = z.object({
  pcode: z.string(),
  /** The zone's names in the languages the gazetteer has. */
  zoneName: LocalizedText.nullable(),
  class: z.enum(ZONE_CLASSES),
  period: z.string().nullable(),
  publicationId: z.string().nullable(),
  fresh: z.boolean(),
  /** The publication whose conditions were addressed for this household, if any. */
  conditionsAddressedFor: z.string().nullable(),
});
export type DestinationClass = z.infer<typeof DestinationClass>;

export const HouseholdVoluntariness = z.object({
  householdId: z.string(),
  reference: z.string(),
  stage: z.enum(CASE_STAGES),
  coolingOffDays: z.number().int(),
  destination: DestinationClass,
  files: z.array(VoluntarinessFile),
  flags: z.array(ProtectionFlag),
});
export type HouseholdVoluntariness = z.infer<typeof HouseholdVoluntariness>;

export const EligibilityResult = z.object({
  householdId: z.string(),
  checkedOn: z.string(),
  eligible: z.boolean(),
  rows: z.array(
    z.object({
      rule: z.enum(ELIGIBILITY_RULES),
      passed: z.boolean(),
      reason: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      overridable: z.boolean(),
    }),
  ),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;

export const Decision = z.object({
  id: z.string(),
  householdId: z.string(),
  reference: z.string(),
  kind: z.enum(DECISION_KINDS),
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  openedAt: z.string(),
  dueOn: z.string(),
  status: z.enum(DECISION_STATUSES),
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  rationale: z.string().nullable(),
  eligibility: EligibilityResult.shape.rows.nullable(),
  decidedAt: z.string().nullable(),
  /** Whether the caller's organisation is the one to decide it. */
  responsible: z.boolean(),
});
export type Decision = z.infer<typeof Decision>;

export const HouseholdDecisions = z.object({ decisions: z.array(Decision) });
export type HouseholdDecisions = z.infer<typeof HouseholdDecisions>;

/** A pending decision in a queue: no personal data, only the case reference, kind and deadline. */
export const QueuedDecision = z.object({
  id: z.string(),
  householdId: z.string(),
  reference: z.string(),
  kind: z.enum(DECISION_KINDS),
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  stage: z.enum(CASE_STAGES),
  openedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** Days past the due date (0 when not overdue). */
  daysOverdue: z.number().int(),
  /** Whether the caller may open the household (their organisation's, or shared with it). */
  reachable: z.boolean(),
});
export type QueuedDecision = z.infer<typeof QueuedDecision>;

/** A page of the decisions queue; `total` and `overdue` count the whole queue, not the page. */
export const DecisionQueue = z.object({
  decisions: z.array(QueuedDecision),
  total: z.number().int(),
  overdue: z.number().int(),
  nextCursor: z.string().nullable().describe("the next page's cursor, null on the last page"),
});
export type DecisionQueue = z.infer<typeof DecisionQueue>;

/** What a recorded step answers: the household's voluntariness after it. */
export const StepResult = HouseholdVoluntariness;
