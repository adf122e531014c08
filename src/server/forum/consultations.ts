import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ConsultationStatus } from '../../shared/forum/constants.ts';
import type {
  AnswerRequest,
  Comment,
  CommentRequest,
  CommentTarget,
  Consultation,
  ConsultationRequest,
} from '../../shared/forum/schemas/consultations.ts';
import { clientKey, spend } from '../gateway/rate.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { frameworkByVersion, onFrameworkPublishing } from '../zones/frameworks.ts';
import { auditActorOf, dayOf, refused } from './support.ts';
import { forumComments, forumConsultations } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Consultations before the zone criteria change: a framework draft is opened to comments for at least the
 * configured minimum (21 days by default); organisations and the public comment, per criterion or indicator; once
 * it has closed, every comment gets a written answer (accepted, partly accepted or not accepted, with the reason);
 * the framework cannot be published before that (`onFrameworkPublishing`). The answers are then public with the
 * comments ("what you said, what we did"), except the text of a comment withheld for holding personal data.
 * A public comment stores no name, contact or address; floods are counted under a daily keyed hash.
 */

type Tx = Database;
const DAY_MS = 86_400_000;

/** Open until it closes, then closed until every comment is answered (status on read: the clock closes it). */
const statusOf = (row: typeof forumConsultations.$inferSelect, unanswered: number, now: Date): ConsultationStatus =>
  row.concludedAt ? 'concluded' : row.closesAt > now ? 'open' : unanswered === 0 ? 'closed' : 'closed';

export async function openConsultation(
  ctx: RequestContext,
  input: ConsultationRequest,
  now = new Date(),
): Promise<Consultation> {
  const actor = authorize(ctx, 'consultation:manage');
  const minimum = ctx.platform.config.forum.consultationMinDays;
  const id = await inTransaction(ctx.db, (tx) => writeConsultation(tx, actor, input, minimum, now));
  return consultationView(ctx.db, id, { audience: 'staff', now });
}

/** Opens a consultation on a draft for `days` from `now` (at least `minimum`); answers its id. */
export async function writeConsultation(
  tx: Tx,
  actor: Actor,
  input: ConsultationRequest,
  minimum: number,
  now: Date,
): Promise<string> {
  if (input.days < minimum) throw refused('forum_consultation_too_short', { minimum });
  const framework = await frameworkByVersion(tx, input.frameworkVersion);
  if (!framework) throw notFound('framework version');
  if (framework.status !== 'draft') throw refused('forum_consultation_not_draft');
  const [existing] = await tx
    .select({ id: forumConsultations.id })
    .from(forumConsultations)
    .where(eq(forumConsultations.frameworkVersion, input.frameworkVersion));
  if (existing) throw refused('forum_consultation_exists');
  const closesAt = new Date(now.getTime() + input.days * DAY_MS);
  const [row] = await tx
    .insert(forumConsultations)
    .values({
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      title: input.title,
      summary: input.summary,
      status: 'open',
      opensAt: now,
      closesAt,
      minimumDays: minimum,
      openedBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumConsultations.id });
  await appendAudit(tx, {
    type: 'forum.consultation_opened',
    actor: auditActorOf(actor),
    subject: `forum-consultation:${row!.id}`,
    details: {
      consultationId: row!.id,
      frameworkVersion: framework.version,
      closesOn: dayOf(closesAt),
      minimumDays: minimum,
    },
  });
  return row!.id;
}

async function consultationForUpdate(tx: Tx, id: string) {
  const [row] = await tx.select().from(forumConsultations).where(eq(forumConsultations.id, id)).for('update');
  if (!row) throw notFound('consultation');
  return row;
}

/** The criterion and indicator codes a comment may name: the draft's own. */
async function targetsOf(tx: Tx, version: number): Promise<Set<string>> {
  return new Set((await draftTargets(tx, version)).map((target) => target.code));
}

/** The draft's criteria, each followed by its indicators: what a comment may be on. */
async function draftTargets(db: Database, version: number): Promise<CommentTarget[]> {
  const framework = await frameworkByVersion(db, version);
  return (framework?.definition.criteria ?? []).flatMap((criterion) => [
    { code: criterion.code, criterion: null, name: criterion.name },
    ...criterion.indicators.map((indicator) => ({
      code: indicator.code,
      criterion: criterion.code,
      name: indicator.name,
    })),
  ]);
}

export async function commentAsOrganisation(
  ctx: RequestContext,
  id: string,
  input: CommentRequest,
  now = new Date(),
): Promise<Consultation> {
  const actor = authorize(ctx, 'consultation:comment');
  await inTransaction(ctx.db, (tx) => writeComment(tx, actor, id, input, now));
  return consultationView(ctx.db, id, { audience: 'staff', now });
}

/**
 * A public comment: anyone, no sign-in, nothing about the sender stored; `client` (the address) is only hashed
 * under the day's key to count floods. Answers the comment's id.
 */
export async function commentAsPublic(
  ctx: RequestContext,
  id: string,
  input: CommentRequest,
  client: string,
  now = new Date(),
): Promise<{ id: string }> {
  const key = await clientKey(ctx.db, ctx.platform.keyring, 'consultation-comment', client, now);
  await spend(ctx.db, key, ctx.platform.config.forum.publicCommentsPerHour, now);
  return { id: await inTransaction(ctx.db, (tx) => writeComment(tx, null, id, input, now)) };
}

/** A comment on an open consultation, by an organisation (`actor`) or the public (null). */
export async function writeComment(
  tx: Tx,
  actor: Actor | null,
  id: string,
  input: CommentRequest,
  now: Date,
): Promise<string> {
  const consultation = await consultationForUpdate(tx, id);
  if (consultation.closesAt <= now || consultation.concludedAt) throw refused('forum_consultation_closed');
  if (input.target && !(await targetsOf(tx, consultation.frameworkVersion)).has(input.target)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.target', code: 'unknown', message: 'not a criterion or indicator of this draft' }],
    });
  }
  const [row] = await tx
    .insert(forumComments)
    .values({
      consultationId: id,
      target: input.target ?? null,
      source: actor ? 'organisation' : 'public',
      organisationId: actor?.organisationId ?? null,
      language: input.language,
      text: input.text,
      createdBy: actor?.userId ?? null,
      createdAt: now,
    })
    .returning({ id: forumComments.id });
  await appendAudit(tx, {
    type: 'forum.comment_received',
    actor: actor ? auditActorOf(actor) : null,
    subject: `forum-consultation:${id}`,
    details: {
      consultationId: id,
      frameworkVersion: consultation.frameworkVersion,
      commentId: row!.id,
      source: actor ? 'organisation' : 'public',
      organisationId: actor?.organisationId ?? null,
      language: input.language,
    },
  });
  return row!.id;
}

export async function answerComment(
  ctx: RequestContext,
  id: string,
  commentId: string,
  input: AnswerRequest,
  now = new Date(),
): Promise<Consultation> {
  const actor = authorize(ctx, 'consultation:manage');
  await inTransaction(ctx.db, (tx) => writeAnswer(tx, actor, id, commentId, input, now));
  return consultationView(ctx.db, id, { audience: 'staff', now });
}

/**
 * The written answer to a comment, once the consultation has closed; the last answer concludes it (and the
 * draft may then be published).
 */
export async function writeAnswer(
  tx: Tx,
  actor: Actor,
  id: string,
  commentId: string,
  input: AnswerRequest,
  now: Date,
): Promise<void> {
  const consultation = await consultationForUpdate(tx, id);
  if (consultation.closesAt > now) throw refused('forum_consultation_open', { closesOn: dayOf(consultation.closesAt) });
  const [comment] = await tx
    .select()
    .from(forumComments)
    .where(and(eq(forumComments.id, commentId), eq(forumComments.consultationId, id)));
  if (!comment) throw notFound('comment');
  await tx
    .update(forumComments)
    .set({
      answer: input.answer,
      answerReason: input.reason,
      withheld: input.withheld,
      answeredAt: now,
      answeredBy: actor.userId,
    })
    .where(eq(forumComments.id, commentId));
  await appendAudit(tx, {
    type: 'forum.comment_answered',
    actor: auditActorOf(actor),
    subject: `forum-consultation:${id}`,
    details: {
      consultationId: id,
      frameworkVersion: consultation.frameworkVersion,
      commentId,
      answer: input.answer,
      withheld: input.withheld,
    },
  });
  const answers = await tx
    .select({ answer: forumComments.answer })
    .from(forumComments)
    .where(eq(forumComments.consultationId, id));
  if (!consultation.concludedAt && answers.every((row) => row.answer !== null)) {
    await tx
      .update(forumConsultations)
      .set({ status: 'concluded', concludedAt: now })
      .where(eq(forumConsultations.id, id));
    const countOf = (answer: string) => answers.filter((row) => row.answer === answer).length;
    await appendAudit(tx, {
      type: 'forum.consultation_concluded',
      actor: auditActorOf(actor),
      subject: `forum-consultation:${id}`,
      details: {
        consultationId: id,
        frameworkVersion: consultation.frameworkVersion,
        comments: answers.length,
        accepted: countOf('accepted'),
        partlyAccepted: countOf('partly_accepted'),
        notAccepted: countOf('not_accepted'),
      },
    });
  }
}

/**
 * The guard on the zones module's framework publication: a draft is published only after its consultation has
 * closed and every comment has its written answer; a draft never consulted on is refused too.
 */
onFrameworkPublishing(async (tx, draft) => {
  const [consultation] = await tx
    .select()
    .from(forumConsultations)
    .where(eq(forumConsultations.frameworkVersion, draft.version));
  if (!consultation) throw refused('forum_consultation_missing', { version: draft.version });
  if (consultation.closesAt > new Date()) {
    throw refused('forum_consultation_open', { closesOn: dayOf(consultation.closesAt) });
  }
  const [open] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(forumComments)
    .where(and(eq(forumComments.consultationId, consultation.id), isNull(forumComments.answer)));
  if ((open?.n ?? 0) > 0) throw refused('forum_comments_unanswered', { count: open!.n });
});

// ----------------------------------------------------------------------------------------------------- reads

export async function listConsultations(
  ctx: RequestContext,
): Promise<{ items: Omit<Consultation, 'commentList' | 'targets'>[] }> {
  authorize(ctx, 'forum:read');
  return publicConsultations(ctx.db);
}

export async function getConsultation(ctx: RequestContext, id: string): Promise<Consultation> {
  authorize(ctx, 'forum:read');
  return consultationView(ctx.db, id, { audience: 'staff' });
}

export async function publicConsultations(
  db: Database,
): Promise<{ items: Omit<Consultation, 'commentList' | 'targets'>[] }> {
  const rows = await db
    .select({ id: forumConsultations.id })
    .from(forumConsultations)
    .orderBy(desc(forumConsultations.opensAt));
  const now = new Date();
  const items = [];
  for (const row of rows) {
    const {
      commentList: _,
      targets: __,
      ...rest
    } = await consultationView(db, row.id, {
      audience: 'public',
      now,
      withTargets: false,
    });
    items.push(rest);
  }
  return { items };
}

/** A consultation for the public: comments and answers only once concluded, withheld texts never. */
export async function publicConsultation(db: Database, id: string): Promise<Consultation> {
  return consultationView(db, id, { audience: 'public' });
}

interface ViewOptions {
  /** Staff read every comment; the public reads them only once the consultation is concluded, withheld texts never. */
  audience: 'staff' | 'public';
  /** The moment the status is worked out for: now unless given. */
  now?: Date;
  /** False for a list, which does not show the draft's targets. */
  withTargets?: boolean;
}

/** A consultation as its audience sees it. */
async function consultationView(
  db: Database,
  id: string,
  { audience, now = new Date(), withTargets = true }: ViewOptions,
): Promise<Consultation> {
  const staff = audience === 'staff';
  const [row] = await db.select().from(forumConsultations).where(eq(forumConsultations.id, id));
  if (!row) throw notFound('consultation');
  const comments = await db
    .select()
    .from(forumComments)
    .where(eq(forumComments.consultationId, id))
    .orderBy(asc(forumComments.target), asc(forumComments.createdAt));
  const names = await organisationsByIds(
    db,
    comments.flatMap((comment) => (comment.organisationId ? [comment.organisationId] : [])),
  );
  const unanswered = comments.filter((comment) => comment.answer === null).length;
  const status = statusOf(row, unanswered, now);
  const shown = staff || status === 'concluded';
  const commentList: Comment[] = shown
    ? comments.map((comment) => ({
        id: comment.id,
        target: comment.target,
        source: comment.source as Comment['source'],
        organisation: comment.organisationId
          ? { id: comment.organisationId, name: names.get(comment.organisationId)?.name ?? '' }
          : null,
        language: comment.language,
        text: staff || !comment.withheld ? comment.text : null,
        withheld: comment.withheld,
        answer: comment.answer as Comment['answer'],
        answerReason: comment.answerReason,
        createdAt: comment.createdAt.toISOString(),
      }))
    : [];
  return {
    id: row.id,
    frameworkVersion: row.frameworkVersion,
    title: row.title,
    summary: row.summary,
    status,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    comments: comments.length,
    unanswered,
    targets: withTargets ? await draftTargets(db, row.frameworkVersion) : [],
    commentList,
  };
}
