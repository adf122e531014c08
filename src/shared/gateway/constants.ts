/**
 * The community gateway's vocabulary as plain constants: the words and limits the server validates with and the
 * web application shows. No schema library here (see src/shared/zones/constants.ts); schemas.ts builds on these.
 */

/** What a submitter raises. A complaint of sexual exploitation or abuse is a complaint, in the same form. */
export const SUBMISSION_KINDS = ['concern', 'protection_request', 'complaint', 'appeal'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** What a complaint is about; `sexual_exploitation_abuse` makes the item sensitive. */
export const COMPLAINT_CATEGORIES = [
  'misconduct',
  'sexual_exploitation_abuse',
  'fraud_or_extortion',
  'denied_assistance',
  'discrimination',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * How the submitter is known: `anonymous` (no name, no contact), `confidential` (contact encrypted, seen only by
 * the assigned protection officer after a second officer approves), `open` (contact visible to the handlers).
 */
export const DISCLOSURES = ['anonymous', 'confidential', 'open'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/** How a submission arrived. An SMS submission is always confidential: the number is the sender's identity. */
export const CHANNELS = ['web', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where an item stands. The handling steps in order, then `closed`; `referred` when it was out of scope and
 * passed to another organisation (which receives it as `received`).
 */
export const SUBMISSION_STATUSES = [
  'received',
  'acknowledged',
  'assigned',
  'investigating',
  'responded',
  'closed',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The handling steps, each with its service level (days from the step before). */
export const HANDLING_STEPS = ['acknowledge', 'assign', 'investigate', 'respond', 'close'] as const;
export type HandlingStep = (typeof HANDLING_STEPS)[number];

/** The status each step leads to. */
export const STEP_STATUS: Record<HandlingStep, SubmissionStatus> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  investigate: 'investigating',
  respond: 'responded',
  close: 'closed',
};

/** The step an item waits for in each open status. */
export const NEXT_STEP: Record<Exclude<SubmissionStatus, 'closed'>, HandlingStep> = {
  received: 'acknowledge',
  acknowledged: 'assign',
  assigned: 'investigate',
  investigating: 'respond',
  responded: 'close',
};

/** Days each step is due in, counted from the step before: `HOMEWARD_GATEWAY_SERVICE_LEVEL_DAYS` overrides. */
export const DEFAULT_GATEWAY_SERVICE_LEVEL_DAYS: Record<HandlingStep, number> = {
  acknowledge: 2,
  assign: 3,
  investigate: 14,
  respond: 7,
  close: 14,
};

/** What the submitter says when the item closes, if they say. */
export const SATISFACTIONS = ['satisfied', 'partly_satisfied', 'not_satisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** What happened to an item, in its history. */
export const HISTORY_ENTRIES = [
  'received',
  'acknowledged',
  'assigned',
  'investigating',
  'responded',
  'closed',
  'referred',
  'information_added',
  'reply_sent',
  'reveal_requested',
  'reveal_approved',
  'reveal_refused',
  'contact_viewed',
  'linked_to_incident',
] as const;
export type HistoryEntry = (typeof HISTORY_ENTRIES)[number];

/** Who wrote a message on an item. */
export const MESSAGE_AUTHORS = ['submitter', 'staff'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** How a staff reply reaches the submitter: always through the receipt code, and by their contact if they agreed. */
export const DELIVERIES = ['receipt', 'sms', 'email'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const REVEAL_STATUSES = ['pending', 'approved', 'refused'] as const;
export type RevealStatus = (typeof REVEAL_STATUSES)[number];

/** SMS gateways whose inbound payloads the webhook reads. */
export const SMS_GATEWAYS = ['twilio', 'rapidpro'] as const;
export type SmsGateway = (typeof SMS_GATEWAYS)[number];

/** The kinds of abuse documented as incidents. */
export const INCIDENT_TYPES = [
  'violence',
  'arbitrary_detention',
  'extortion',
  'coercion_to_return',
  'document_confiscation',
  'denial_of_monitor_access',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Who is alleged to have done it, by category only: never a named person in clear. */
export const PERPETRATOR_CATEGORIES = [
  'state_security_forces',
  'border_officials',
  'local_authorities',
  'armed_groups',
  'transit_point_staff',
  'humanitarian_personnel',
  'community_members',
  'unknown',
] as const;
export type PerpetratorCategory = (typeof PERPETRATOR_CATEGORIES)[number];

/** The people affected, counted by sex and age group. */
export const AFFECTED_GROUPS = ['girls', 'boys', 'women', 'men', 'older_women', 'older_men', 'unknown'] as const;
export type AffectedGroup = (typeof AFFECTED_GROUPS)[number];

/** Where an incident's account comes from. */
export const INCIDENT_SOURCES = [
  'gateway_submission',
  'monitoring_visit',
  'direct_testimony',
  'partner_report',
  'media_report',
] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** How far the account is verified: an unverified incident is never published as established. */
export const INCIDENT_VERIFICATIONS = ['unverified', 'corroborated', 'verified', 'not_substantiated'] as const;
export type IncidentVerification = (typeof INCIDENT_VERIFICATIONS)[number];

/**
 * Where an incident stands on the way to accountability: documented, referred to a body, that body answered,
 * a sanction imposed, or closed without one.
 */
export const ACCOUNTABILITY_STATUSES = ['documented', 'referred', 'answered', 'sanctioned', 'closed'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

/** The longest text a submitter may send, in characters: a long account, not a document. */
export const SUBMISSION_TEXT_MAX = 4000;
/** Receipt codes: random digits, shown in groups of four. */
export const RECEIPT_CODE_DIGITS = 16;

export const GATEWAY_AUDIT_EVENTS = [
  'gateway.submission_received',
  'gateway.submission_acknowledged',
  'gateway.submission_assigned',
  'gateway.submission_investigating',
  'gateway.submission_responded',
  'gateway.submission_closed',
  'gateway.submission_referred',
  'gateway.information_added',
  'gateway.reply_sent',
  'gateway.reveal_requested',
  'gateway.reveal_decided',
  'gateway.contact_viewed',
  'gateway.routing_rule_changed',
  'gateway.incident_recorded',
  'gateway.incident_updated',
  'gateway.incident_verified',
  'gateway.incident_accountability',
  'gateway.incident_observed',
] as const;
export type GatewayAuditEventType = (typeof GATEWAY_AUDIT_EVENTS)[number];
