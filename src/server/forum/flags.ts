import { and, asc, eq, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type {
  Flag,
  FlagAnswerRequest,
  FlagList,
  FlagListQuery,
  FlagRequest,
  ScreenRequest,
  ZoneChallenge,
} from '../../shared/forum/schemas/flags.ts';
import { organisationsByIds } from '../platform/accounts/directory.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { publicZoneHistory } from '../zones/public-zones.ts';
import { auditActorOf, dayOf, notYours, refused, requireOrganisations } from './support.ts';
import { forumCommitments, forumFlags } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Watchdog flags: civil society and independent monitors flag a published item (a zone's class, a figure, a
 * commitment…) with their concern and evidence; the responsible organisation owes a written answer within the
 * service level (14 days by default). A protection officer checks the flag, then its answer, for personal data:
 * only what is cleared is public. A cleared, unanswered flag on a zone's class marks the zone "under challenge".
 */

type Tx = Database;
const DAY_MS = 86_400_000;
const ZONE_CLASS_REF = /^([A-Z]{2}[0-9]{0,12})@(\d{4}-(0[1-9]|1[0-2]))$/;

export async function raiseFlag(ctx: RequestContext, input: FlagRequest, now = new Date()): Promise<Flag> {
  const actor = authorize(ctx, 'flag:raise');
  const days = ctx.platform.config.forum.flagAnswerDays;
  const id = await inTransaction(ctx.db, (tx) => writeFlag(tx, actor, input, days, now));
  return flagView(ctx.db, id, true, now);
}

/** Records a flag due `days` after `now`; the subject must exist and be published. Answers its id. */
export async function writeFlag(tx: Tx, actor: Actor, input: FlagRequest, days: number, now: Date): Promise<string> {
  await requireOrganisations(tx, [{ field: 'body.responsibleOrganisationId', id: input.responsibleOrganisationId }]);
  const badRef = (message: string) =>
    new AppError('validation_failed', { errors: [{ field: 'body.subjectRef', code: 'unknown', message }] });
  let pcode: string | null = null;
  let stateCode: string | null = null;
  if (input.subjectKind === 'zone_class') {
    const match = ZONE_CLASS_REF.exec(input.subjectRef);
    if (!match) throw badRef('a zone’s class is named P-code@YYYY-MM');
    const history = await publicZoneHistory(tx, match[1]!).catch(() => null);
    if (!history?.history.some((entry) => entry.period === match[2])) {
      throw badRef('that zone has no published class for that month');
    }
    pcode = match[1]!;
    stateCode = pcode.slice(0, 2);
  } else if (input.subjectKind === 'commitment') {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.subjectRef);
    const [commitment] = isId
      ? await tx.select().from(forumCommitments).where(eq(forumCommitments.id, input.subjectRef))
      : [];
    if (!commitment) throw badRef('no such commitment');
    pcode = commitment.pcode;
    stateCode = commitment.stateCode;
  } else if (!/^[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,199}$/.test(input.subjectRef)) {
    throw badRef('a published item’s key: letters, digits and _.:@/- only');
  }
  const dueAt = new Date(now.getTime() + days * DAY_MS);
  const [row] = await tx
    .insert(forumFlags)
    .values({
      subjectKind: input.subjectKind,
      subjectRef: input.subjectRef,
      pcode,
      stateCode,
      raisedByOrganisationId: actor.organisationId,
      concern: input.concern,
      evidence: input.evidence,
      responsibleOrganisationId: input.responsibleOrganisationId,
      dueAt,
      screening: 'pending',
      raisedBy: actor.userId,
      createdAt: now,
    })
    .returning({ id: forumFlags.id });
  await appendAudit(tx, {
    type: 'forum.flag_raised',
    actor: auditActorOf(actor),
    subject: `forum-flag:${row!.id}`,
    details: {
      flagId: row!.id,
      subjectKind: input.subjectKind,
      responsibleOrganisationId: input.responsibleOrganisationId,
      raisedByOrganisationId: actor.organisationId,
      pcode,
      dueOn: dayOf(dueAt),
    },
  });
  return row!.id;
}

async function flagForUpdate(tx: Tx, id: string) {
  const [row] = await tx.select().from(forumFlags).where(eq(forumFlags.id, id)).for('update');
  if (!row) throw notFound('flag');
  return row;
}

export async function screenFlag(
  ctx: RequestContext,
  id: string,
  input: ScreenRequest,
  now = new Date(),
): Promise<Flag> {
  const actor = authorize(ctx, 'flag:screen');
  await inTransaction(ctx.db, (tx) => writeScreening(tx, actor, id, input, now));
  return flagView(ctx.db, id, true, now);
}

/** A protection officer's check of the flag or of its answer: cleared (public) or withheld (holds personal data). */
export async function writeScreening(tx: Tx, actor: Actor, id: string, input: ScreenRequest, now: Date): Promise<void> {
  const flag = await flagForUpdate(tx, id);
  if (input.part === 'answer' && flag.answer === null) throw refused('forum_flag_not_answered');
  await tx
    .update(forumFlags)
    .set(
      input.part === 'flag'
        ? { screening: input.screening, screenedBy: actor.userId, screenedAt: now }
        : { answerScreening: input.screening },
    )
    .where(eq(forumFlags.id, id));
  await appendAudit(tx, {
    type: 'forum.flag_screened',
    actor: auditActorOf(actor),
    subject: `forum-flag:${id}`,
    details: {
      flagId: id,
      subjectKind: flag.subjectKind as Flag['subjectKind'],
      responsibleOrganisationId: flag.responsibleOrganisationId,
      part: input.part,
      screening: input.screening,
    },
  });
}

export async function answerFlag(
  ctx: RequestContext,
  id: string,
  input: FlagAnswerRequest,
  now = new Date(),
): Promise<Flag> {
  const actor = authorize(ctx, 'flag:answer');
  await inTransaction(ctx.db, (tx) => writeFlagAnswer(tx, actor, id, input, now));
  return flagView(ctx.db, id, true, now);
}

/** The responsible organisation's formal answer; no other organisation may answer on its behalf. */
export async function writeFlagAnswer(
  tx: Tx,
  actor: Actor,
  id: string,
  input: FlagAnswerRequest,
  now: Date,
): Promise<void> {
  const flag = await flagForUpdate(tx, id);
  if (flag.responsibleOrganisationId !== actor.organisationId) throw notYours('forum_flag_not_responsible');
  if (flag.answer !== null) throw refused('forum_flag_answered');
  await tx
    .update(forumFlags)
    .set({ answer: input.answer, answeredAt: now, answeredBy: actor.userId, answerScreening: 'pending' })
    .where(eq(forumFlags.id, id));
  await appendAudit(tx, {
    type: 'forum.flag_answered',
    actor: auditActorOf(actor),
    subject: `forum-flag:${id}`,
    details: {
      flagId: id,
      subjectKind: flag.subjectKind as Flag['subjectKind'],
      responsibleOrganisationId: flag.responsibleOrganisationId,
      pcode: flag.pcode,
      withinServiceLevel: now <= flag.dueAt,
    },
  });
}

// ----------------------------------------------------------------------------------------------------- reads

export async function listFlags(ctx: RequestContext, query: FlagListQuery): Promise<FlagList> {
  const actor = authorize(ctx, 'forum:read');
  const conditions: SQL[] = [];
  if (query.queue === 'mine') conditions.push(eq(forumFlags.responsibleOrganisationId, actor.organisationId));
  if (query.queue === 'raised') conditions.push(eq(forumFlags.raisedByOrganisationId, actor.organisationId));
  if (query.queue === 'screening') {
    conditions.push(or(eq(forumFlags.screening, 'pending'), eq(forumFlags.answerScreening, 'pending'))!);
  }
  return { items: await flagViews(ctx.db, query, conditions, true, new Date()) };
}

export async function getFlag(ctx: RequestContext, id: string): Promise<Flag> {
  authorize(ctx, 'forum:read');
  return flagView(ctx.db, id, true, new Date());
}

/** The public's flags: cleared ones only, with their answer once it too is cleared. */
export async function publicFlags(db: Database, query: FlagListQuery): Promise<FlagList> {
  return {
    items: await flagViews(
      db,
      { ...query, queue: undefined },
      [eq(forumFlags.screening, 'cleared')],
      false,
      new Date(),
    ),
  };
}

export async function publicFlag(db: Database, id: string): Promise<Flag> {
  const flag = await flagView(db, id, false, new Date());
  if (flag.screening !== 'cleared') throw notFound('flag');
  return flag;
}

/**
 * Whether the zone's class is under challenge: a cleared flag on it (or on a zone inside it) still waits for its
 * answer. The public zone page shows the mark until the answer is given.
 */
export async function zoneChallenge(db: Database, pcode: string, now = new Date()): Promise<ZoneChallenge> {
  const rows = await db
    .select()
    .from(forumFlags)
    .where(
      and(
        eq(forumFlags.subjectKind, 'zone_class'),
        eq(forumFlags.screening, 'cleared'),
        isNull(forumFlags.answeredAt),
        like(forumFlags.pcode, `${pcode}%`),
      ),
    )
    .orderBy(asc(forumFlags.dueAt));
  return {
    pcode,
    underChallenge: rows.length > 0,
    flags: rows.map((row) => ({
      id: row.id,
      period: row.subjectRef.split('@')[1] ?? '',
      dueAt: row.dueAt.toISOString(),
      overdue: row.dueAt < now,
    })),
  };
}

async function flagViews(db: Database, query: FlagListQuery, extra: SQL[], staff: boolean, now: Date): Promise<Flag[]> {
  const conditions = [...extra];
  if (query.pcode) conditions.push(eq(forumFlags.pcode, query.pcode));
  if (query.subjectKind) conditions.push(eq(forumFlags.subjectKind, query.subjectKind));
  if (query.state === 'answered') conditions.push(isNotNull(forumFlags.answeredAt));
  if (query.state === 'open') conditions.push(isNull(forumFlags.answeredAt));
  if (query.state === 'overdue')
    conditions.push(isNull(forumFlags.answeredAt), sql`${forumFlags.dueAt} < ${now.toISOString()}::timestamptz`);
  const rows = await db
    .select()
    .from(forumFlags)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(sql`${forumFlags.answeredAt} is not null`, asc(forumFlags.dueAt))
    .limit(500);
  const names = await organisationsByIds(db, [
    ...rows.map((row) => row.raisedByOrganisationId),
    ...rows.map((row) => row.responsibleOrganisationId),
  ]);
  const organisation = (id: string) => ({ id, name: names.get(id)?.name ?? '' });
  return rows.map((row) => {
    const answerShown = staff || row.answerScreening === 'cleared';
    return {
      id: row.id,
      subjectKind: row.subjectKind as Flag['subjectKind'],
      subjectRef: row.subjectRef,
      pcode: row.pcode,
      raisedBy: organisation(row.raisedByOrganisationId),
      responsible: organisation(row.responsibleOrganisationId),
      concern: row.concern,
      evidence: row.evidence,
      raisedAt: row.createdAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      overdue: row.answeredAt === null && row.dueAt < now,
      screening: row.screening as Flag['screening'],
      answer: answerShown ? row.answer : null,
      answeredAt: row.answeredAt?.toISOString() ?? null,
      answerScreening: row.answerScreening as Flag['answerScreening'],
      withinServiceLevel: row.answeredAt === null ? null : row.answeredAt <= row.dueAt,
    };
  });
}

async function flagView(db: Database, id: string, staff: boolean, now: Date): Promise<Flag> {
  const [row] = await db.select({ id: forumFlags.id }).from(forumFlags).where(eq(forumFlags.id, id));
  if (!row) throw notFound('flag');
  const [flag] = await flagViews(db, {}, [eq(forumFlags.id, id)], staff, now);
  return flag!;
}
