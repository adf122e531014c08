import { z } from 'zod';
import { Day } from '../../dates.ts';
import { PCODE } from '../../zones/constants.ts';
import { ROUNDS } from '../constants.ts';

/**
 * The API shapes of recording one answered round: a returned household's follow-up (phone, visit) and a
 * resident household's round for the comparison. Answers are checked against the instrument's form on the
 * server; these shapes only bound their size.
 */

const Name = z.string().min(1).max(100);
const Scalar = z.union([z.string().max(10_000), z.number(), z.array(z.string().max(200)).max(100), z.null()]);
/** A repeat's instances: each its own answers (one level deep, as the forms Homeward renders use). */
const Instance = z.record(Name, Scalar);
export const AnswersInput = z
  .record(Name, z.union([Scalar, z.array(Instance).max(50)]))
  .refine((answers) => Object.keys(answers).length <= 500, 'too many answers');

export const RecordFollowUpResponse = z.strictObject({
  answers: AnswersInput,
  collectedOn: Day,
  /** Who typed them in: a worker's form (`web`, phone or visit) or a system through the API (`api`). */
  source: z.enum(['web', 'api']).default('web'),
  /** An instrument other than the latest version of the default one. */
  instrumentId: z.uuid().optional(),
});
export type RecordFollowUpResponse = z.infer<typeof RecordFollowUpResponse>;

export const RecordResidentResponse = z.strictObject({
  instrumentId: z.uuid(),
  pcode: z.string().regex(PCODE, 'must be a P-code'),
  round: z
    .number()
    .int()
    .refine((n) => (ROUNDS as readonly number[]).includes(n), 'must be 1, 3, 6 or 12'),
  answers: AnswersInput,
  collectedOn: Day,
});
export type RecordResidentResponse = z.infer<typeof RecordResidentResponse>;

export const RecordedResponse = z.object({
  id: z.uuid(),
  instrumentId: z.uuid(),
  followUpId: z.uuid().nullable(),
  population: z.enum(['returnee', 'resident']),
  collectedOn: Day,
});
export type RecordedResponse = z.infer<typeof RecordedResponse>;

/** An instrument as a screen renders it. */
export const InstrumentForm = z.object({
  id: z.uuid(),
  formId: z.string(),
  version: z.string(),
  definition: z.unknown(),
});
export type InstrumentForm = z.infer<typeof InstrumentForm>;
