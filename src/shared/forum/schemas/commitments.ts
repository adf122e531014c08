import { z } from 'zod';
import { Day } from '../../dates.ts';
import { ASSESSMENT_RATINGS, COMMITMENT_INDICATOR_KINDS, COMMITMENT_STATUSES } from '../constants.ts';
import { Evidence, EvidenceList, Pcode, RecordText, StateCode } from './common.ts';

export const CommitmentRequest = z
  .strictObject({
    text: RecordText(2_000),
    ownerOrganisationId: z.uuid(),
    dueOn: Day,
    stateCode: StateCode.optional(),
    pcode: Pcode.optional(),
    meetingId: z.uuid().optional(),
    decisionId: z.uuid().optional(),
    indicatorKind: z.enum(COMMITMENT_INDICATOR_KINDS).default('none'),
    indicatorRef: z.string().trim().min(1).max(100).optional(),
  })
  .refine((input) => (input.indicatorKind === 'none') === (input.indicatorRef === undefined), {
    message: 'an indicator needs its code, and only an indicator has one',
    path: ['indicatorRef'],
  });
export type CommitmentRequest = z.infer<typeof CommitmentRequest>;

export const UpdateRequest = z.strictObject({ text: RecordText(5_000), evidence: EvidenceList.default([]) });
export type UpdateRequest = z.infer<typeof UpdateRequest>;

export const AssessmentRequest = z.strictObject({ rating: z.enum(ASSESSMENT_RATINGS), reasons: RecordText(5_000) });
export type AssessmentRequest = z.infer<typeof AssessmentRequest>;

export const CloseRequest = z.strictObject({ status: z.enum(['kept', 'broken']), reason: RecordText(5_000) });
export type CloseRequest = z.infer<typeof CloseRequest>;

const Organisation = z.object({ id: z.uuid(), name: z.string() });

export const CommitmentSummary = z.object({
  id: z.uuid(),
  text: z.string(),
  owner: Organisation,
  stateCode: z.string().nullable(),
  pcode: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  dueOn: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  /** Open past its due date. */
  overdue: z.boolean(),
  closedOn: z.string().nullable(),
  /** Kept on or before its due date. */
  keptOnTime: z.boolean().nullable(),
  indicatorKind: z.enum(COMMITMENT_INDICATOR_KINDS),
  indicatorRef: z.string().nullable(),
  latestAssessment: z
    .object({ rating: z.enum(ASSESSMENT_RATINGS), organisation: Organisation, at: z.string() })
    .nullable(),
});
export type CommitmentSummary = z.infer<typeof CommitmentSummary>;

export const CommitmentHistoryEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('made'), at: z.string() }),
  z.object({
    kind: z.literal('update'),
    at: z.string(),
    organisation: Organisation,
    text: z.string(),
    evidence: z.array(Evidence),
  }),
  z.object({
    kind: z.literal('assessment'),
    at: z.string(),
    organisation: Organisation,
    rating: z.enum(ASSESSMENT_RATINGS),
    reasons: z.string(),
  }),
  z.object({ kind: z.literal('closed'), at: z.string(), status: z.enum(['kept', 'broken']), reason: z.string() }),
]);
export type CommitmentHistoryEntry = z.infer<typeof CommitmentHistoryEntry>;

export const Commitment = CommitmentSummary.extend({ history: z.array(CommitmentHistoryEntry) });
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentListQuery = z.strictObject({
  status: z.enum([...COMMITMENT_STATUSES, 'overdue']).optional(),
  stateCode: StateCode.optional(),
  ownerOrganisationId: z.uuid().optional(),
});
export type CommitmentListQuery = z.infer<typeof CommitmentListQuery>;
export const CommitmentList = z.object({ items: z.array(CommitmentSummary) });
export type CommitmentList = z.infer<typeof CommitmentList>;

/** One line of the scorecard: figures only, never a ranking. */
export const ScorecardLine = z.object({
  key: z.string(),
  name: z.string(),
  commitmentsDue: z.number().int(),
  keptOnTime: z.number().int(),
  flagsDue: z.number().int(),
  flagsAnsweredInTime: z.number().int(),
  meetingsInvited: z.number().int(),
  meetingsAttended: z.number().int(),
  positionsTreated: z.number().int(),
  positionsTakenIntoAccount: z.number().int(),
});
export type ScorecardLine = z.infer<typeof ScorecardLine>;
export const Scorecard = z.object({
  asOf: z.string(),
  states: z.array(ScorecardLine),
  organisations: z.array(ScorecardLine),
});
export type Scorecard = z.infer<typeof Scorecard>;
