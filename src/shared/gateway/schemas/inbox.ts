import { z } from 'zod';
import { Timestamp } from '../../dates.ts';
import {
  CHANNELS,
  COMPLAINT_CATEGORIES,
  DELIVERIES,
  DISCLOSURES,
  HANDLING_STEPS,
  HISTORY_ENTRIES,
  REVEAL_STATUSES,
  SATISFACTIONS,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  SUBMISSION_TEXT_MAX,
} from '../constants.ts';

/**
 * The staff side of the gateway: the organisation's inbox, an item with its text, messages and history, the
 * handling steps, referrals, requests to reveal a confidential submitter's contact, and the routing rules.
 */

/** A text a member of staff typed: trimmed, refused when empty. */
const typed = (max: number) => z.string().trim().min(1).max(max);
/** A staff note: optional, at most 2,000 characters. */
const Note = z.string().trim().max(2000).optional();
/** The longest reply to a submitter: it may go out as several SMS, so no longer than what they may send. */
export const REPLY_TEXT_MAX = SUBMISSION_TEXT_MAX;

/** A member of staff as an item shows them. */
export const StaffMember = z.object({ id: z.uuid(), name: z.string() });
export type StaffMember = z.infer<typeof StaffMember>;

/**
 * Where a page of the inbox stops: the last item's due time in microseconds since 1970 (items with nothing due,
 * the closed ones, last) and its id, as `<dueMicros>.<id>`. Clients pass `nextCursor` back as it came.
 */
export interface InboxCursor {
  dueMicros: string;
  id: string;
}
export const inboxCursorOf = (keys: InboxCursor): string => `${keys.dueMicros}.${keys.id}`;
export function parseInboxCursor(cursor: string): InboxCursor | null {
  const [dueMicros, id, ...rest] = cursor.split('.');
  if (rest.length > 0 || dueMicros === undefined || id === undefined) return null;
  if (!/^\d{1,17}$/.test(dueMicros) || !z.uuid().safeParse(id).success) return null;
  return { dueMicros, id };
}

/**
 * The inbox's filters: `status` one status, or `open` for every status but closed; `overdue=true` only the items
 * past their due date; `mine=true` only those assigned to the caller. Earliest due first.
 */
export const InboxQuery = z.strictObject({
  kind: z.enum(SUBMISSION_KINDS).optional(),
  status: z.enum([...SUBMISSION_STATUSES, 'open']).optional(),
  pcode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/)
    .optional()
    .describe('a zone: its items and those of the zones inside it'),
  overdue: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(80)
    .refine((cursor) => parseInboxCursor(cursor) !== null, 'not a cursor of the inbox')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type InboxQuery = z.input<typeof InboxQuery>;
export type InboxQueryValues = z.output<typeof InboxQuery>;

/** An item as the inbox lists it: what it is and where it stands, never what it says. */
export const InboxItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(SUBMISSION_KINDS),
  complaintCategory: z.enum(COMPLAINT_CATEGORIES).nullable(),
  channel: z.enum(CHANNELS),
  disclosure: z.enum(DISCLOSURES),
  sensitive: z.boolean(),
  pcode: z.string().nullable(),
  stateCode: z.string().nullable(),
  status: z.enum(SUBMISSION_STATUSES),
  /** The step it waits for; null once closed. */
  nextStep: z.enum(HANDLING_STEPS).nullable(),
  assignee: StaffMember.nullable(),
  receivedAt: Timestamp,
  dueAt: Timestamp.nullable(),
  overdue: z.boolean(),
  referrals: z.number().int(),
});
export type InboxItem = z.infer<typeof InboxItem>;

/**
 * A page of the inbox; `total` counts every item the filter matches that the caller may see, and
 * `sensitiveHidden` how many more there are that only protection officers see (0 for them).
 */
export const InboxPage = z.object({
  items: z.array(InboxItem),
  total: z.number().int(),
  sensitiveHidden: z.number().int(),
  nextCursor: z.string().nullable().describe("the next page's cursor, null on the last page"),
});
export type InboxPage = z.infer<typeof InboxPage>;

/** A message on an item: the submitter's (no name) or a reply of the organisation (its author named to staff). */
export const ItemMessage = z.object({
  id: z.uuid(),
  from: z.enum(['submitter', 'staff']),
  author: StaffMember.nullable(),
  text: z.string(),
  delivery: z.enum(DELIVERIES),
  at: Timestamp,
});
export type ItemMessage = z.infer<typeof ItemMessage>;

/** What happened to an item: the step, who took it, for which organisation, with any note. */
export const HistoryLine = z.object({
  id: z.uuid(),
  entry: z.enum(HISTORY_ENTRIES),
  by: StaffMember.nullable(),
  organisation: z.string().nullable(),
  note: z.string().nullable(),
  at: Timestamp,
});
export type HistoryLine = z.infer<typeof HistoryLine>;

/** A submitter's contact, as they gave it. */
export const ContactDetails = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/** A request to see a confidential submitter's contact, for protection officers. */
export const RevealRequest = z.object({
  id: z.uuid(),
  status: z.enum(REVEAL_STATUSES),
  requestedBy: StaffMember,
  justification: z.string(),
  decidedBy: StaffMember.nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** The caller asked for it (so another officer must decide it, and only the caller may then see the contact). */
  mine: z.boolean(),
});
export type RevealRequest = z.infer<typeof RevealRequest>;

/** An item with what it says, its messages and history. */
export const SubmissionDetail = InboxItem.extend({
  language: z.enum(['en', 'ar', 'fr']),
  text: z.string(),
  caseReference: z.string().nullable(),
  transitPointId: z.uuid().nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedInTime: z.boolean().nullable(),
  respondedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  /** The submitter agreed to be answered by the contact they gave. */
  contactConsent: z.boolean(),
  /** For an open submission, the contact they gave; a confidential one's is read only after a reveal. */
  contact: ContactDetails.nullable(),
  /** When each step still ahead is due if each is taken on its last day. */
  dueDates: z.array(z.object({ step: z.enum(HANDLING_STEPS), dueAt: Timestamp })),
  messages: z.array(ItemMessage),
  history: z.array(HistoryLine),
  /** Requests to reveal the contact: listed to protection officers only. */
  revealRequests: z.array(RevealRequest),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetail>;

/** Assign names a handler of the organisation (a protection officer for a sensitive item). */
export const AssignRequest = z.strictObject({ assigneeId: z.uuid(), note: Note });
export type AssignRequest = z.infer<typeof AssignRequest>;

/** A step with only an optional note (acknowledge, investigate). */
export const StepRequest = z.strictObject({ note: Note });
export type StepRequest = z.infer<typeof StepRequest>;

/** The answer to the submitter: they read it with their receipt code, and by SMS if they agreed. */
export const RespondRequest = z.strictObject({ text: typed(REPLY_TEXT_MAX) });
export type RespondRequest = z.infer<typeof RespondRequest>;

/** Closing: the submitter's satisfaction if they gave it (by phone, say) and a note. */
export const CloseRequest = z.strictObject({ satisfaction: z.enum(SATISFACTIONS).optional(), note: Note });
export type CloseRequest = z.infer<typeof CloseRequest>;

/** Out of scope: passed to another organisation, with the reason. */
export const ReferRequest = z.strictObject({ organisationId: z.uuid(), note: Note });
export type ReferRequest = z.infer<typeof ReferRequest>;

/** A referral done: where the item went (the referring organisation sees it no more). */
export const ReferralDone = z.object({
  id: z.uuid(),
  reference: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
});
export type ReferralDone = z.infer<typeof ReferralDone>;

export const ReplyRequest = z.strictObject({ text: typed(REPLY_TEXT_MAX) });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const RevealRequestInput = z.strictObject({ justification: typed(2000) });
export type RevealRequestInput = z.infer<typeof RevealRequestInput>;

/** Who in the organisation may be given an item. */
export const Handler = z.object({ id: z.uuid(), name: z.string(), protectionOfficer: z.boolean() });
export type Handler = z.infer<typeof Handler>;

/** An organisation an item may be referred to, and whether it may take sensitive items. */
export const ReferralTarget = z.object({ id: z.uuid(), name: z.string(), takesSensitive: z.boolean() });
export type ReferralTarget = z.infer<typeof ReferralTarget>;

/** A routing rule as staff see it. */
export const RoutingRuleView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string().nullable(),
  kind: z.enum(SUBMISSION_KINDS).nullable(),
  pcode: z.string().nullable(),
  stateCode: z.string().nullable(),
  sensitive: z.boolean(),
  position: z.number().int(),
  createdAt: Timestamp,
});
export type RoutingRuleView = z.infer<typeof RoutingRuleView>;

/** A new routing rule: each condition optional (none: it takes everything), the organisation that receives. */
export const NewRoutingRule = z.strictObject({
  organisationId: z.uuid(),
  kind: z.enum(SUBMISSION_KINDS).optional(),
  pcode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/)
    .optional(),
  stateCode: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/)
    .optional(),
  sensitive: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type NewRoutingRule = z.input<typeof NewRoutingRule>;
export type NewRoutingRuleValues = z.output<typeof NewRoutingRule>;
