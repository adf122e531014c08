import { z } from 'zod';
import { Day } from '../../dates.ts';
import {
  BODY_KINDS,
  MEETING_CHANNELS,
  MEETING_STATUSES,
  POSITION_TREATMENTS,
  POSITION_VISIBILITIES,
  SEATS,
} from '../constants.ts';
import { Evidence, EvidenceList, RecordText, StateCode } from './common.ts';

export const BodyRequest = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,59}$/),
  kind: z.enum(BODY_KINDS),
  name: RecordText(200),
  stateCodes: z.array(StateCode).min(1).max(10),
  members: z
    .array(z.strictObject({ organisationId: z.uuid(), seat: z.enum(SEATS) }))
    .min(1)
    .max(50),
});
export type BodyRequest = z.infer<typeof BodyRequest>;

export const Body = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  stateCodes: z.array(z.string()),
  chair: z.object({ id: z.uuid(), name: z.string() }),
  members: z.array(z.object({ organisationId: z.uuid(), name: z.string(), seat: z.enum(SEATS) })),
});
export type Body = z.infer<typeof Body>;

export const MeetingRequest = z.strictObject({
  bodyId: z.uuid(),
  title: RecordText(200),
  heldOn: Day,
  channel: z.enum(MEETING_CHANNELS),
  place: RecordText(200).optional(),
  positionsDueOn: Day.optional(),
  agenda: z
    .array(z.strictObject({ title: RecordText(300), frameworkVersion: z.number().int().positive().optional() }))
    .min(1)
    .max(30),
});
export type MeetingRequest = z.infer<typeof MeetingRequest>;

export const PositionRequest = z.strictObject({
  agendaItemId: z.uuid(),
  text: RecordText(20_000),
  visibility: z.enum(POSITION_VISIBILITIES),
  evidence: EvidenceList.default([]),
});
export type PositionRequest = z.infer<typeof PositionRequest>;

export const HeldRequest = z.strictObject({
  participants: z
    .array(z.strictObject({ organisationId: z.uuid(), seat: z.enum(SEATS), attended: z.boolean() }))
    .min(1)
    .max(100),
  minutes: RecordText(100_000),
});
export type HeldRequest = z.infer<typeof HeldRequest>;

export const TreatmentRequest = z.strictObject({
  treatment: RecordText(20_000),
  positions: z
    .array(z.strictObject({ positionId: z.uuid(), treatment: z.enum(POSITION_TREATMENTS) }))
    .max(200)
    .default([]),
});
export type TreatmentRequest = z.infer<typeof TreatmentRequest>;

export const DecisionRequest = z.strictObject({
  agendaItemId: z.uuid().optional(),
  text: RecordText(5_000),
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

const Organisation = z.object({ id: z.uuid(), name: z.string() });

/** A file attached to a position: a PDF as sent, or an image with its metadata removed. */
export const PositionAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  /** Where to download it: the staff API, or the public one for a public position. */
  href: z.string(),
});
export type PositionAttachment = z.infer<typeof PositionAttachment>;

export const Position = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid(),
  organisation: Organisation,
  text: z.string(),
  visibility: z.enum(POSITION_VISIBILITIES),
  evidence: z.array(Evidence),
  attachments: z.array(PositionAttachment),
  treatment: z.enum(POSITION_TREATMENTS).nullable(),
  submittedAt: z.string(),
});
export type Position = z.infer<typeof Position>;

export const AgendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  frameworkVersion: z.number().int().nullable(),
  treatment: z.string().nullable(),
  /** The organisations that submitted a position on the item: who was heard. */
  heard: z.array(Organisation),
  positions: z.array(Position),
  /** Positions for the body's members only that the reader may not see (the public's count). */
  membersOnly: z.number().int(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Decision = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid().nullable(),
  text: z.string(),
  decidedOn: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const MeetingSummary = z.object({
  id: z.uuid(),
  body: z.object({ id: z.uuid(), code: z.string(), kind: z.enum(BODY_KINDS), name: z.string() }),
  title: z.string(),
  heldOn: z.string(),
  channel: z.enum(MEETING_CHANNELS),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  positionsDueOn: z.string(),
  participants: z.number().int(),
  civilSocietySeats: z.number().int(),
  decisions: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const Meeting = MeetingSummary.extend({
  agenda: z.array(AgendaItem),
  participantList: z.array(z.object({ organisation: Organisation, seat: z.enum(SEATS), attended: z.boolean() })),
  minutes: z.string().nullable(),
  approvals: z.array(z.object({ organisation: Organisation, approvedAt: z.string() })),
  /** Member organisations that have not approved the minutes yet. */
  awaitingApproval: z.array(Organisation),
  decisionList: z.array(Decision),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingListQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});
export const MeetingList = z.object({ items: z.array(MeetingSummary) });
export type MeetingList = z.infer<typeof MeetingList>;
export const BodyList = z.object({ items: z.array(Body) });
