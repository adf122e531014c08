import { z } from 'zod';
import { Day, Month, Timestamp } from '../../dates.ts';
import {
  ACCOUNTABILITY_STATUSES,
  AFFECTED_GROUPS,
  INCIDENT_SOURCES,
  INCIDENT_TYPES,
  INCIDENT_VERIFICATIONS,
  PERPETRATOR_CATEGORIES,
} from '../constants.ts';

/**
 * Incidents and abuses, and their way to accountability. The narrative, the identities of the people affected,
 * the body's response and any sanction are encrypted at rest and shown only to those allowed; the rest (type,
 * place, date, counts, statuses) names nobody.
 */

/** A text staff typed: trimmed, refused when empty. */
const typed = (max: number) => z.string().trim().min(1).max(max);
const Id = z.uuid();
const PCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/, 'must be a P-code');
const NetworkCode = z.string().trim().min(1).max(40);

export const INCIDENT_NARRATIVE_MAX = 8000;
export const INCIDENT_NOTE_MAX = 4000;
/** The most people one incident counts in one group (the column is a small integer). */
export const AFFECTED_MAX = 10000;

/** The people affected, counted by sex and age group. */
export const AffectedCounts = z.strictObject(
  Object.fromEntries(AFFECTED_GROUPS.map((group) => [group, z.number().int().min(0).max(AFFECTED_MAX).default(0)])) as {
    [K in (typeof AFFECTED_GROUPS)[number]]: z.ZodDefault<z.ZodNumber>;
  },
);
export type AffectedCounts = z.output<typeof AffectedCounts>;

/** What is recorded of an incident; at least one place, and at least one person affected. */
export const NewIncident = z.strictObject({
  type: z.enum(INCIDENT_TYPES),
  /** The day it happened: never in the future. */
  occurredOn: Day,
  pcode: PCode.optional(),
  /** A transit point by its code. */
  transitPoint: NetworkCode.optional(),
  /** A corridor by its code. */
  corridor: NetworkCode.optional(),
  perpetratorCategory: z.enum(PERPETRATOR_CATEGORIES),
  affected: AffectedCounts,
  /** Names of the people affected, if at all: encrypted, shown to protection officers only. */
  identities: z.string().trim().max(INCIDENT_NOTE_MAX).optional(),
  narrative: typed(INCIDENT_NARRATIVE_MAX),
  source: z.enum(INCIDENT_SOURCES),
  /** Gateway items it was documented from, by id: only the recording organisation's own. */
  submissionIds: z.array(Id).max(100).default([]),
});
export type NewIncident = z.input<typeof NewIncident>;
export type NewIncidentValues = z.output<typeof NewIncident>;

/** A correction: only the fields given change; the audit entry names the fields, never their values. */
export const IncidentCorrection = z.strictObject({
  type: z.enum(INCIDENT_TYPES).optional(),
  occurredOn: Day.optional(),
  perpetratorCategory: z.enum(PERPETRATOR_CATEGORIES).optional(),
  affected: AffectedCounts.optional(),
  identities: z.string().trim().max(INCIDENT_NOTE_MAX).optional(),
  narrative: typed(INCIDENT_NARRATIVE_MAX).optional(),
  source: z.enum(INCIDENT_SOURCES).optional(),
});
export type IncidentCorrection = z.input<typeof IncidentCorrection>;

/** An independent verification: by someone other than who recorded it. */
export const VerifyIncidentRequest = z.strictObject({
  verification: z.enum(INCIDENT_VERIFICATIONS).exclude(['unverified']),
  note: typed(INCIDENT_NOTE_MAX),
});
export type VerifyIncidentRequest = z.infer<typeof VerifyIncidentRequest>;

/** One step on the way to accountability, in order: referred, answered, sanctioned, closed. */
export const AccountabilityStep = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('referred'), referredTo: typed(200), referredOn: Day }),
  z.strictObject({ step: z.literal('answered'), response: typed(INCIDENT_NOTE_MAX) }),
  z.strictObject({ step: z.literal('sanctioned'), sanction: typed(INCIDENT_NOTE_MAX) }),
  z.strictObject({
    step: z.literal('closed'),
    closedOn: Day,
    note: z.string().trim().max(INCIDENT_NOTE_MAX).optional(),
  }),
]);
export type AccountabilityStep = z.infer<typeof AccountabilityStep>;

export const IncidentListQuery = z.strictObject({
  type: z.enum(INCIDENT_TYPES).optional(),
  pcode: PCode.optional(),
  stateCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  accountability: z.enum(ACCOUNTABILITY_STATUSES).optional(),
  verification: z.enum(INCIDENT_VERIFICATIONS).optional(),
  month: Month.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type IncidentListQuery = z.input<typeof IncidentListQuery>;

/** An incident as a list shows it: nothing encrypted. */
export const IncidentSummary = z.object({
  id: Id,
  reference: z.string(),
  type: z.enum(INCIDENT_TYPES),
  occurredOn: Day,
  pcode: z.string().nullable(),
  zoneName: z.string().nullable(),
  transitPoint: z.string().nullable(),
  corridor: z.string().nullable(),
  stateCode: z.string(),
  perpetratorCategory: z.enum(PERPETRATOR_CATEGORIES),
  affectedTotal: z.number().int(),
  source: z.enum(INCIDENT_SOURCES),
  verification: z.enum(INCIDENT_VERIFICATIONS),
  accountability: z.enum(ACCOUNTABILITY_STATUSES),
  referredTo: z.string().nullable(),
  referredOn: Day.nullable(),
  closedOn: Day.nullable(),
  organisationId: Id,
  organisationName: z.string().nullable(),
  observationId: Id.nullable(),
  createdAt: Timestamp,
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const IncidentPage = z.object({ total: z.number().int(), items: z.array(IncidentSummary) });
export type IncidentPage = z.infer<typeof IncidentPage>;

export const IncidentHistoryEntry = z.object({
  entry: z.string(),
  at: Timestamp,
  accountId: Id.nullable(),
  /** The step's note (a verification's note, a closing note), for those who read the narrative. */
  note: z.string().nullable(),
});

/** An incident in full, for those allowed: texts are null for a reader who may not see them. */
export const Incident = IncidentSummary.extend({
  affected: z.object(
    Object.fromEntries(AFFECTED_GROUPS.map((group) => [group, z.number().int()])) as {
      [K in (typeof AFFECTED_GROUPS)[number]]: z.ZodNumber;
    },
  ),
  narrative: z.string().nullable(),
  /** Shown to protection officers only; `identitiesRecorded` says whether there are any. */
  identities: z.string().nullable(),
  identitiesRecorded: z.boolean(),
  response: z.string().nullable(),
  sanction: z.string().nullable(),
  verifiedBy: Id.nullable(),
  verifiedAt: Timestamp.nullable(),
  recordedBy: Id.nullable(),
  /** The linked gateway items, by their references (those the reader's organisation handles). */
  submissions: z.array(z.object({ id: Id, reference: z.string() })),
  history: z.array(IncidentHistoryEntry),
  /** Days since referral while waiting for the body's answer, and whether that is past the expectation. */
  daysSinceReferral: z.number().int().nullable(),
  responseOverdue: z.boolean(),
});
export type Incident = z.infer<typeof Incident>;

/** The accountability tracker: open incidents by status, the oldest referral first. */
export const AccountabilityTracker = z.object({
  responseDays: z.number().int(),
  counts: z.object(
    Object.fromEntries(ACCOUNTABILITY_STATUSES.map((s) => [s, z.number().int()])) as {
      [K in (typeof ACCOUNTABILITY_STATUSES)[number]]: z.ZodNumber;
    },
  ),
  items: z.array(
    IncidentSummary.extend({
      daysSinceReferral: z.number().int().nullable(),
      responseOverdue: z.boolean(),
    }),
  ),
});
export type AccountabilityTracker = z.infer<typeof AccountabilityTracker>;

/** What entering an incident in the zones module made: the observation, awaiting a zones verifier. */
export const IncidentObservation = z.object({
  incidentId: Id,
  observationId: Id,
  indicator: z.string(),
  pcode: z.string(),
  period: Month,
  value: z.number(),
  status: z.string(),
});
export type IncidentObservation = z.infer<typeof IncidentObservation>;
