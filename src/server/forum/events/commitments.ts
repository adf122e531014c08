import { z } from 'zod';
import { ASSESSMENT_RATINGS, COMMITMENT_INDICATOR_KINDS } from '../../../shared/forum/constants.ts';
import { auditCode, auditCount, auditId } from '../../platform/audit/event-schema.ts';

/** Commitments: made (at a meeting or not), updated by their owner, assessed independently, closed kept or broken. */
const commitment = { commitmentId: auditId, ownerOrganisationId: auditId };

export const commitmentEvents = {
  'forum.commitment_made': z.strictObject({
    ...commitment,
    meetingId: auditId.nullable(),
    decisionId: auditId.nullable(),
    dueOn: auditCode,
    indicatorKind: z.enum(COMMITMENT_INDICATOR_KINDS),
  }),
  'forum.commitment_updated': z.strictObject({ ...commitment, updateId: auditId, evidence: auditCount }),
  'forum.commitment_assessed': z.strictObject({
    ...commitment,
    assessmentId: auditId,
    organisationId: auditId,
    rating: z.enum(ASSESSMENT_RATINGS),
  }),
  'forum.commitment_closed': z.strictObject({
    ...commitment,
    status: z.enum(['kept', 'broken']),
    closedOn: auditCode,
    onTime: z.boolean(),
  }),
};
