import { z } from 'zod';
import { EVIDENCE_KINDS } from '../constants.ts';

/** A text people write for the record: trimmed, not empty, at most `max` characters. */
export const RecordText = (max: number) => z.string().trim().min(1).max(max);

export const StateCode = z.string().regex(/^[A-Z]{2}$/);
export const Pcode = z.string().regex(/^[A-Z]{2}[0-9]{0,12}$/);

/** One piece of evidence: a published record of another module (by its key) or an https link. */
export const Evidence = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS),
    ref: z.string().trim().min(1).max(500),
    note: z.string().trim().max(500).optional(),
  })
  .refine((evidence) => evidence.kind !== 'link' || /^https:\/\/[^\s]+$/.test(evidence.ref), {
    message: 'a link must be an https address',
    path: ['ref'],
  });
export type Evidence = z.infer<typeof Evidence>;
export const EvidenceList = z.array(Evidence).max(20);

export const IdParams = z.strictObject({ id: z.uuid() });
