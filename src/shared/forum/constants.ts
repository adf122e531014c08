/**
 * The forum's vocabulary: the bodies of the return mechanism and their meetings, positions, commitments,
 * consultations before the zone criteria change, watchdog flags, and the public timeline of decisions.
 * Shared by the server and the web application (plain values, no zod).
 */

/** A forum record's id (lower-case UUID), as its public page's address and the forms' routes take it. */
export const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The bodies of the mechanism (DOMAIN.md §9). */
export const BODY_KINDS = [
  'steering_committee',
  'tripartite_commission',
  'working_group',
  'civil_society_consultation',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** The seat an organisation holds at a body's table; civil-society seats are counted on every meeting. */
export const SEATS = [
  'state_of_origin',
  'state_of_asylum',
  'un_agency',
  'monitoring_centre',
  'civil_society',
  'independent_monitor',
  'donor',
] as const;
export type Seat = (typeof SEATS)[number];

export const MEETING_CHANNELS = ['in_person', 'online', 'hybrid'] as const;
export type MeetingChannel = (typeof MEETING_CHANNELS)[number];

/** A meeting is planned, then held (participants and minutes recorded), then its minutes approved by its members. */
export const MEETING_STATUSES = ['planned', 'held', 'minutes_approved'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Who may read a position: anyone (published with the meeting) or only the body's members. */
export const POSITION_VISIBILITIES = ['public', 'members'] as const;
export type PositionVisibility = (typeof POSITION_VISIBILITIES)[number];

/** How the chair recorded that a position was taken into account on its agenda item. */
export const POSITION_TREATMENTS = ['adopted', 'partly_adopted', 'noted', 'not_adopted'] as const;
export type PositionTreatment = (typeof POSITION_TREATMENTS)[number];

/** What a position's or a flag's evidence points to: published records of the other modules, or a web link. */
export const EVIDENCE_KINDS = [
  'zone_class',
  'outcome_figure',
  'gateway_figure',
  'incident',
  'commitment',
  'link',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A commitment is open until it is closed kept or broken (overdue is open past its due date, computed). */
export const COMMITMENT_STATUSES = ['open', 'kept', 'broken'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** What shows that a commitment is kept: a zone indicator, an outcome figure, or nothing measured yet. */
export const COMMITMENT_INDICATOR_KINDS = ['zone_indicator', 'outcome_figure', 'none'] as const;
export type CommitmentIndicatorKind = (typeof COMMITMENT_INDICATOR_KINDS)[number];

/** An independent assessment of a commitment, by civil society or a monitor, always with its reasons. */
export const ASSESSMENT_RATINGS = ['on_track', 'at_risk', 'off_track', 'kept', 'broken'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

/** A position's attachments: at most this many, each at most this many bytes (a PDF or an image). */
export const POSITION_ATTACHMENTS_MAX = 5;
export const POSITION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A consultation is open for comments, then closed, then concluded once every comment has its answer. */
export const CONSULTATION_STATUSES = ['open', 'closed', 'concluded'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Who wrote a comment: a participating organisation (signed in) or a member of the public (nobody named). */
export const COMMENT_SOURCES = ['organisation', 'public'] as const;
export type CommentSource = (typeof COMMENT_SOURCES)[number];

/** The written answer every comment must have before the framework may be published. */
export const COMMENT_ANSWERS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type CommentAnswer = (typeof COMMENT_ANSWERS)[number];

/** The consultation's default and least period, in days. */
export const DEFAULT_CONSULTATION_DAYS = 21;
/** A public comment's longest text, in characters. */
export const PUBLIC_COMMENT_MAX_CHARS = 4000;

/** What a watchdog flag may point at: any published item. */
export const FLAG_SUBJECT_KINDS = [
  'zone_class',
  'decision_timeline',
  'outcome_figure',
  'tranche_verification',
  'report',
  'commitment',
] as const;
export type FlagSubjectKind = (typeof FLAG_SUBJECT_KINDS)[number];

/** A protection officer checks a flag and its answer hold no personal data before either is public. */
export const FLAG_SCREENINGS = ['pending', 'cleared', 'withheld'] as const;
export type FlagScreening = (typeof FLAG_SCREENINGS)[number];

/** The default days the responsible organisation has to answer a flag. */
export const DEFAULT_FLAG_ANSWER_DAYS = 14;

/** The kinds of entry on the public timeline of decisions. */
export const TIMELINE_KINDS = [
  'framework_version',
  'consultation',
  'zone_class_change',
  'zone_publication',
  'agreement_signed',
  'meeting',
  'decision',
  'commitment',
  'flag',
  'report',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The forum's audit event types; their detail schemas are in src/server/forum/events/. */
export const FORUM_AUDIT_EVENTS = [
  'forum.body_created',
  'forum.meeting_scheduled',
  'forum.meeting_held',
  'forum.position_submitted',
  'forum.position_attachment_added',
  'forum.agenda_item_treated',
  'forum.minutes_approved',
  'forum.decision_recorded',
  'forum.commitment_made',
  'forum.commitment_updated',
  'forum.commitment_assessed',
  'forum.commitment_closed',
  'forum.consultation_opened',
  'forum.consultation_closed',
  'forum.comment_received',
  'forum.comment_answered',
  'forum.consultation_concluded',
  'forum.flag_raised',
  'forum.flag_screened',
  'forum.flag_answered',
] as const;
export type ForumAuditEventType = (typeof FORUM_AUDIT_EVENTS)[number];
