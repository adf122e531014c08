import { eq } from 'drizzle-orm';
import type { HandlingStep, SubmissionKind, SubmissionStatus } from '../../shared/gateway/constants.ts';
import type {
  AssignRequest,
  CloseRequest,
  ReferRequest,
  ReferralDone,
  ReplyRequest,
  RespondRequest,
  StepRequest,
  SubmissionDetail,
} from '../../shared/gateway/schemas.ts';
import type { Language, Role } from '../../shared/vocabulary.ts';
import { accountsWithRoles } from '../platform/accounts/directory.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, conflict } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { queueContactDelivery } from './delivery.ts';
import { auditActor, presentDetail, reachableSubmission, takesSensitive } from './inbox.ts';
import { gatewayPermissions } from './permissions.ts';
import type { SubmissionRow } from './presenters/inbox.ts';
import { dueAt } from './rules/service-levels.ts';
import { gatewayHistory, gatewayMessages, gatewaySubmissions } from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * The handling steps of an item, in order: acknowledge, assign, investigate, respond, close; a reply at any
 * time before it closes; and a referral to another organisation when it is out of scope. Each step checks where
 * the item stands (409 with the reason when it is out of order or closed), sets when the next step is due, and
 * writes the item, its history and the audit entry in one transaction. Notes and replies are sealed; the audit
 * entry carries ids and codes only.
 */

type Step = HandlingStep | 'refer' | 'reply';

/** Refuses a step the item is not ready for, naming why (the same check runs again under the row's lock). */
export function checkStep(status: SubmissionStatus, step: Step): void {
  if (status === 'closed') throw conflict('gateway_handling_closed');
  const refuse = (reason: string) => {
    throw conflict(reason);
  };
  switch (step) {
    case 'acknowledge':
      if (status !== 'received') refuse('gateway_already_acknowledged');
      break;
    case 'assign':
      if (status === 'received') refuse('gateway_acknowledge_first');
      break;
    case 'investigate':
      if (status === 'received' || status === 'acknowledged') refuse('gateway_assign_first');
      if (status === 'investigating' || status === 'responded') refuse('gateway_already_investigating');
      break;
    case 'respond':
      if (status === 'responded') refuse('gateway_already_responded');
      if (status !== 'investigating') refuse('gateway_investigate_first');
      break;
    case 'close':
      if (status !== 'responded') refuse('gateway_answer_first');
      break;
    default:
      break;
  }
}

interface StepWork {
  tx: Database;
  row: SubmissionRow;
  actor: Actor;
  now: Date;
}

/**
 * Takes one step: the item must be the actor's organisation's (404 otherwise) and ready for the step (409);
 * `prepare` runs before the transaction (sealing texts), `work` inside it with the row locked.
 */
async function takeStep<P>(
  ctx: RequestContext,
  id: string,
  step: Step,
  prepare: (row: SubmissionRow, actor: Actor) => Promise<P>,
  work: (context: StepWork, prepared: P) => Promise<void>,
  now = new Date(),
): Promise<SubmissionDetail> {
  const actor = authorize(ctx, 'gateway:handle');
  const before = await reachableSubmission(ctx.db, actor, id);
  checkStep(before.status as SubmissionStatus, step);
  const prepared = await prepare(before, actor);
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachableSubmission(tx, actor, id, true);
    checkStep(row.status as SubmissionStatus, step);
    await work({ tx, row, actor, now }, prepared);
  });
  return presentDetail(ctx, actor, await reachableSubmission(ctx.db, actor, id), now);
}

const sealNote = (ctx: RequestContext, note: string | undefined) =>
  note ? ctx.platform.keyring.encrypt(ctx.db, 'narrative', note) : Promise.resolve(null);

const subject = (row: SubmissionRow) => `submission:${row.id}`;
const about = (row: SubmissionRow) => ({ submissionId: row.id, kind: row.kind as SubmissionKind });

async function historyLine(
  { tx, row, actor, now }: StepWork,
  entry: string,
  noteEnc: string | null = null,
): Promise<void> {
  await tx.insert(gatewayHistory).values({
    submissionId: row.id,
    entry,
    accountId: actor.userId,
    organisationId: actor.organisationId,
    noteEnc,
    at: now,
  });
}

/** Acknowledge: it was received and someone will look at it; records whether that came within its level. */
export async function acknowledgeSubmission(
  ctx: RequestContext,
  id: string,
  input: StepRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'acknowledge',
    () => sealNote(ctx, input.note),
    async (step, noteEnc) => {
      const { tx, row, actor } = step;
      const inTime = row.dueAt === null || now.getTime() <= row.dueAt.getTime();
      await tx
        .update(gatewaySubmissions)
        .set({
          status: 'acknowledged',
          acknowledgedAt: now,
          acknowledgedInTime: inTime,
          dueAt: dueAt('acknowledged', now, ctx.platform.config.gatewayServiceLevels),
          updatedAt: now,
        })
        .where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'acknowledged', noteEnc);
      await appendAudit(tx, {
        type: 'gateway.submission_acknowledged',
        actor: auditActor(actor),
        subject: subject(row),
        details: { ...about(row), inTime },
      });
    },
    now,
  );
}

const HANDLE_ROLES = gatewayPermissions['gateway:handle'] as readonly Role[];
const PROTECT_ROLES = gatewayPermissions['gateway:protect'] as readonly Role[];

/**
 * Assign (or reassign) to a handler of the organisation; a sensitive item only to a protection officer. The first
 * assignment moves the item on; a later one keeps its step and due date.
 */
export async function assignSubmission(
  ctx: RequestContext,
  id: string,
  input: AssignRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'assign',
    async (row, actor) => {
      const people = await accountsWithRoles(ctx.db, actor.organisationId, HANDLE_ROLES);
      const person = people.find((candidate) => candidate.id === input.assigneeId);
      const fieldError = (code: string, message: string) =>
        new AppError('validation_failed', { errors: [{ field: 'body.assigneeId', code, message }] });
      if (!person) throw fieldError('not_a_handler', 'not a person of this organisation who handles the inbox');
      if (row.sensitive && !person.roles.some((role) => PROTECT_ROLES.includes(role))) {
        throw fieldError('not_a_protection_officer', 'a sensitive item goes to a protection officer only');
      }
      return sealNote(ctx, input.note);
    },
    async (step, noteEnc) => {
      const { tx, row, actor } = step;
      const first = row.status === 'acknowledged';
      await tx
        .update(gatewaySubmissions)
        .set({
          assigneeId: input.assigneeId,
          ...(first
            ? { status: 'assigned', dueAt: dueAt('assigned', now, ctx.platform.config.gatewayServiceLevels) }
            : {}),
          updatedAt: now,
        })
        .where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'assigned', noteEnc);
      await appendAudit(tx, {
        type: 'gateway.submission_assigned',
        actor: auditActor(actor),
        subject: subject(row),
        details: { ...about(row), assigneeId: input.assigneeId },
      });
    },
    now,
  );
}

/** Investigate: the assigned handler starts looking into it. */
export async function investigateSubmission(
  ctx: RequestContext,
  id: string,
  input: StepRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'investigate',
    () => sealNote(ctx, input.note),
    async (step, noteEnc) => {
      const { tx, row, actor } = step;
      await tx
        .update(gatewaySubmissions)
        .set({
          status: 'investigating',
          dueAt: dueAt('investigating', now, ctx.platform.config.gatewayServiceLevels),
          updatedAt: now,
        })
        .where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'investigating', noteEnc);
      await appendAudit(tx, {
        type: 'gateway.submission_investigating',
        actor: auditActor(actor),
        subject: subject(row),
        details: about(row),
      });
    },
    now,
  );
}

/**
 * Writes a staff message to the submitter: sealed, read with the receipt code, and queued by SMS when they gave a
 * number and agreed. Gives the message's id and how it went out.
 */
async function writeReply(
  ctx: RequestContext,
  { tx, row, actor, now }: StepWork,
  sealed: string,
  text: string,
): Promise<{ messageId: string; delivery: string }> {
  const delivery = await queueContactDelivery(tx, ctx.platform.keyring, row, text);
  const [message] = await tx
    .insert(gatewayMessages)
    .values({
      submissionId: row.id,
      author: 'staff',
      accountId: actor.userId,
      organisationId: actor.organisationId,
      bodyEnc: sealed,
      delivery,
      createdAt: now,
    })
    .returning({ id: gatewayMessages.id });
  return { messageId: message!.id, delivery };
}

/** Respond: the answer to the submitter, after the investigation. */
export async function respondToSubmission(
  ctx: RequestContext,
  id: string,
  input: RespondRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'respond',
    () => ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.text),
    async (step, sealed) => {
      const { tx, row, actor } = step;
      const { messageId } = await writeReply(ctx, step, sealed, input.text);
      await tx
        .update(gatewaySubmissions)
        .set({
          status: 'responded',
          respondedAt: now,
          dueAt: dueAt('responded', now, ctx.platform.config.gatewayServiceLevels),
          updatedAt: now,
        })
        .where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'responded');
      await appendAudit(tx, {
        type: 'gateway.submission_responded',
        actor: auditActor(actor),
        subject: subject(row),
        details: { ...about(row), messageId },
      });
    },
    now,
  );
}

/** A reply without changing the step (a question back, news of progress); a closed item takes none. */
export async function replyToSubmission(
  ctx: RequestContext,
  id: string,
  input: ReplyRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'reply',
    () => ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.text),
    async (step, sealed) => {
      const { tx, row, actor } = step;
      const { messageId, delivery } = await writeReply(ctx, step, sealed, input.text);
      await tx.update(gatewaySubmissions).set({ updatedAt: now }).where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'reply_sent');
      await appendAudit(tx, {
        type: 'gateway.reply_sent',
        actor: auditActor(actor),
        subject: subject(row),
        details: { ...about(row), messageId, delivery },
      });
    },
    now,
  );
}

/** Close, after the answer: with the submitter's satisfaction if they gave it, and a note. */
export async function closeSubmission(
  ctx: RequestContext,
  id: string,
  input: CloseRequest,
  now = new Date(),
): Promise<SubmissionDetail> {
  return takeStep(
    ctx,
    id,
    'close',
    () => sealNote(ctx, input.note),
    async (step, noteEnc) => {
      const { tx, row, actor } = step;
      const satisfaction = input.satisfaction ?? row.satisfaction ?? null;
      await tx
        .update(gatewaySubmissions)
        .set({ status: 'closed', closedAt: now, dueAt: null, satisfaction, updatedAt: now })
        .where(eq(gatewaySubmissions.id, row.id));
      await historyLine(step, 'closed', noteEnc);
      await appendAudit(tx, {
        type: 'gateway.submission_closed',
        actor: auditActor(actor),
        subject: subject(row),
        details: { ...about(row), satisfaction },
      });
    },
    now,
  );
}

/** What the submitter reads when their item is passed on, in the language they wrote in. */
export const REFERRAL_NOTICE: Record<Language, string> = {
  en: 'Your submission is outside what we can handle, so we have passed it to another organisation that can. Your receipt code stays the same: use it to follow your submission.',
  ar: 'طلبك خارج نطاق ما يمكننا التعامل معه، لذلك أحلناه إلى منظمة أخرى قادرة على ذلك. رمز الإيصال يبقى كما هو: استخدمه لمتابعة طلبك.',
  fr: "Votre soumission ne relève pas de ce que nous pouvons traiter : nous l'avons transmise à une autre organisation qui le peut. Votre code de reçu reste le même : utilisez-le pour suivre votre soumission.",
};

/**
 * Refers an item out of scope to another organisation (which must exist, be another, have someone who handles
 * the inbox, and for a sensitive item take sensitive items). It arrives there as received, due for
 * acknowledgement again, unassigned; the submitter is told in their language; this organisation loses sight of it.
 */
export async function referSubmission(
  ctx: RequestContext,
  id: string,
  input: ReferRequest,
  now = new Date(),
): Promise<ReferralDone> {
  const actor = authorize(ctx, 'gateway:handle');
  const before = await reachableSubmission(ctx.db, actor, id);
  checkStep(before.status as SubmissionStatus, 'refer');
  if (input.organisationId === actor.organisationId) throw conflict('gateway_refer_same_organisation');
  const target = await findOrganisationById(ctx.db, input.organisationId);
  if (!target?.active) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.organisationId', code: 'unknown_organisation', message: 'no active organisation has this id' },
      ],
    });
  }
  const handles = await accountsWithRoles(ctx.db, target.id, HANDLE_ROLES);
  if (handles.length === 0) throw conflict('gateway_refer_no_handlers');
  if (before.sensitive && !(await takesSensitive(ctx.db, target.id))) throw conflict('gateway_refer_not_protecting');
  const language = (before.language as Language) in REFERRAL_NOTICE ? (before.language as Language) : 'en';
  const notice = REFERRAL_NOTICE[language];
  const [noteEnc, sealed] = await Promise.all([
    sealNote(ctx, input.note),
    ctx.platform.keyring.encrypt(ctx.db, 'narrative', notice),
  ]);
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachableSubmission(tx, actor, id, true);
    checkStep(row.status as SubmissionStatus, 'refer');
    const step = { tx, row, actor, now };
    await writeReply(ctx, step, sealed, notice);
    await tx
      .update(gatewaySubmissions)
      .set({
        organisationId: target.id,
        status: 'received',
        assigneeId: null,
        acknowledgedAt: null,
        acknowledgedInTime: null,
        dueAt: dueAt('received', now, ctx.platform.config.gatewayServiceLevels),
        referrals: row.referrals + 1,
        updatedAt: now,
      })
      .where(eq(gatewaySubmissions.id, row.id));
    await historyLine(step, 'referred', noteEnc);
    await appendAudit(tx, {
      type: 'gateway.submission_referred',
      actor: auditActor(actor),
      subject: subject(row),
      details: { ...about(row), fromOrganisationId: actor.organisationId, toOrganisationId: target.id },
    });
  });
  // The referring organisation no longer sees the item: it is told where it went, nothing more.
  return { id: before.id, reference: before.reference, organisation: { id: target.id, name: target.name } };
}
