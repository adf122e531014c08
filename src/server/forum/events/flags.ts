import { z } from 'zod';
import { FLAG_SCREENINGS, FLAG_SUBJECT_KINDS } from '../../../shared/forum/constants.ts';
import { auditId } from '../../platform/audit/event-schema.ts';

/** Watchdog flags: raised, screened for personal data, answered by the responsible organisation. */
const flag = { flagId: auditId, subjectKind: z.enum(FLAG_SUBJECT_KINDS), responsibleOrganisationId: auditId };
const pcode = z
  .string()
  .regex(/^[A-Z]{2}[0-9]{0,12}$/)
  .nullable();

export const flagEvents = {
  'forum.flag_raised': z.strictObject({
    ...flag,
    raisedByOrganisationId: auditId,
    pcode,
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  'forum.flag_screened': z.strictObject({
    ...flag,
    part: z.enum(['flag', 'answer']),
    screening: z.enum(FLAG_SCREENINGS),
  }),
  'forum.flag_answered': z.strictObject({ ...flag, pcode, withinServiceLevel: z.boolean() }),
};
