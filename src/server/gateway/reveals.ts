import { and, desc, eq } from 'drizzle-orm';
import type { SubmissionKind } from '../../shared/gateway/constants.ts';
import type { ContactDetails, RevealRequestInput, SubmissionDetail } from '../../shared/gateway/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, conflict } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import type { SealedContact } from './delivery.ts';
import { auditActor, presentDetail, reachableSubmission, submissionNotFound } from './inbox.ts';
import { presentContact } from './presenters/inbox.ts';
import { gatewayHistory, gatewayRevealRequests, gatewaySubmissions } from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * Revealing who a confidential submitter is. The protection officer the item is assigned to asks, in writing (the
 * justification is sealed);
 * a second protection officer of the same organisation approves or refuses (never the one who asked); only the
 * officer who asked may then read the contact, and each reading is logged (audit and access log). Every step is
 * in the item's history.
 */

/** Asks to see a confidential submitter's contact, with a written justification. */
export async function requestReveal(
  ctx: RequestContext,
  submissionId: string,
  input: RevealRequestInput,
  now = new Date(),
): Promise<SubmissionDetail> {
  const actor = authorize(ctx, 'gateway:protect');
  const before = await reachableSubmission(ctx.db, actor, submissionId);
  if (before.disclosure !== 'confidential' || !before.contactEnc) throw conflict('gateway_reveal_not_confidential');
  if (before.assigneeId !== actor.userId) throw conflict('gateway_reveal_not_assignee');
  const justificationEnc = await ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.justification);
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachableSubmission(tx, actor, submissionId, true);
    if (row.assigneeId !== actor.userId) throw conflict('gateway_reveal_not_assignee');
    const [pending] = await tx
      .select({ id: gatewayRevealRequests.id })
      .from(gatewayRevealRequests)
      .where(and(eq(gatewayRevealRequests.submissionId, row.id), eq(gatewayRevealRequests.status, 'pending')));
    if (pending) throw conflict('gateway_reveal_pending');
    const [request] = await tx
      .insert(gatewayRevealRequests)
      .values({ submissionId: row.id, requestedBy: actor.userId, justificationEnc, status: 'pending', createdAt: now })
      .returning({ id: gatewayRevealRequests.id });
    await tx.insert(gatewayHistory).values({
      submissionId: row.id,
      entry: 'reveal_requested',
      accountId: actor.userId,
      organisationId: actor.organisationId,
      at: now,
    });
    await appendAudit(tx, {
      type: 'gateway.reveal_requested',
      actor: auditActor(actor),
      subject: `submission:${row.id}`,
      details: { submissionId: row.id, kind: row.kind as SubmissionKind, requestId: request!.id },
    });
  });
  return presentDetail(ctx, actor, await reachableSubmission(ctx.db, actor, submissionId), now);
}

/**
 * Approves or refuses a pending request, as a second protection officer of the item's organisation: the officer
 * who asked is refused (409 `gateway_reveal_own_request`), a request already decided too.
 */
export async function decideReveal(
  ctx: RequestContext,
  requestId: string,
  decision: 'approved' | 'refused',
  now = new Date(),
): Promise<SubmissionDetail> {
  const actor = authorize(ctx, 'gateway:protect');
  const notFound = () => new AppError('not_found', { params: { reason: 'gateway_reveal', thing: 'request' } });
  const [found] = await ctx.db
    .select({ submissionId: gatewayRevealRequests.submissionId })
    .from(gatewayRevealRequests)
    .where(eq(gatewayRevealRequests.id, requestId));
  if (!found) throw notFound();
  await reachableSubmission(ctx.db, actor, found.submissionId).catch(() => {
    throw notFound();
  });
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachableSubmission(tx, actor, found.submissionId, true);
    const [request] = await tx
      .select()
      .from(gatewayRevealRequests)
      .where(eq(gatewayRevealRequests.id, requestId))
      .for('update');
    if (request!.status !== 'pending') throw conflict('gateway_reveal_decided');
    if (request!.requestedBy === actor.userId) throw conflict('gateway_reveal_own_request');
    await tx
      .update(gatewayRevealRequests)
      .set({ status: decision, decidedBy: actor.userId, decidedAt: now })
      .where(eq(gatewayRevealRequests.id, requestId));
    await tx.insert(gatewayHistory).values({
      submissionId: row.id,
      entry: decision === 'approved' ? 'reveal_approved' : 'reveal_refused',
      accountId: actor.userId,
      organisationId: actor.organisationId,
      at: now,
    });
    await appendAudit(tx, {
      type: 'gateway.reveal_decided',
      actor: auditActor(actor),
      subject: `submission:${row.id}`,
      details: {
        submissionId: row.id,
        kind: row.kind as SubmissionKind,
        requestId,
        requestedBy: request!.requestedBy,
        decision,
      },
    });
  });
  return presentDetail(ctx, actor, await reachableSubmission(ctx.db, actor, found.submissionId), now);
}

/**
 * A confidential submitter's contact, for the officer whose request to see it was approved (409
 * `gateway_reveal_not_approved` for anyone else); each reading is in the history, the audit and the access log.
 */
export async function revealedContact(
  ctx: RequestContext,
  submissionId: string,
  now = new Date(),
): Promise<ContactDetails> {
  const actor = authorize(ctx, 'gateway:protect');
  const before = await reachableSubmission(ctx.db, actor, submissionId);
  const [approved] = await ctx.db
    .select({ id: gatewayRevealRequests.id })
    .from(gatewayRevealRequests)
    .where(
      and(
        eq(gatewayRevealRequests.submissionId, before.id),
        eq(gatewayRevealRequests.requestedBy, actor.userId),
        eq(gatewayRevealRequests.status, 'approved'),
      ),
    )
    .orderBy(desc(gatewayRevealRequests.decidedAt))
    .limit(1);
  if (!approved || !before.contactEnc) throw conflict('gateway_reveal_not_approved');
  // Reassigned, the officer who asked no longer sees it: the contact is for the item's protection officer alone.
  if (before.assigneeId !== actor.userId) throw conflict('gateway_reveal_not_assignee');
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(gatewaySubmissions).where(eq(gatewaySubmissions.id, before.id));
    if (!row?.contactEnc || row.organisationId !== actor.organisationId) throw submissionNotFound();
    const contact = JSON.parse(await ctx.platform.keyring.decrypt(tx, row.contactEnc, 'contact')) as SealedContact;
    await tx.insert(gatewayHistory).values({
      submissionId: row.id,
      entry: 'contact_viewed',
      accountId: actor.userId,
      organisationId: actor.organisationId,
      at: now,
    });
    await appendAudit(tx, {
      type: 'gateway.contact_viewed',
      actor: auditActor(actor),
      subject: `submission:${row.id}`,
      details: { submissionId: row.id, kind: row.kind as SubmissionKind, requestId: approved.id },
    });
    await recordAccess(tx, {
      actor: auditActor(actor),
      recordType: 'gateway_contact',
      recordId: row.id,
      purpose: 'protection_follow_up',
    });
    return presentContact(contact);
  });
}
