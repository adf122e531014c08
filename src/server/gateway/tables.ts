import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseCorridors, caseTransitPoints } from '../cases/tables.ts';
import { organisations, users } from '../platform/accounts/schema.ts';
import { createdAt, id } from '../platform/db/columns.ts';
import { zones } from '../zones/tables.ts';

/**
 * The community gateway's tables. A submitter is never stored in clear: no address, no user agent, no cookie.
 * The text of a submission and of every message is an encrypted envelope (purpose `narrative`), contact details
 * and an SMS sender's number are envelopes of purpose `contact`, and the receipt code is kept only as its slow
 * hash (receipts.ts). What stays in clear names nobody: kinds, codes, places, dates of steps and counts.
 */

/** A concern, protection request, complaint or appeal, from the portal or by SMS, handled by one organisation. */
export const gatewaySubmissions = pgTable(
  'gateway_submissions',
  {
    id: id(),
    /** Short, for staff to say aloud (`G-4K7Q-M2XD`); it is not the receipt code and opens nothing publicly. */
    reference: text('reference').notNull().unique(),
    /** The receipt code's slow keyed hash (receipts.ts): the only way the submitter's code is kept. */
    receiptHash: text('receipt_hash').notNull().unique(),
    kind: text('kind').notNull(),
    /** For a complaint: what it is about. */
    complaintCategory: text('complaint_category'),
    /** A protection request about a named person. */
    aboutNamedPerson: boolean('about_named_person').notNull().default(false),
    /** Sexual exploitation or abuse, or a protection request about a named person: protection officers only. */
    sensitive: boolean('sensitive').notNull(),
    disclosure: text('disclosure').notNull(),
    channel: text('channel').notNull(),
    /** The language the submitter wrote in, for every answer they get. */
    language: text('language').notNull(),
    pcode: text('pcode').references(() => zones.pcode),
    /** The state the item concerns (the zone's, or the transit point's zone's), for the public figures by state. */
    stateCode: text('state_code'),
    transitPointId: uuid('transit_point_id').references(() => caseTransitPoints.id),
    /** A case reference the submitter named, encrypted: it would identify them. */
    caseReferenceEnc: text('case_reference_enc'),
    /** What they wrote, encrypted (purpose `narrative`). */
    bodyEnc: text('body_enc').notNull(),
    /** Name, phone, email as JSON, encrypted (purpose `contact`); never set for an anonymous submission. */
    contactEnc: text('contact_enc'),
    /** They agreed to be answered by the contact they gave, not only through the receipt code. */
    contactConsent: boolean('contact_consent').notNull().default(false),
    /** The organisation handling it, from the routing rules; changes when it is referred. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    status: text('status').notNull(),
    /** When the step it waits for is due (service levels); null once closed. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** Whether acknowledgement came within its service level: kept for the public figures. */
    acknowledgedInTime: boolean('acknowledged_in_time'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    satisfaction: text('satisfaction'),
    /** How many times it has been referred on. */
    referrals: smallint('referrals').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.organisationId, t.status, t.dueAt),
    index().on(t.receivedAt),
    index().on(t.transitPointId),
    index().on(t.pcode),
  ],
);

/** A message on an item: the submitter adding information, or staff replying. */
export const gatewayMessages = pgTable(
  'gateway_messages',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => gatewaySubmissions.id),
    author: text('author').notNull(),
    /** The staff member who wrote a reply; null for the submitter. */
    accountId: uuid('account_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    bodyEnc: text('body_enc').notNull(),
    /** How a reply went out besides the receipt code (`sms`, `email`), if it did. */
    delivery: text('delivery').notNull().default('receipt'),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.submissionId, t.createdAt)],
);

/** An item's history: every step, referral, reveal and view of the submitter's contact, with who and when. */
export const gatewayHistory = pgTable(
  'gateway_history',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => gatewaySubmissions.id),
    entry: text('entry').notNull(),
    accountId: uuid('account_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** A staff note (a referral's reason, a closing note), encrypted: it may repeat what the submitter said. */
    noteEnc: text('note_enc'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.submissionId, t.at)],
);

/**
 * Which organisation receives what: a rule matches a kind, a zone (its P-code or a parent's) and a state, each
 * optional; the most specific matching rule wins, then the lowest position.
 */
export const gatewayRoutingRules = pgTable('gateway_routing_rules', {
  id: id(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  kind: text('kind'),
  pcode: text('pcode').references(() => zones.pcode),
  stateCode: text('state_code'),
  /** Also takes sensitive items (it has protection officers). */
  sensitive: boolean('sensitive').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** A request to see a confidential submitter's contact: a written reason, and a second officer's decision. */
export const gatewayRevealRequests = pgTable(
  'gateway_reveal_requests',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => gatewaySubmissions.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    justificationEnc: text('justification_enc').notNull(),
    status: text('status').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.submissionId)],
);

/**
 * Flood control for the anonymous routes: a count per key and window, the key a keyed hash that changes every
 * UTC day (never an address in clear), so counters cannot be linked from one day to the next.
 */
export const gatewayRateCounters = pgTable(
  'gateway_rate_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** SMS to send: receipt confirmations, replies and referral notices for submitters who gave a number. */
export const gatewaySmsOutbox = pgTable(
  'gateway_sms_outbox',
  {
    id: id(),
    submissionId: uuid('submission_id').references(() => gatewaySubmissions.id),
    gateway: text('gateway').notNull(),
    /** The number, encrypted (purpose `contact`). */
    toEnc: text('to_enc').notNull(),
    bodyEnc: text('body_enc').notNull(),
    status: text('status').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index().on(t.status, t.createdAt)],
);

/** A documented incident or abuse, followed until someone is held to account. */
export const gatewayIncidents = pgTable(
  'gateway_incidents',
  {
    id: id(),
    reference: text('reference').notNull().unique(),
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    pcode: text('pcode').references(() => zones.pcode),
    transitPointId: uuid('transit_point_id').references(() => caseTransitPoints.id),
    corridorId: uuid('corridor_id').references(() => caseCorridors.id),
    stateCode: text('state_code').notNull(),
    perpetratorCategory: text('perpetrator_category').notNull(),
    affectedGirls: smallint('affected_girls').notNull().default(0),
    affectedBoys: smallint('affected_boys').notNull().default(0),
    affectedWomen: smallint('affected_women').notNull().default(0),
    affectedMen: smallint('affected_men').notNull().default(0),
    affectedOlderWomen: smallint('affected_older_women').notNull().default(0),
    affectedOlderMen: smallint('affected_older_men').notNull().default(0),
    affectedUnknown: smallint('affected_unknown').notNull().default(0),
    /** Names of the people affected, if recorded at all, encrypted (purpose `person`). */
    identitiesEnc: text('identities_enc'),
    /** The account of what happened, encrypted (purpose `narrative`). */
    narrativeEnc: text('narrative_enc').notNull(),
    source: text('source').notNull(),
    verification: text('verification').notNull(),
    verifiedBy: uuid('verified_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    accountability: text('accountability').notNull(),
    /** The body it was referred to (a prosecutor, an inspectorate, an agency's investigation unit). */
    referredTo: text('referred_to'),
    referredOn: date('referred_on'),
    /** That body's response and any sanction, encrypted: they may name people. */
    responseEnc: text('response_enc'),
    sanctionEnc: text('sanction_enc'),
    closedOn: date('closed_on'),
    /** The zones module's observation this incident was entered as, once it was. */
    observationId: uuid('observation_id'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.occurredOn), index().on(t.pcode), index().on(t.transitPointId)],
);

/** The submissions an incident was documented from. */
export const gatewayIncidentSubmissions = pgTable(
  'gateway_incident_submissions',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => gatewayIncidents.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => gatewaySubmissions.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.submissionId] }), index().on(t.submissionId)],
);

/** An incident's way to accountability: each step with who and when. */
export const gatewayIncidentHistory = pgTable(
  'gateway_incident_history',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => gatewayIncidents.id),
    entry: text('entry').notNull(),
    accountId: uuid('account_id').references(() => users.id),
    noteEnc: text('note_enc'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.incidentId, t.at)],
);
