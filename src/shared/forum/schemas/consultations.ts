import { z } from 'zod';
import { COMMENT_ANSWERS, COMMENT_SOURCES, CONSULTATION_STATUSES, PUBLIC_COMMENT_MAX_CHARS } from '../constants.ts';
import { RecordText } from './common.ts';

export const ConsultationRequest = z.strictObject({
  frameworkVersion: z.number().int().positive(),
  title: RecordText(200),
  summary: RecordText(10_000),
  /** How many days it stays open from now: at least the configured minimum. */
  days: z.number().int().min(1).max(365),
});
export type ConsultationRequest = z.infer<typeof ConsultationRequest>;

const Language = z.enum(['en', 'ar', 'fr']);

export const CommentRequest = z.strictObject({
  /** The criterion or indicator code the comment is on; none for the draft as a whole. */
  target: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/)
    .optional(),
  text: RecordText(PUBLIC_COMMENT_MAX_CHARS),
  language: Language.default('en'),
});
export type CommentRequest = z.infer<typeof CommentRequest>;

export const AnswerRequest = z.strictObject({
  answer: z.enum(COMMENT_ANSWERS),
  reason: RecordText(5_000),
  /** The comment holds personal data: answered, but its text is never public. */
  withheld: z.boolean().default(false),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

export const Comment = z.object({
  id: z.uuid(),
  target: z.string().nullable(),
  source: z.enum(COMMENT_SOURCES),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  language: z.string(),
  /** Null on public pages when the comment was withheld for holding personal data. */
  text: z.string().nullable(),
  withheld: z.boolean(),
  answer: z.enum(COMMENT_ANSWERS).nullable(),
  answerReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

/** A criterion or indicator of the draft a comment may be on, named in every language the draft names it. */
export const CommentTarget = z.object({
  code: z.string(),
  /** The criterion an indicator belongs to; null for a criterion. */
  criterion: z.string().nullable(),
  name: z.record(z.string(), z.string()),
});
export type CommentTarget = z.infer<typeof CommentTarget>;

export const Consultation = z.object({
  id: z.uuid(),
  frameworkVersion: z.number().int(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  opensAt: z.string(),
  closesAt: z.string(),
  comments: z.number().int(),
  unanswered: z.number().int(),
  /** The draft's criteria and indicators, in order: what a comment may be on. */
  targets: z.array(CommentTarget),
  /** Every comment with its answer: staff always; the public once the consultation is concluded. */
  commentList: z.array(Comment),
});
export type Consultation = z.infer<typeof Consultation>;
export const ConsultationList = z.object({ items: z.array(Consultation.omit({ commentList: true, targets: true })) });
export type ConsultationList = z.infer<typeof ConsultationList>;
