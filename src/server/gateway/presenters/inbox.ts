import {
  type ComplaintCategory,
  type Disclosure,
  HANDLING_STEPS,
  type HandlingStep,
  NEXT_STEP,
  type SubmissionKind,
  type SubmissionStatus,
} from '../../../shared/gateway/constants.ts';
import type { ContactDetails, InboxItem, RoutingRuleView, StaffMember } from '../../../shared/gateway/schemas.ts';
import type { SealedContact } from '../delivery.ts';
import { isOverdue } from '../rules/service-levels.ts';
import type { gatewayRoutingRules, gatewaySubmissions } from '../tables.ts';

const DAY_MS = 86_400_000;

export type SubmissionRow = typeof gatewaySubmissions.$inferSelect;

/** The step an item in `status` waits for, null once closed. */
export const nextStepOf = (status: SubmissionStatus): HandlingStep | null =>
  status === 'closed' ? null : NEXT_STEP[status];

/** An item as the inbox lists it (pure): kinds, codes, dates and the assignee's name, never its text. */
export function presentInboxItem(
  row: Pick<
    SubmissionRow,
    | 'id'
    | 'reference'
    | 'kind'
    | 'complaintCategory'
    | 'channel'
    | 'disclosure'
    | 'sensitive'
    | 'pcode'
    | 'stateCode'
    | 'status'
    | 'assigneeId'
    | 'receivedAt'
    | 'dueAt'
    | 'referrals'
  >,
  names: ReadonlyMap<string, string>,
  now: Date,
): InboxItem {
  const status = row.status as SubmissionStatus;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as SubmissionKind,
    complaintCategory: (row.complaintCategory as ComplaintCategory | null) ?? null,
    channel: row.channel as InboxItem['channel'],
    disclosure: row.disclosure as Disclosure,
    sensitive: row.sensitive,
    pcode: row.pcode,
    stateCode: row.stateCode,
    status,
    nextStep: nextStepOf(status),
    assignee: staffMember(row.assigneeId, names),
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: isOverdue(row.dueAt, now),
    referrals: row.referrals,
  };
}

/** A member of staff by id with their name (a person since removed from the directory is "—"). */
export function staffMember(id: string | null, names: ReadonlyMap<string, string>): StaffMember | null {
  return id === null ? null : { id, name: names.get(id) ?? '—' };
}

/**
 * When each step still ahead is due if each is taken on its last day: the next step at the item's due date, each
 * later one its service level after the one before.
 */
export function dueDatesAhead(
  status: SubmissionStatus,
  dueAt: Date | null,
  levels: Record<HandlingStep, number>,
): { step: HandlingStep; dueAt: string }[] {
  const next = nextStepOf(status);
  if (next === null || dueAt === null) return [];
  const ahead = HANDLING_STEPS.slice(HANDLING_STEPS.indexOf(next));
  let at = dueAt.getTime();
  return ahead.map((step, index) => {
    if (index > 0) at += levels[step] * DAY_MS;
    return { step, dueAt: new Date(at).toISOString() };
  });
}

/** A sealed contact as staff read it. */
export const presentContact = (contact: SealedContact): ContactDetails => ({
  name: contact.name ?? null,
  phone: contact.phone ?? null,
  email: contact.email ?? null,
});

export function presentRoutingRule(
  row: typeof gatewayRoutingRules.$inferSelect,
  organisationName: string | null,
): RoutingRuleView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName,
    kind: (row.kind as SubmissionKind | null) ?? null,
    pcode: row.pcode,
    stateCode: row.stateCode,
    sensitive: row.sensitive,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
  };
}
