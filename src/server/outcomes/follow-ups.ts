import { and, asc, eq, inArray, lt, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { FollowUpStatus } from '../../shared/outcomes/constants.ts';
import type {
  AssignFollowUp,
  FollowUp,
  FollowUpAttempt,
  FollowUpLink,
  FollowUpOrganisation,
  FollowUpPage,
  FollowUpQuery,
  MarkLost,
} from '../../shared/outcomes/schemas/follow-ups.ts';
import {
  type CaseFollowUpStatus,
  householdReferenceOf,
  scheduledFollowUpsDue,
  setCaseFollowUpStatus,
} from '../cases/follow-up-schedule.ts';
import { accountsWithRoles, displayNamesOf, organisationNameOf } from '../platform/accounts/directory.ts';
import { findOrganisationById } from '../platform/accounts/provisioning.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import {
  agreementInForce,
  authorize,
  can,
  findAgreementInForce,
  organisationsWithAgreementInForce,
} from '../platform/policy/policy.ts';
import { hashLinkCode, newLinkCode, normaliseLinkCode } from './link-codes.ts';
import { outcomePermissions } from './permissions.ts';
import { type FollowUpRow, presentFollowUp } from './presenters/follow-ups.ts';
import { headAgeGroupOf } from './response-writer.ts';
import { outcomeFollowUps } from './tables.ts';
import './events.ts';
import './problems.ts';

/**
 * Follow-ups of returned households after their return. The cases module schedules them at arrival (1, 3, 6 and
 * 12 months); each is opened here when it comes within the lead days of its due date, copying what the scores
 * are disaggregated by. The household's owner (its registering organisation) assigns it to a field organisation
 * (itself, or one under a data-sharing agreement in force for post-return monitoring of outcomes), which records
 * attempts to reach the household, issues its secure link, and records its answers (responses.ts). A follow-up
 * is reachable by its owner and by the organisation assigned, as a query condition: anyone else gets 404.
 */

const FU = outcomeFollowUps;
const OPEN = ['due', 'assigned', 'retry'] as const;
const DAY_MS = 86_400_000;

export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string =>
  dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

const notFound = () => new AppError('not_found', { params: { reason: 'outcome_follow_up' } });
const refuse = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('conflict', { params: { reason, ...params } });

/**
 * Which follow-ups an organisation reaches, as a condition on `outcome_follow_ups`: those of households it owns,
 * and those assigned to it while the owner's agreement for post-return monitoring of outcomes stays in force (a
 * revoked agreement ends the assigned organisation's access at the next read).
 */
export function reachableFollowUps(actor: Pick<Actor, 'organisationId'>): SQL {
  return sql`(${FU.organisationId} = ${actor.organisationId} or (${FU.assignedOrganisationId} = ${actor.organisationId}
    and ${agreementInForce(FU.organisationId, actor.organisationId, 'outcome', 'post_return_monitoring')}))`;
}

/**
 * Opens a follow-up for every scheduled one due within `leadDays` of `today` that has none yet, copying the zone,
 * state, cohort (the month of arrival), round, due date and the head of household's sex, age group and disability
 * (cases/follow-up-schedule.ts), and marks the schedule `open`. Idempotent: a schedule already opened is not
 * scheduled any more, and the follow-up's unique schedule id stops a concurrent run. Audited with the count,
 * when there is one. Answers how many it opened.
 */
export async function openDueFollowUps(
  db: Database,
  keyring: Keyring,
  today: string,
  leadDays: number,
): Promise<number> {
  const dueBy = addDays(today, leadDays);
  let opened = 0;
  // Read outside a transaction first: most calls (every list) find nothing to open.
  if ((await scheduledFollowUpsDue(db, keyring, dueBy, 1)).length === 0) return 0;
  for (;;) {
    const batch = await inTransaction(db, async (tx) => {
      const due = await scheduledFollowUpsDue(tx, keyring, dueBy, 500);
      if (due.length === 0) return { found: 0, inserted: 0 };
      const inserted = await tx
        .insert(FU)
        .values(
          due.map((row) => ({
            caseFollowUpId: row.caseFollowUpId,
            householdId: row.householdId,
            organisationId: row.organisationId,
            pcode: row.pcode,
            stateCode: row.stateCode,
            cohort: row.arrivedOn.slice(0, 7),
            round: row.monthsAfterArrival,
            dueOn: row.dueOn,
            status: 'due',
            headSex: row.headSex,
            headAgeGroup: headAgeGroupOf(Number(row.dueOn.slice(0, 4)) - row.headBirthYear),
            disability: row.disability,
          })),
        )
        .onConflictDoNothing({ target: FU.caseFollowUpId })
        .returning({ id: FU.id });
      // Those opened just now, and any opened before but still scheduled in cases (which would otherwise be
      // found again by every run), now say where they stand.
      await tellCasesWhereFollowUpsStand(
        tx,
        inArray(
          FU.caseFollowUpId,
          due.map((row) => row.caseFollowUpId),
        ),
      );
      if (inserted.length > 0) {
        await appendAudit(tx, {
          type: 'outcomes.follow_ups_opened',
          actor: null,
          subject: `outcome_follow_ups:${dueBy}`,
          details: { opened: inserted.length, dueBy },
        });
      }
      return { found: due.length, inserted: inserted.length };
    });
    opened += batch.inserted;
    if (batch.found < 500) return opened;
  }
}

/** How the cases module's schedule reads each follow-up status. */
const CASE_STATUS_OF: Record<FollowUpStatus, CaseFollowUpStatus> = {
  due: 'open',
  assigned: 'open',
  retry: 'open',
  done: 'done',
  lost: 'lost',
};

/**
 * Tells the cases module where the follow-ups `which` selects stand, from their rows here, so the
 * household page reads `open`, `done` or `lost` whichever way the round was opened, answered or given up: opened
 * from the schedule, answered through a form or a file, or loaded by the demo.
 */
export async function tellCasesWhereFollowUpsStand(tx: Database, which: SQL): Promise<void> {
  const rows = await tx.select({ caseFollowUpId: FU.caseFollowUpId, status: FU.status }).from(FU).where(which);
  const byStatus = Map.groupBy(rows, (row) => CASE_STATUS_OF[row.status as FollowUpStatus]);
  for (const [status, group] of byStatus)
    await setCaseFollowUpStatus(
      tx,
      group.map((row) => row.caseFollowUpId),
      status,
    );
}

/**
 * Opens the follow-ups coming due every hour wherever the API runs (registered by routes/follow-ups.ts), as the
 * gateway's counter cleanup does: one run at a time, stopped and awaited when the app closes.
 */
export async function followUpOpeningTimer(app: FastifyInstance): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    const { database, keyring, config } = app.platform;
    running = openDueFollowUps(database.db, keyring, dayOf(new Date()), config.outcomeFollowUps.leadDays)
      .then((opened) => {
        if (opened > 0) app.log.info({ opened }, 'outcome follow-ups opened');
      })
      .catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: unknown };
        app.log.error({ err: { type: name, code } }, 'opening outcome follow-ups failed');
      })
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, 3600_000);
    timer.unref();
    tick();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

const listColumns = {
  row: FU,
  reference: householdReferenceOf(FU.householdId),
  organisationName: organisationNameOf(FU.organisationId),
  assignedOrganisationName: organisationNameOf(FU.assignedOrganisationId),
};

async function rowsOf(db: Database, where: SQL | undefined, page?: { limit: number; offset: number }) {
  let query = db.select(listColumns).from(FU).where(where).orderBy(asc(FU.dueOn), asc(FU.id)).$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = await query;
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => (r.row.assignedTo ? [r.row.assignedTo] : [])),
  );
  return rows.map(
    (r): FollowUpRow => ({
      ...r.row,
      reference: r.reference,
      organisationName: r.organisationName,
      assignedOrganisationName: r.assignedOrganisationName,
      assignedToName: r.row.assignedTo ? (names.get(r.row.assignedTo) ?? null) : null,
    }),
  );
}

const viewerOf = (ctx: RequestContext, actor: Actor) => ({
  organisationId: actor.organisationId,
  today: dayOf(new Date()),
  maxAttempts: ctx.platform.config.outcomeFollowUps.attempts,
});

/**
 * The follow-ups the organisation reaches, earliest due first, by status, due date, round and zone (a P-code
 * and the zones within it); overdue ones flagged. Opens what has come due first, so the list is never stale.
 */
export async function listFollowUps(ctx: RequestContext, query: FollowUpQuery): Promise<FollowUpPage> {
  const actor = authorize(ctx, 'followup:record');
  const today = dayOf(new Date());
  await openDueFollowUps(ctx.db, ctx.platform.keyring, today, ctx.platform.config.outcomeFollowUps.leadDays);
  const where = and(
    reachableFollowUps(actor),
    query.status ? eq(FU.status, query.status) : undefined,
    query.dueBefore ? lte(FU.dueOn, query.dueBefore) : undefined,
    query.round !== undefined ? eq(FU.round, query.round) : undefined,
    query.zone ? sql`${FU.pcode} like ${`${query.zone}%`}` : undefined,
    query.overdue === 'true' ? and(lt(FU.dueOn, today), inArray(FU.status, [...OPEN])) : undefined,
    query.overdue === 'false' ? or(sql`${FU.dueOn} >= ${today}`, notInArray(FU.status, [...OPEN])) : undefined,
  );
  const [total] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(FU).where(where);
  const rows = await rowsOf(ctx.db, where, query);
  const viewer = viewerOf(ctx, actor);
  return { total: total?.n ?? 0, items: rows.map((row) => presentFollowUp(row, viewer)) };
}

/** The follow-up, when the actor's organisation reaches it; otherwise 404. */
async function reachable(db: Database, actor: Actor, id: string, lock = false): Promise<typeof FU.$inferSelect> {
  const query = db
    .select()
    .from(FU)
    .where(and(eq(FU.id, id), reachableFollowUps(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function followUpDetail(ctx: RequestContext, id: string): Promise<FollowUp> {
  const actor = authorize(ctx, 'followup:record');
  const [row] = await rowsOf(ctx.db, and(eq(FU.id, id), reachableFollowUps(actor)));
  if (!row) throw notFound();
  return presentFollowUp(row, viewerOf(ctx, actor));
}

async function present(ctx: RequestContext, actor: Actor, id: string): Promise<FollowUp> {
  const [row] = await rowsOf(ctx.db, eq(FU.id, id));
  return presentFollowUp(row!, viewerOf(ctx, actor));
}

const isOpen = (status: string) => (OPEN as readonly string[]).includes(status);

/** Whom the owner may assign its follow-ups to: itself, then organisations under a monitoring agreement. */
export async function followUpOrganisations(ctx: RequestContext): Promise<FollowUpOrganisation[]> {
  const actor = authorize(ctx, 'followup:manage');
  const others = await organisationsWithAgreementInForce(
    ctx.db,
    actor.organisationId,
    'outcome',
    'post_return_monitoring',
  );
  const own = await findOrganisationById(ctx.db, actor.organisationId);
  return [
    { id: actor.organisationId, name: own?.name ?? '', own: true },
    ...others.map((org) => ({ ...org, own: false })),
  ];
}

/**
 * The owner assigns a follow-up still to do to a field organisation (itself, or one under an agreement in force
 * for post-return monitoring covering outcomes) and a mode, optionally a person of that organisation who does
 * follow-ups. Reassigning keeps the attempts made. Only the owner: the organisation assigned gets 403.
 */
export async function assignFollowUp(ctx: RequestContext, id: string, input: AssignFollowUp): Promise<FollowUp> {
  const actor = authorize(ctx, 'followup:manage');
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachable(tx, actor, id, true);
    if (row.organisationId !== actor.organisationId) {
      throw new AppError('forbidden', { params: { reason: 'follow_up_owner_only' } });
    }
    if (!isOpen(row.status)) throw refuse('follow_up_closed');
    if (input.organisationId !== actor.organisationId) {
      const agreement = await findAgreementInForce(
        tx,
        actor.organisationId,
        input.organisationId,
        'outcome',
        'post_return_monitoring',
      );
      if (!agreement) throw refuse('follow_up_no_agreement');
    }
    const assigneeId = input.assigneeId ?? null;
    if (assigneeId) {
      const people = await accountsWithRoles(tx, input.organisationId, outcomePermissions['followup:record']);
      if (!people.some((person) => person.id === assigneeId)) throw refuse('follow_up_assignee_not_member');
    }
    await tx
      .update(FU)
      .set({
        assignedOrganisationId: input.organisationId,
        assignedTo: assigneeId,
        mode: input.mode,
        status: row.status === 'due' ? 'assigned' : row.status,
        updatedAt: new Date(),
      })
      .where(eq(FU.id, id));
    await appendAudit(tx, {
      type: 'outcomes.follow_up_assigned',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `outcome_follow_up:${id}`,
      details: {
        followUpId: id,
        householdId: row.householdId,
        organisationId: input.organisationId,
        assigneeId,
        mode: input.mode,
      },
    });
  });
  return present(ctx, actor, id);
}

/**
 * The follow-up, locked, for a step only the organisation assigned takes (an attempt, a link, the answers):
 * 404 out of reach, 409 when it is closed, not assigned yet, or assigned to another organisation.
 */
export async function followUpForRecording(tx: Database, actor: Actor, id: string): Promise<typeof FU.$inferSelect> {
  const row = await reachable(tx, actor, id, true);
  if (!isOpen(row.status)) throw refuse('follow_up_closed');
  if (row.status === 'due' || !row.assignedOrganisationId) throw refuse('follow_up_not_assigned');
  if (row.assignedOrganisationId !== actor.organisationId) throw refuse('follow_up_assigned_elsewhere');
  return row;
}

/**
 * An attempt to reach the household. Reached: the interview goes ahead (the answers are recorded next). Missed:
 * one more missed attempt, and the next is due in the retry days; after the last allowed missed attempt no more
 * attempts are taken, and the follow-up must be marked lost with a reason (409 until it is).
 */
export async function recordAttempt(ctx: RequestContext, id: string, input: FollowUpAttempt): Promise<FollowUp> {
  const actor = authorize(ctx, 'followup:record');
  const { attempts: maxAttempts, retryDays } = ctx.platform.config.outcomeFollowUps;
  await inTransaction(ctx.db, async (tx) => {
    const row = await followUpForRecording(tx, actor, id);
    if (row.attempts >= maxAttempts) throw refuse('follow_up_attempts_exhausted', { attempts: row.attempts });
    const missed = input.reached ? row.attempts : row.attempts + 1;
    await tx
      .update(FU)
      .set(
        input.reached
          ? { status: 'assigned', nextAttemptOn: null, updatedAt: new Date() }
          : {
              status: 'retry',
              attempts: missed,
              nextAttemptOn: missed >= maxAttempts ? null : addDays(dayOf(new Date()), retryDays),
              updatedAt: new Date(),
            },
      )
      .where(eq(FU.id, id));
    await appendAudit(tx, {
      type: 'outcomes.follow_up_attempted',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `outcome_follow_up:${id}`,
      details: { followUpId: id, householdId: row.householdId, attempt: row.attempts + 1, reached: input.reached },
    });
  });
  return present(ctx, actor, id);
}

/**
 * Marks a follow-up still to do as lost, with a reason: by the organisation assigned (after its attempts, or
 * earlier), or by the owner (who may know the household moved, or that a visit is unsafe). The household's
 * schedule reads `lost`; a link out stops working.
 */
export async function markLost(ctx: RequestContext, id: string, input: MarkLost): Promise<FollowUp> {
  const actor = authorize(ctx, 'followup:record');
  await inTransaction(ctx.db, async (tx) => {
    const row = await reachable(tx, actor, id, true);
    if (!isOpen(row.status)) throw refuse('follow_up_closed');
    const owner = row.organisationId === actor.organisationId && can(actor, 'followup:manage');
    if (!owner && row.assignedOrganisationId !== actor.organisationId) {
      throw refuse(row.assignedOrganisationId ? 'follow_up_assigned_elsewhere' : 'follow_up_not_assigned');
    }
    const now = new Date();
    await tx
      .update(FU)
      .set({
        status: 'lost',
        lostReason: input.reason,
        nextAttemptOn: null,
        linkTokenHash: null,
        linkExpiresAt: null,
        completedAt: now,
        updatedAt: now,
      })
      .where(eq(FU.id, id));
    await setCaseFollowUpStatus(tx, [row.caseFollowUpId], 'lost');
    await appendAudit(tx, {
      type: 'outcomes.follow_up_lost',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `outcome_follow_up:${id}`,
      details: { followUpId: id, householdId: row.householdId, reason: input.reason },
    });
  });
  return present(ctx, actor, id);
}

/**
 * Issues the household's secure link: a new random code (any earlier one stops working), valid the link days,
 * shown once in this answer. Only its keyed hash is stored. The household types it on the public page
 * `/follow-up`; the code is never part of an address.
 */
export async function issueLink(ctx: RequestContext, id: string): Promise<FollowUpLink> {
  const actor = authorize(ctx, 'followup:record');
  const code = newLinkCode();
  const expiresAt = new Date(Date.now() + ctx.platform.config.outcomeFollowUps.linkDays * DAY_MS);
  await inTransaction(ctx.db, async (tx) => {
    const row = await followUpForRecording(tx, actor, id);
    const hash = await hashLinkCode(tx, ctx.platform.keyring, normaliseLinkCode(code)!);
    await tx
      .update(FU)
      .set({ linkTokenHash: hash, linkExpiresAt: expiresAt, updatedAt: new Date() })
      .where(eq(FU.id, id));
    await appendAudit(tx, {
      type: 'outcomes.follow_up_link_issued',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `outcome_follow_up:${id}`,
      details: { followUpId: id, householdId: row.householdId, expiresOn: dayOf(expiresAt) },
    });
  });
  return { code, page: '/follow-up', expiresAt: expiresAt.toISOString() };
}

/** The follow-up a link's code opens while it works (open, not expired), or null. Locks it in a transaction. */
export async function followUpByLinkHash(
  db: Database,
  hash: string,
  now: Date,
  lock = false,
): Promise<typeof FU.$inferSelect | null> {
  const query = db
    .select()
    .from(FU)
    .where(
      and(
        eq(FU.linkTokenHash, hash),
        inArray(FU.status, ['assigned', 'retry']),
        sql`${FU.linkExpiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Marks a follow-up done with its response (in the caller's transaction), and its schedule in the cases module. */
export async function completeFollowUp(
  tx: Database,
  row: Pick<typeof FU.$inferSelect, 'id' | 'caseFollowUpId'>,
  responseId: string,
): Promise<void> {
  const now = new Date();
  await tx
    .update(FU)
    .set({
      status: 'done',
      responseId,
      nextAttemptOn: null,
      linkTokenHash: null,
      linkExpiresAt: null,
      completedAt: now,
      updatedAt: now,
    })
    .where(eq(FU.id, row.id));
  await setCaseFollowUpStatus(tx, [row.caseFollowUpId], 'done');
}
