import { z } from 'zod';
import { COMMENT_ANSWERS, COMMENT_SOURCES } from '../../../shared/forum/constants.ts';
import { auditCode, auditCount, auditId } from '../../platform/audit/event-schema.ts';

/** Consultations before the zone criteria change: opened, commented, closed, every comment answered, concluded. */
const consultation = { consultationId: auditId, frameworkVersion: auditCount };

export const consultationEvents = {
  'forum.consultation_opened': z.strictObject({ ...consultation, closesOn: auditCode, minimumDays: auditCount }),
  'forum.consultation_closed': z.strictObject({ ...consultation, comments: auditCount }),
  'forum.comment_received': z.strictObject({
    ...consultation,
    commentId: auditId,
    source: z.enum(COMMENT_SOURCES),
    organisationId: auditId.nullable(),
    language: auditCode,
  }),
  'forum.comment_answered': z.strictObject({
    ...consultation,
    commentId: auditId,
    answer: z.enum(COMMENT_ANSWERS),
    withheld: z.boolean(),
  }),
  'forum.consultation_concluded': z.strictObject({
    ...consultation,
    comments: auditCount,
    accepted: auditCount,
    partlyAccepted: auditCount,
    notAccepted: auditCount,
  }),
};
