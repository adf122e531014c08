import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import {
  APPEAL_LODGERS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  CASE_STAGES,
  DECISION_KINDS,
  DECISION_STATUSES,
} from '../constants.ts';

/**
 * The API shapes of the cases module's appeals part: appeals of decided decisions, reviewed by another
 * organisation than the one that decided; the public status page (a case's stage by reference and slip code);
 * and the public decision timelines, after disclosure control.
 */

/** Grounds and written outcomes are free text about a person: long enough for a page, no more. */
export const APPEAL_TEXT_MAX = 4000;
const AppealText = z.string().trim().min(1).max(APPEAL_TEXT_MAX);

export const LodgeAppealRequest = z.strictObject({
  /** Who appeals: the person, or their representative. */
  lodgedBy: z.enum(APPEAL_LODGERS),
  /** Why, in the appellant's words (encrypted at rest). */
  grounds: AppealText,
  /** The organisation that reviews: never the one that decided. */
  reviewerOrganisationId: z.uuid(),
});
export type LodgeAppealRequest = z.infer<typeof LodgeAppealRequest>;

export const ReviewAppealRequest = z.strictObject({
  outcome: z.enum(APPEAL_OUTCOMES),
  /** The written outcome, required whatever the outcome (encrypted at rest). */
  reasons: AppealText,
});
export type ReviewAppealRequest = z.infer<typeof ReviewAppealRequest>;

export const Appeal = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  reference: z.string(),
  decision: z.object({
    id: z.uuid(),
    kind: z.enum(DECISION_KINDS),
    outcome: z.string().nullable(),
    organisationId: z.uuid(),
    organisationName: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
  }),
  lodgedBy: z.enum(APPEAL_LODGERS),
  lodgedAt: Timestamp,
  grounds: z.string(),
  reviewerOrganisationId: z.uuid(),
  reviewerOrganisationName: z.string().nullable(),
  dueOn: Day,
  /** Pending past its due date. */
  overdue: z.boolean(),
  status: z.enum(APPEAL_STATUSES),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  reasons: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
});
export type Appeal = z.infer<typeof Appeal>;

/** A decision of the household as the appeals section lists it: appealable once decided, once at a time. */
export const AppealableDecision = z.object({
  id: z.uuid(),
  kind: z.enum(DECISION_KINDS),
  status: z.enum(DECISION_STATUSES),
  outcome: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  /** Decided and without a pending appeal. */
  appealable: z.boolean(),
});
export type AppealableDecision = z.infer<typeof AppealableDecision>;

export const HouseholdAppeals = z.object({
  decisions: z.array(AppealableDecision),
  appeals: z.array(Appeal),
});
export type HouseholdAppeals = z.infer<typeof HouseholdAppeals>;

/** An organisation whose people may review appeals. */
export const AppealReviewer = z.object({ id: z.uuid(), name: z.string() });
export type AppealReviewer = z.infer<typeof AppealReviewer>;

// The public status page

/** What the slip's holder types: the case reference and the code, both as printed (spaces and dashes allowed). */
export const PublicCaseStatusRequest = z.strictObject({
  reference: z.string().trim().min(1).max(40),
  code: z.string().trim().min(1).max(40),
});
export type PublicCaseStatusRequest = z.infer<typeof PublicCaseStatusRequest>;

/** Where a case stands, and nothing else: no name, no organisation, no zone. */
export const PublicCaseStatus = z.object({
  reference: z.string(),
  stage: z.enum(CASE_STAGES),
  nextDecision: z.object({ kind: z.enum(DECISION_KINDS), dueOn: Day, overdue: z.boolean() }).nullable(),
  appeal: z.object({ dueOn: Day, overdue: z.boolean() }).nullable(),
  /** A decision was made that may be appealed (decided, no appeal pending). */
  appealable: z.boolean(),
});
export type PublicCaseStatus = z.infer<typeof PublicCaseStatus>;

// The public timelines

/** One group's figures; all three are null when disclosure control hides the group. */
export const TimelineFigures = z.object({
  decisions: z.number().int().nonnegative().nullable(),
  /** Median days from registration to the decision. */
  medianDays: z.number().nonnegative().nullable(),
  /** Share (0 to 1) decided by the due date its service level set. */
  withinServiceLevel: z.number().min(0).max(1).nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});
export type TimelineFigures = z.infer<typeof TimelineFigures>;

export const PublicCaseTimelines = z.object({
  /** Groups of fewer decisions than this are hidden. */
  threshold: z.number().int().positive(),
  /** The names of the states the groups name, by state code, in the languages the gazetteer has. */
  stateNames: z.record(z.string(), z.record(z.string(), z.string())),
  byKind: z.array(TimelineFigures.extend({ kind: z.enum(DECISION_KINDS) })),
  byStateMonth: z.array(
    TimelineFigures.extend({
      kind: z.enum(DECISION_KINDS),
      stateCode: z.string(),
      month: z.string().regex(/^\d{4}-\d{2}$/),
    }),
  ),
});
export type PublicCaseTimelines = z.infer<typeof PublicCaseTimelines>;

/**
 * What the status page's form gets back on its own page (the `answer` of its form state): the case's status, or
 * how long to wait after too many wrong codes. A wrong code shows as the form's error, like a mistyped field.
 */
export type CaseStatusPageAnswer = { status: PublicCaseStatus } | { retryAfterSeconds: number };
