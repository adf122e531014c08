import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../platform/accounts/schema.ts';
import { createdAt, id } from '../platform/db/columns.ts';
import { zoneFrameworks, zones } from '../zones/tables.ts';

/**
 * The forum's tables. What the forum records is meant to be public (who met, who was heard, what was promised,
 * whether it was kept), so texts are stored in clear: a position marked for members only, a flag or its answer
 * not yet cleared by a protection officer, and a withheld public comment are kept off every public read by the
 * services, never by the table. No person is named: organisations act, and users appear only as the `…_by`
 * columns the audit needs. A public comment stores no name, address or contact.
 */

/** One piece of evidence a position or a flag rests on: a published record of another module, or a link. */
export interface EvidenceRef {
  kind: 'zone_class' | 'outcome_figure' | 'gateway_figure' | 'incident' | 'commitment' | 'link';
  /** What it points at: a P-code and period (`QM0102002@2026-05`), a figure's key, an id, or an https URL. */
  ref: string;
  /** A short note on what it shows. */
  note?: string;
}

/** A body of the mechanism: the steering committee, a tripartite commission, a working group, a consultation. */
export const forumBodies = pgTable('forum_bodies', {
  id: id(),
  /** A short stable code (`tripartite-qm-qt`), used in filters and the timeline. */
  code: text('code').notNull().unique(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  /** The states the body's work concerns (ISO-style codes), for the timeline's state filter. */
  stateCodes: jsonb('state_codes').$type<string[]>().notNull(),
  chairOrganisationId: uuid('chair_organisation_id')
    .notNull()
    .references(() => organisations.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** The organisations that sit on a body, and their seat. Members approve minutes. */
export const forumBodyMembers = pgTable(
  'forum_body_members',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => forumBodies.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    seat: text('seat').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.organisationId] })],
);

/** A meeting of a body: when, where or how, and its state (planned, held, minutes approved). */
export const forumMeetings = pgTable(
  'forum_meetings',
  {
    id: id(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => forumBodies.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    channel: text('channel').notNull(),
    place: text('place'),
    status: text('status').notNull(),
    /** Positions are received until then (the day before the meeting by default). */
    positionsDueOn: date('positions_due_on').notNull(),
    /** The minutes as recorded by the chair once the meeting is held; approved by its members. */
    minutes: text('minutes'),
    minutesRecordedAt: timestamp('minutes_recorded_at', { withTimezone: true }),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.bodyId, t.heldOn)],
);

/** An agenda item, in order; the chair records how the positions on it were taken into account. */
export const forumAgendaItems = pgTable(
  'forum_agenda_items',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => forumMeetings.id),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    /** A draft the item discusses: a zone criteria framework version under consultation, when there is one. */
    frameworkVersion: integer('framework_version'),
    /** The chair's account of how the positions were taken into account. */
    treatment: text('treatment'),
    treatedAt: timestamp('treated_at', { withTimezone: true }),
    treatedBy: uuid('treated_by').references(() => users.id),
  },
  (t) => [uniqueIndex().on(t.meetingId, t.position)],
);

/** Who took part in a meeting, with their seat; `attended` is set when the meeting is recorded as held. */
export const forumParticipants = pgTable(
  'forum_participants',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => forumMeetings.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    seat: text('seat').notNull(),
    attended: boolean('attended').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organisationId] }), index().on(t.organisationId)],
);

/** One member organisation's approval of a meeting's minutes. */
export const forumMinutesApprovals = pgTable(
  'forum_minutes_approvals',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => forumMeetings.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organisationId] })],
);

/** A written position on an agenda item, with its evidence; public or for the body's members only. */
export const forumPositions = pgTable(
  'forum_positions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => forumMeetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => forumAgendaItems.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    text: text('text').notNull(),
    visibility: text('visibility').notNull(),
    evidence: jsonb('evidence').$type<EvidenceRef[]>().notNull(),
    /** How the chair recorded it was taken into account (null until the item is treated). */
    treatment: text('treatment'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId), index().on(t.organisationId)],
);

/** A file attached to a position (a report, a letter): its type found from its content. */
export const forumAttachments = pgTable(
  'forum_attachments',
  {
    id: id(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => forumPositions.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    /** The file, base64. */
    content: text('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.positionId)],
);

/** A decision a meeting made, on one of its agenda items or on the meeting as a whole. */
export const forumDecisions = pgTable(
  'forum_decisions',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => forumMeetings.id),
    agendaItemId: uuid('agenda_item_id').references(() => forumAgendaItems.id),
    text: text('text').notNull(),
    decidedOn: date('decided_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.meetingId)],
);

/**
 * A commitment: who owns it, by when, and the indicator that shows it is kept. Open until closed kept or broken;
 * overdue is computed (open past `due_on`).
 */
export const forumCommitments = pgTable(
  'forum_commitments',
  {
    id: id(),
    /** The meeting (and decision) that made it, when it was made at one. */
    meetingId: uuid('meeting_id').references(() => forumMeetings.id),
    decisionId: uuid('decision_id').references(() => forumDecisions.id),
    text: text('text').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The state it concerns, for the filters and the scorecard (the owner's, or the state it is about). */
    stateCode: text('state_code'),
    pcode: text('pcode').references(() => zones.pcode),
    dueOn: date('due_on').notNull(),
    indicatorKind: text('indicator_kind').notNull(),
    /** The zone indicator's code, or the outcome figure's key; null for `none`. */
    indicatorRef: text('indicator_ref'),
    status: text('status').notNull(),
    closedOn: date('closed_on'),
    /** Why it was closed kept or broken. */
    closingReason: text('closing_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.status, t.dueOn), index().on(t.ownerOrganisationId)],
);

/** A status update from the commitment's owner, with its evidence. */
export const forumCommitmentUpdates = pgTable(
  'forum_commitment_updates',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => forumCommitments.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    text: text('text').notNull(),
    evidence: jsonb('evidence').$type<EvidenceRef[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.commitmentId, t.createdAt)],
);

/** An independent assessment of a commitment, by civil society or a monitor, with its reasons. */
export const forumCommitmentAssessments = pgTable(
  'forum_commitment_assessments',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => forumCommitments.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    rating: text('rating').notNull(),
    reasons: text('reasons').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.commitmentId, t.createdAt)],
);

/** A consultation on a draft version of the zone criteria framework, open for at least its minimum period. */
export const forumConsultations = pgTable(
  'forum_consultations',
  {
    id: id(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => zoneFrameworks.id),
    frameworkVersion: integer('framework_version').notNull(),
    title: text('title').notNull(),
    /** What changes and why, in plain words, for the public. */
    summary: text('summary').notNull(),
    status: text('status').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    minimumDays: smallint('minimum_days').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    openedBy: uuid('opened_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.frameworkVersion)],
);

/**
 * A comment on a consultation: per criterion or indicator (its code) or on the whole draft. A public comment names
 * nobody; it is published with its answer unless withheld for holding personal data.
 */
export const forumComments = pgTable(
  'forum_comments',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => forumConsultations.id),
    /** The criterion or indicator code the comment is on; null for the draft as a whole. */
    target: text('target'),
    source: text('source').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    language: text('language').notNull(),
    text: text('text').notNull(),
    /** Kept off the public pages (it holds personal data); it is still answered. */
    withheld: boolean('withheld').notNull().default(false),
    answer: text('answer'),
    answerReason: text('answer_reason'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.consultationId, t.createdAt)],
);

/**
 * A watchdog flag on a published item: the concern, its evidence, the organisation that owes the answer and by
 * when. Public once a protection officer has cleared it (and its answer) of personal data.
 */
export const forumFlags = pgTable(
  'forum_flags',
  {
    id: id(),
    subjectKind: text('subject_kind').notNull(),
    /** What is flagged: `QM0102002@2026-05` for a zone's class, a commitment's id, a figure's key, a report's id. */
    subjectRef: text('subject_ref').notNull(),
    /** The zone it concerns, when it concerns one (a zone's class: the "under challenge" mark). */
    pcode: text('pcode').references(() => zones.pcode),
    stateCode: text('state_code'),
    raisedByOrganisationId: uuid('raised_by_organisation_id')
      .notNull()
      .references(() => organisations.id),
    concern: text('concern').notNull(),
    evidence: jsonb('evidence').$type<EvidenceRef[]>().notNull(),
    responsibleOrganisationId: uuid('responsible_organisation_id')
      .notNull()
      .references(() => organisations.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    screening: text('screening').notNull(),
    screenedBy: uuid('screened_by').references(() => users.id),
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    /** The answer's own screening, once there is one. */
    answerScreening: text('answer_screening'),
    raisedBy: uuid('raised_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.responsibleOrganisationId, t.answeredAt), index().on(t.pcode).where(sql`answered_at is null`)],
);

/**
 * The public timeline of decisions: one row per entry, projected from the transparency log (each row keeps its
 * entry's sequence number, so every entry links to it). Entries name organisations, bodies, zones and states,
 * never a person. `params` holds the codes and numbers the entry's sentence is written from in each language.
 */
export const forumTimeline = pgTable(
  'forum_timeline',
  {
    id: id(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** What happened within the kind (`published`, `kept`, `answered`…). */
    action: text('action').notNull(),
    stateCode: text('state_code'),
    pcode: text('pcode'),
    bodyCode: text('body_code'),
    /** The subject's id or code, for the link to its public page. */
    subjectRef: text('subject_ref'),
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull(),
    /** The transparency-log entry this one was projected from. */
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index().on(t.occurredAt, t.id),
    index().on(t.kind, t.occurredAt, t.id),
    index().on(t.stateCode, t.occurredAt, t.id),
    index().on(t.pcode, t.occurredAt, t.id),
    index().on(t.bodyCode, t.occurredAt, t.id),
    index().on(t.auditSeq),
  ],
);

/** How far into the transparency log the timeline has read (one row): entries after it are projected next. */
export const forumTimelineCursor = pgTable('forum_timeline_cursor', {
  id: smallint('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
