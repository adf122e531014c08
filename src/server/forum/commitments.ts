import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  AssessmentRequest,
  CloseRequest,
  Commitment,
  CommitmentHistoryEntry,
  CommitmentList,
  CommitmentListQuery,
  CommitmentRequest,
  CommitmentSummary,
  UpdateRequest,
} from '../../shared/forum/schemas/commitments.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { activeFramework } from '../zones/frameworks.ts';
import { isOverdue, keptOnTime } from './rules/commitments.ts';
import { auditActorOf, dayOf, notYours, refused, requireOrganisations } from './support.ts';
import {
  forumCommitmentAssessments,
  forumCommitments,
  forumCommitmentUpdates,
  forumDecisions,
  forumMeetings,
} from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * The commitments tracker: what was promised (often at a meeting), who owns it, by when, and what shows it is
 * kept; the owner's status updates with evidence; independent assessments by civil society and monitors; closing
 * as kept or broken. Everything about a commitment is public: the owner, the history, the assessments.
 */

type Tx = Database;

export async function makeCommitment(
  ctx: RequestContext,
  input: CommitmentRequest,
  now = new Date(),
): Promise<Commitment> {
  const actor = authorize(ctx, 'commitment:manage');
  const id = await inTransaction(ctx.db, (tx) => writeCommitment(tx, actor, input, now));
  return commitmentView(ctx.db, id, now);
}

/** Records a commitment; answers its id. A zone indicator must be one of the active framework's. */
export async function writeCommitment(tx: Tx, actor: Actor, input: CommitmentRequest, now: Date): Promise<string> {
  await requireOrganisations(tx, [{ field: 'body.ownerOrganisationId', id: input.ownerOrganisationId }]);
  if (input.indicatorKind === 'zone_indicator') {
    const framework = await activeFramework(tx);
    const codes = framework.definition.criteria.flatMap((criterion) => criterion.indicators.map((i) => i.code));
    if (!codes.includes(input.indicatorRef!)) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body.indicatorRef', code: 'unknown', message: 'not an indicator of the zone criteria' }],
      });
    }
  }
  let meetingId = input.meetingId ?? null;
  if (input.decisionId) {
    const [decision] = await tx.select().from(forumDecisions).where(eq(forumDecisions.id, input.decisionId));
    if (!decision || (meetingId !== null && decision.meetingId !== meetingId)) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body.decisionId', code: 'unknown', message: 'no such decision of that meeting' }],
      });
    }
    meetingId = decision.meetingId;
  } else if (meetingId) {
    const [meeting] = await tx
      .select({ id: forumMeetings.id })
      .from(forumMeetings)
      .where(eq(forumMeetings.id, meetingId));
    if (!meeting) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'body.meetingId', code: 'unknown', message: 'no such meeting' }],
      });
    }
  }
  const [row] = await tx
    .insert(forumCommitments)
    .values({
      meetingId,
      decisionId: input.decisionId ?? null,
      text: input.text,
      ownerOrganisationId: input.ownerOrganisationId,
      stateCode: input.stateCode ?? null,
      pcode: input.pcode ?? null,
      dueOn: input.dueOn,
      indicatorKind: input.indicatorKind,
      indicatorRef: input.indicatorRef ?? null,
      status: 'open',
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumCommitments.id });
  await appendAudit(tx, {
    type: 'forum.commitment_made',
    actor: auditActorOf(actor),
    subject: `forum-commitment:${row!.id}`,
    details: {
      commitmentId: row!.id,
      ownerOrganisationId: input.ownerOrganisationId,
      meetingId,
      decisionId: input.decisionId ?? null,
      dueOn: input.dueOn,
      indicatorKind: input.indicatorKind,
    },
  });
  return row!.id;
}

async function commitmentForUpdate(tx: Tx, id: string) {
  const [row] = await tx.select().from(forumCommitments).where(eq(forumCommitments.id, id)).for('update');
  if (!row) throw notFound('commitment');
  return row;
}

export async function updateCommitment(
  ctx: RequestContext,
  id: string,
  input: UpdateRequest,
  now = new Date(),
): Promise<Commitment> {
  const actor = authorize(ctx, 'commitment:update');
  await inTransaction(ctx.db, (tx) => writeUpdate(tx, actor, id, input, now));
  return commitmentView(ctx.db, id, now);
}

/** A status update from the commitment's owner, with its evidence (another organisation may not post one). */
export async function writeUpdate(tx: Tx, actor: Actor, id: string, input: UpdateRequest, now: Date): Promise<void> {
  const commitment = await commitmentForUpdate(tx, id);
  if (commitment.ownerOrganisationId !== actor.organisationId) throw notYours('forum_not_owner');
  if (commitment.status !== 'open') throw refused('forum_commitment_closed');
  const [row] = await tx
    .insert(forumCommitmentUpdates)
    .values({
      commitmentId: id,
      organisationId: actor.organisationId,
      text: input.text,
      evidence: input.evidence,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumCommitmentUpdates.id });
  await appendAudit(tx, {
    type: 'forum.commitment_updated',
    actor: auditActorOf(actor),
    subject: `forum-commitment:${id}`,
    details: {
      commitmentId: id,
      ownerOrganisationId: commitment.ownerOrganisationId,
      updateId: row!.id,
      evidence: input.evidence.length,
    },
  });
}

export async function assessCommitment(
  ctx: RequestContext,
  id: string,
  input: AssessmentRequest,
  now = new Date(),
): Promise<Commitment> {
  const actor = authorize(ctx, 'commitment:assess');
  await inTransaction(ctx.db, (tx) => writeAssessment(tx, actor, id, input, now));
  return commitmentView(ctx.db, id, now);
}

/** An independent assessment with its reasons; the owner does not assess its own commitment. */
export async function writeAssessment(
  tx: Tx,
  actor: Actor,
  id: string,
  input: AssessmentRequest,
  now: Date,
): Promise<void> {
  const commitment = await commitmentForUpdate(tx, id);
  if (commitment.ownerOrganisationId === actor.organisationId) throw notYours('forum_own_commitment');
  const [row] = await tx
    .insert(forumCommitmentAssessments)
    .values({
      commitmentId: id,
      organisationId: actor.organisationId,
      rating: input.rating,
      reasons: input.reasons,
      createdBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumCommitmentAssessments.id });
  await appendAudit(tx, {
    type: 'forum.commitment_assessed',
    actor: auditActorOf(actor),
    subject: `forum-commitment:${id}`,
    details: {
      commitmentId: id,
      ownerOrganisationId: commitment.ownerOrganisationId,
      assessmentId: row!.id,
      organisationId: actor.organisationId,
      rating: input.rating,
    },
  });
}

export async function closeCommitment(
  ctx: RequestContext,
  id: string,
  input: CloseRequest,
  now = new Date(),
): Promise<Commitment> {
  const actor = authorize(ctx, 'commitment:manage');
  await inTransaction(ctx.db, (tx) => writeClose(tx, actor, id, input, now));
  return commitmentView(ctx.db, id, now);
}

/** Closes an open commitment as kept or broken, with the reason, on the day given. */
export async function writeClose(tx: Tx, actor: Actor, id: string, input: CloseRequest, now: Date): Promise<void> {
  const commitment = await commitmentForUpdate(tx, id);
  if (commitment.status !== 'open') throw refused('forum_commitment_closed');
  const closedOn = dayOf(now);
  await tx
    .update(forumCommitments)
    .set({ status: input.status, closedOn, closingReason: input.reason })
    .where(eq(forumCommitments.id, id));
  await appendAudit(tx, {
    type: 'forum.commitment_closed',
    actor: auditActorOf(actor),
    subject: `forum-commitment:${id}`,
    details: {
      commitmentId: id,
      ownerOrganisationId: commitment.ownerOrganisationId,
      status: input.status,
      closedOn,
      onTime: keptOnTime({ status: input.status, dueOn: commitment.dueOn, closedOn }) === true,
    },
  });
}

// ----------------------------------------------------------------------------------------------------- reads

export async function listCommitments(ctx: RequestContext, query: CommitmentListQuery): Promise<CommitmentList> {
  authorize(ctx, 'forum:read');
  return { items: await commitmentSummaries(ctx.db, query, new Date()) };
}

export async function getCommitment(ctx: RequestContext, id: string): Promise<Commitment> {
  authorize(ctx, 'forum:read');
  return commitmentView(ctx.db, id, new Date());
}

/** Every commitment, overdue first, then by due date: the public sees all of them. */
export async function publicCommitments(db: Database, query: CommitmentListQuery): Promise<CommitmentList> {
  return { items: await commitmentSummaries(db, query, new Date()) };
}

export async function publicCommitment(db: Database, id: string): Promise<Commitment> {
  return commitmentView(db, id, new Date());
}

async function commitmentSummaries(
  db: Database,
  query: CommitmentListQuery & { ids?: string[] },
  now: Date,
): Promise<CommitmentSummary[]> {
  const today = dayOf(now);
  const conditions: SQL[] = [];
  if (query.status === 'overdue') {
    conditions.push(eq(forumCommitments.status, 'open'), sql`${forumCommitments.dueOn} < ${today}`);
  } else if (query.status) conditions.push(eq(forumCommitments.status, query.status));
  if (query.stateCode) conditions.push(eq(forumCommitments.stateCode, query.stateCode));
  if (query.ownerOrganisationId) conditions.push(eq(forumCommitments.ownerOrganisationId, query.ownerOrganisationId));
  if (query.ids) conditions.push(inArray(forumCommitments.id, query.ids));
  const rows = await db
    .select()
    .from(forumCommitments)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(
      sql`(${forumCommitments.status} = 'open' and ${forumCommitments.dueOn} < ${today}) desc`,
      asc(forumCommitments.dueOn),
      asc(forumCommitments.id),
    )
    .limit(1000);
  const ids = rows.map((row) => row.id);
  const latest =
    ids.length === 0
      ? []
      : await db
          .selectDistinctOn([forumCommitmentAssessments.commitmentId])
          .from(forumCommitmentAssessments)
          .where(inArray(forumCommitmentAssessments.commitmentId, ids))
          .orderBy(forumCommitmentAssessments.commitmentId, desc(forumCommitmentAssessments.createdAt));
  const names = await organisationsByIds(db, [
    ...rows.map((row) => row.ownerOrganisationId),
    ...latest.map((row) => row.organisationId),
  ]);
  const organisation = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
  return rows.map((row) => {
    const dates = { status: row.status as 'open' | 'kept' | 'broken', dueOn: row.dueOn, closedOn: row.closedOn };
    const assessment = latest.find((a) => a.commitmentId === row.id);
    return {
      id: row.id,
      text: row.text,
      owner: organisation(row.ownerOrganisationId),
      stateCode: row.stateCode,
      pcode: row.pcode,
      meetingId: row.meetingId,
      dueOn: row.dueOn,
      status: dates.status,
      overdue: isOverdue(dates, today),
      closedOn: row.closedOn,
      keptOnTime: keptOnTime(dates),
      indicatorKind: row.indicatorKind as CommitmentSummary['indicatorKind'],
      indicatorRef: row.indicatorRef,
      latestAssessment: assessment
        ? {
            rating: assessment.rating as NonNullable<CommitmentSummary['latestAssessment']>['rating'],
            organisation: organisation(assessment.organisationId),
            at: assessment.createdAt.toISOString(),
          }
        : null,
    };
  });
}

/** A commitment with its whole history, oldest first. */
export async function commitmentView(db: Database, id: string, now: Date): Promise<Commitment> {
  const [summary] = await commitmentSummaries(db, { ids: [id] }, now);
  const [row] = await db.select().from(forumCommitments).where(eq(forumCommitments.id, id));
  if (!summary || !row) throw notFound('commitment');
  const updates = await db.select().from(forumCommitmentUpdates).where(eq(forumCommitmentUpdates.commitmentId, id));
  const assessments = await db
    .select()
    .from(forumCommitmentAssessments)
    .where(eq(forumCommitmentAssessments.commitmentId, id));
  const names = await organisationsByIds(db, [
    ...updates.map((u) => u.organisationId),
    ...assessments.map((a) => a.organisationId),
  ]);
  const organisation = (orgId: string) => ({ id: orgId, name: names.get(orgId)?.name ?? '' });
  const history: CommitmentHistoryEntry[] = [
    { kind: 'made' as const, at: row.createdAt.toISOString() },
    ...updates.map((u) => ({
      kind: 'update' as const,
      at: u.createdAt.toISOString(),
      organisation: organisation(u.organisationId),
      text: u.text,
      evidence: u.evidence,
    })),
    ...assessments.map((a) => ({
      kind: 'assessment' as const,
      at: a.createdAt.toISOString(),
      organisation: organisation(a.organisationId),
      rating: a.rating as 'on_track',
      reasons: a.reasons,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (row.status !== 'open' && row.closedOn) {
    history.push({
      kind: 'closed',
      at: `${row.closedOn}T23:59:59.999Z`,
      status: row.status as 'kept' | 'broken',
      reason: row.closingReason ?? '',
    });
  }
  return { ...summary, history };
}
