import { z } from 'zod';
import { FLAG_SCREENINGS, FLAG_SUBJECT_KINDS } from '../constants.ts';
import { Evidence, EvidenceList, RecordText } from './common.ts';

export const FlagRequest = z.strictObject({
  subjectKind: z.enum(FLAG_SUBJECT_KINDS),
  /** `QM0102002@2026-05` for a zone's class; a commitment's id; the key of a figure, report or tranche. */
  subjectRef: z.string().trim().min(1).max(200),
  concern: RecordText(10_000),
  evidence: EvidenceList.default([]),
  responsibleOrganisationId: z.uuid(),
});
export type FlagRequest = z.infer<typeof FlagRequest>;

export const ScreenRequest = z.strictObject({
  part: z.enum(['flag', 'answer']),
  screening: z.enum(['cleared', 'withheld']),
});
export type ScreenRequest = z.infer<typeof ScreenRequest>;

export const FlagAnswerRequest = z.strictObject({ answer: RecordText(10_000) });
export type FlagAnswerRequest = z.infer<typeof FlagAnswerRequest>;

const Organisation = z.object({ id: z.uuid(), name: z.string() });

export const Flag = z.object({
  id: z.uuid(),
  subjectKind: z.enum(FLAG_SUBJECT_KINDS),
  subjectRef: z.string(),
  pcode: z.string().nullable(),
  raisedBy: Organisation,
  responsible: Organisation,
  concern: z.string(),
  evidence: z.array(Evidence),
  raisedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  screening: z.enum(FLAG_SCREENINGS),
  /** The answer; on public reads only once it too has been cleared. */
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerScreening: z.enum(FLAG_SCREENINGS).nullable(),
  withinServiceLevel: z.boolean().nullable(),
});
export type Flag = z.infer<typeof Flag>;

export const FlagListQuery = z.strictObject({
  pcode: z
    .string()
    .regex(/^[A-Z]{2}[0-9]{0,12}$/)
    .optional(),
  subjectKind: z.enum(FLAG_SUBJECT_KINDS).optional(),
  state: z.enum(['open', 'answered', 'overdue']).optional(),
  /** Staff: `mine` = the flags my organisation must answer; `screening` = waiting for a protection officer. */
  queue: z.enum(['mine', 'raised', 'screening']).optional(),
});
export type FlagListQuery = z.infer<typeof FlagListQuery>;
export const FlagList = z.object({ items: z.array(Flag) });
export type FlagList = z.infer<typeof FlagList>;

/** Whether a zone's class is under challenge: a public flag on it still waits for its answer. */
export const ZoneChallenge = z.object({
  pcode: z.string(),
  underChallenge: z.boolean(),
  flags: z.array(z.object({ id: z.uuid(), period: z.string(), dueAt: z.string(), overdue: z.boolean() })),
});
export type ZoneChallenge = z.infer<typeof ZoneChallenge>;
