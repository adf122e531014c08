import { z } from 'zod';
import { BODY_KINDS, MEETING_CHANNELS, POSITION_VISIBILITIES } from '../../../shared/forum/constants.ts';
import { auditCode, auditCount, auditId } from '../../platform/audit/event-schema.ts';

/** Meetings: bodies, meetings, positions, the chair's treatment of each agenda item, minutes and decisions. */
const meeting = { meetingId: auditId, bodyCode: auditCode };

export const meetingEvents = {
  'forum.body_created': z.strictObject({
    bodyId: auditId,
    bodyCode: auditCode,
    kind: z.enum(BODY_KINDS),
    members: auditCount,
  }),
  'forum.meeting_scheduled': z.strictObject({
    ...meeting,
    heldOn: auditCode,
    channel: z.enum(MEETING_CHANNELS),
    agendaItems: auditCount,
  }),
  'forum.meeting_held': z.strictObject({
    ...meeting,
    heldOn: auditCode,
    participants: auditCount,
    attended: auditCount,
    civilSocietySeats: auditCount,
  }),
  'forum.position_submitted': z.strictObject({
    ...meeting,
    positionId: auditId,
    agendaItemId: auditId,
    organisationId: auditId,
    visibility: z.enum(POSITION_VISIBILITIES),
    evidence: auditCount,
    attachments: auditCount,
  }),
  'forum.position_attachment_added': z.strictObject({
    ...meeting,
    positionId: auditId,
    attachmentId: auditId,
    mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
    bytes: auditCount,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  'forum.agenda_item_treated': z.strictObject({ ...meeting, agendaItemId: auditId, positions: auditCount }),
  'forum.minutes_approved': z.strictObject({
    ...meeting,
    organisationId: auditId,
    approvals: auditCount,
    members: auditCount,
    approved: z.boolean(),
  }),
  'forum.decision_recorded': z.strictObject({
    ...meeting,
    decisionId: auditId,
    agendaItemId: auditId.nullable(),
    decidedOn: auditCode,
  }),
};
