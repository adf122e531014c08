import { and, asc, count, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Satisfaction } from '../../shared/gateway/constants.ts';
import {
  type Handler,
  type HistoryLine,
  type InboxPage,
  type InboxQueryValues,
  inboxCursorOf,
  parseInboxCursor,
  type ReferralTarget,
  type RevealRequest,
  type SubmissionDetail,
} from '../../shared/gateway/schemas.ts';
import type { Role } from '../../shared/vocabulary.ts';
import {
  accountsWithRoles,
  displayNamesOf,
  organisationNameOf,
  organisationsWithRole,
} from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import type { AuditActor } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { authorize, can } from '../platform/policy/policy.ts';
import type { SealedContact } from './delivery.ts';
import { gatewayPermissions } from './permissions.ts';
import {
  dueDatesAhead,
  presentContact,
  presentInboxItem,
  type SubmissionRow,
  staffMember,
} from './presenters/inbox.ts';
import {
  gatewayHistory,
  gatewayMessages,
  gatewayRevealRequests,
  gatewayRoutingRules,
  gatewaySubmissions,
} from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * The organisation's inbox and its items. An item is the handling organisation's alone: another organisation's
 * is not found, as if it did not exist. A sensitive item (sexual exploitation or abuse, a protection request
 * about a named person) is for protection officers: anyone else is told only how many there are.
 */

export const auditActor = (actor: Actor): AuditActor => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

/** Whether the actor may see sensitive items. */
export const seesSensitive = (actor: Actor): boolean => can(actor, 'gateway:protect');

export const submissionNotFound = () =>
  new AppError('not_found', { params: { reason: 'gateway_submission', thing: 'submission' } });

/** The items the actor's organisation handles and the actor may see, as a query condition. */
function reachable(actor: Actor): SQL {
  return and(
    eq(gatewaySubmissions.organisationId, actor.organisationId),
    seesSensitive(actor) ? undefined : eq(gatewaySubmissions.sensitive, false),
  )!;
}

/**
 * The item, if the actor's organisation handles it and the actor may see it; else 404. In a transaction, the
 * row is locked until it ends, so that two steps on one item are taken one after the other.
 */
export async function reachableSubmission(
  db: Database,
  actor: Actor,
  id: string,
  lock = false,
): Promise<SubmissionRow> {
  const query = db
    .select()
    .from(gatewaySubmissions)
    .where(and(eq(gatewaySubmissions.id, id), reachable(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw submissionNotFound();
  return row;
}

/** An instant as a query parameter (drivers differ in how they send a Date inside raw SQL). */
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** Items with nothing due (closed) sort after every due date: this instant stands in for "never". */
const NEVER = sql`timestamptz '3000-01-01 00:00:00+00'`;
const dueKey = sql<string>`(extract(epoch from coalesce(${gatewaySubmissions.dueAt}, ${NEVER})) * 1000000)::bigint`;

/**
 * The inbox, earliest due first (the overdue at the top, closed items last), a page at a time by keyset on the
 * due time and id. `total` counts what the filter matches and the caller may see; `sensitiveHidden` what it
 * matches that only protection officers may see (0 for them). The list carries no text at all.
 */
export async function listInbox(ctx: RequestContext, query: InboxQueryValues, now = new Date()): Promise<InboxPage> {
  const actor = authorize(ctx, 'gateway:handle');
  const keys = query.cursor === undefined ? null : parseInboxCursor(query.cursor);
  if (query.cursor !== undefined && keys === null) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'querystring.cursor', code: 'cursor', message: 'not a cursor of the inbox' }],
    });
  }
  const filter = and(
    eq(gatewaySubmissions.organisationId, actor.organisationId),
    query.kind ? eq(gatewaySubmissions.kind, query.kind) : undefined,
    query.status === 'open'
      ? ne(gatewaySubmissions.status, 'closed')
      : query.status
        ? eq(gatewaySubmissions.status, query.status)
        : undefined,
    query.pcode ? sql`${gatewaySubmissions.pcode} like ${`${query.pcode}%`}` : undefined,
    query.overdue === 'true'
      ? sql`${gatewaySubmissions.dueAt} < ${at(now)}`
      : query.overdue === 'false'
        ? sql`(${gatewaySubmissions.dueAt} is null or ${gatewaySubmissions.dueAt} >= ${at(now)})`
        : undefined,
    query.mine === 'true' ? eq(gatewaySubmissions.assigneeId, actor.userId) : undefined,
  );
  const protects = seesSensitive(actor);
  const visible = and(filter, protects ? undefined : eq(gatewaySubmissions.sensitive, false));
  const after = keys
    ? sql`(${dueKey} > ${keys.dueMicros}::bigint or (${dueKey} = ${keys.dueMicros}::bigint and ${gatewaySubmissions.id} > ${keys.id}::uuid))`
    : undefined;
  const [counts] = await ctx.db
    .select({
      total: sql<number>`count(*) filter (where ${protects ? sql`true` : sql`not ${gatewaySubmissions.sensitive}`})::int`,
      hidden: sql<number>`count(*) filter (where ${protects ? sql`false` : gatewaySubmissions.sensitive})::int`,
    })
    .from(gatewaySubmissions)
    .where(filter);
  const rows = await ctx.db
    .select({
      id: gatewaySubmissions.id,
      reference: gatewaySubmissions.reference,
      kind: gatewaySubmissions.kind,
      complaintCategory: gatewaySubmissions.complaintCategory,
      channel: gatewaySubmissions.channel,
      disclosure: gatewaySubmissions.disclosure,
      sensitive: gatewaySubmissions.sensitive,
      pcode: gatewaySubmissions.pcode,
      stateCode: gatewaySubmissions.stateCode,
      status: gatewaySubmissions.status,
      assigneeId: gatewaySubmissions.assigneeId,
      receivedAt: gatewaySubmissions.receivedAt,
      dueAt: gatewaySubmissions.dueAt,
      referrals: gatewaySubmissions.referrals,
      dueMicros: sql<string>`${dueKey}::text`,
    })
    .from(gatewaySubmissions)
    .where(and(visible, after))
    .orderBy(dueKey, asc(gatewaySubmissions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await displayNamesOf(
    ctx.db,
    page.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => presentInboxItem(row, names, now)),
    total: counts?.total ?? 0,
    sensitiveHidden: counts?.hidden ?? 0,
    nextCursor: rows.length > query.limit && last ? inboxCursorOf({ dueMicros: last.dueMicros, id: last.id }) : null,
  };
}

/**
 * An item with its text, case reference, messages, history and due dates, for its organisation's handlers
 * (sensitive ones for protection officers only); the read is recorded in the access log. An open submitter's
 * contact is shown; a confidential one's only through an approved reveal (reveals.ts).
 */
export async function submissionDetail(ctx: RequestContext, id: string, now = new Date()): Promise<SubmissionDetail> {
  const actor = authorize(ctx, 'gateway:handle');
  const row = await reachableSubmission(ctx.db, actor, id);
  return presentDetail(ctx, actor, row, now);
}

/** The detail of a row the actor may see (after a step, the same answer as reading it). */
export async function presentDetail(
  ctx: RequestContext,
  actor: Actor,
  row: SubmissionRow,
  now = new Date(),
): Promise<SubmissionDetail> {
  const { db } = ctx;
  const keyring = ctx.platform.keyring;
  const [messages, history, requests] = await Promise.all([
    db
      .select()
      .from(gatewayMessages)
      .where(eq(gatewayMessages.submissionId, row.id))
      .orderBy(asc(gatewayMessages.createdAt), asc(gatewayMessages.id)),
    db
      .select({
        id: gatewayHistory.id,
        entry: gatewayHistory.entry,
        accountId: gatewayHistory.accountId,
        organisation: organisationNameOf(gatewayHistory.organisationId),
        noteEnc: gatewayHistory.noteEnc,
        at: gatewayHistory.at,
      })
      .from(gatewayHistory)
      .where(eq(gatewayHistory.submissionId, row.id))
      .orderBy(asc(gatewayHistory.at), asc(gatewayHistory.id)),
    seesSensitive(actor)
      ? db
          .select()
          .from(gatewayRevealRequests)
          .where(eq(gatewayRevealRequests.submissionId, row.id))
          .orderBy(asc(gatewayRevealRequests.createdAt))
      : Promise.resolve([]),
  ]);
  const names = await displayNamesOf(db, [
    ...(row.assigneeId ? [row.assigneeId] : []),
    ...messages.flatMap((message) => (message.accountId ? [message.accountId] : [])),
    ...history.flatMap((line) => (line.accountId ? [line.accountId] : [])),
    ...requests.flatMap((request) => [request.requestedBy, ...(request.decidedBy ? [request.decidedBy] : [])]),
  ]);
  const open = (envelope: string) => keyring.decrypt(db, envelope, 'narrative');
  const contact =
    row.disclosure === 'open' && row.contactEnc
      ? presentContact(JSON.parse(await keyring.decrypt(db, row.contactEnc, 'contact')) as SealedContact)
      : null;
  const detail: SubmissionDetail = {
    ...presentInboxItem(row, names, now),
    language: row.language as SubmissionDetail['language'],
    text: await open(row.bodyEnc),
    caseReference: row.caseReferenceEnc ? await open(row.caseReferenceEnc) : null,
    transitPointId: row.transitPointId,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedInTime: row.acknowledgedInTime,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    satisfaction: (row.satisfaction as Satisfaction | null) ?? null,
    contactConsent: row.contactConsent,
    contact,
    dueDates: dueDatesAhead(
      row.status as SubmissionDetail['status'],
      row.dueAt,
      ctx.platform.config.gatewayServiceLevels,
    ),
    messages: await Promise.all(
      messages.map(async (message) => ({
        id: message.id,
        from: message.author as 'submitter' | 'staff',
        author: staffMember(message.accountId, names),
        text: await open(message.bodyEnc),
        delivery: message.delivery as SubmissionDetail['messages'][number]['delivery'],
        at: message.createdAt.toISOString(),
      })),
    ),
    history: await Promise.all(
      history.map(
        async (line): Promise<HistoryLine> => ({
          id: line.id,
          entry: line.entry as HistoryLine['entry'],
          by: staffMember(line.accountId, names),
          organisation: line.organisation,
          note: line.noteEnc ? await open(line.noteEnc) : null,
          at: line.at.toISOString(),
        }),
      ),
    ),
    revealRequests: await Promise.all(
      requests.map(
        async (request): Promise<RevealRequest> => ({
          id: request.id,
          status: request.status as RevealRequest['status'],
          requestedBy: staffMember(request.requestedBy, names)!,
          justification: await open(request.justificationEnc),
          decidedBy: staffMember(request.decidedBy, names),
          decidedAt: request.decidedAt?.toISOString() ?? null,
          createdAt: request.createdAt.toISOString(),
          mine: request.requestedBy === actor.userId,
        }),
      ),
    ),
  };
  await recordAccess(db, {
    actor: auditActor(actor),
    recordType: 'gateway_submission',
    recordId: row.id,
    purpose: row.sensitive ? 'protection_follow_up' : 'gateway_handling',
  });
  return detail;
}

const HANDLE_ROLES = gatewayPermissions['gateway:handle'] as readonly Role[];
const PROTECT_ROLES = gatewayPermissions['gateway:protect'] as readonly Role[];

/** The people of the actor's organisation an item may be given to: its handlers, protection officers marked. */
export async function handlers(ctx: RequestContext): Promise<Handler[]> {
  const actor = authorize(ctx, 'gateway:handle');
  return (await accountsWithRoles(ctx.db, actor.organisationId, HANDLE_ROLES)).map((person) => ({
    id: person.id,
    name: person.name,
    protectionOfficer: person.roles.some((role) => PROTECT_ROLES.includes(role)),
  }));
}

/** Organisations that may take sensitive items: they have a protection officer, or a rule giving them such items. */
export async function takesSensitive(db: Database, organisationId: string): Promise<boolean> {
  for (const role of PROTECT_ROLES) {
    if ((await organisationsWithRole(db, role)).some((org) => org.id === organisationId)) return true;
  }
  const [rule] = await db
    .select({ n: count() })
    .from(gatewayRoutingRules)
    .where(and(eq(gatewayRoutingRules.organisationId, organisationId), eq(gatewayRoutingRules.sensitive, true)));
  return (rule?.n ?? 0) > 0;
}

/**
 * The organisations an item may be referred to: every other active organisation where someone may handle
 * gateway items, with whether it may take sensitive ones.
 */
export async function referralTargets(ctx: RequestContext): Promise<ReferralTarget[]> {
  const actor = authorize(ctx, 'gateway:handle');
  const byId = new Map<string, { id: string; name: string }>();
  for (const role of HANDLE_ROLES) for (const org of await organisationsWithRole(ctx.db, role)) byId.set(org.id, org);
  byId.delete(actor.organisationId);
  const protecting = new Set<string>();
  for (const role of PROTECT_ROLES) for (const org of await organisationsWithRole(ctx.db, role)) protecting.add(org.id);
  const ids = [...byId.keys()];
  if (ids.length > 0) {
    const rules = await ctx.db
      .selectDistinct({ organisationId: gatewayRoutingRules.organisationId })
      .from(gatewayRoutingRules)
      .where(and(inArray(gatewayRoutingRules.organisationId, ids), eq(gatewayRoutingRules.sensitive, true)));
    for (const rule of rules) protecting.add(rule.organisationId);
  }
  return [...byId.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((org) => ({ ...org, takesSensitive: protecting.has(org.id) }));
}

/** Open items of the actor's organisation that they may see, and how many are overdue (the staff home). */
export async function openCounts(db: Database, actor: Actor, now: Date): Promise<{ open: number; overdue: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${gatewaySubmissions.dueAt} < ${at(now)})::int`,
    })
    .from(gatewaySubmissions)
    .where(and(reachable(actor), ne(gatewaySubmissions.status, 'closed')));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}
