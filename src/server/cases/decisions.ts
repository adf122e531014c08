import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { caseIsOpen, DECISION_OUTCOMES, type DecisionKind, OPEN_CASE_STAGES } from '../../shared/cases/constants.ts';
import {
  type DecideRequest,
  type Decision,
  type DecisionQueue,
  type DecisionQueueQuery,
  decisionCursorOf,
  type HouseholdDecisions,
  parseDecisionCursor,
} from '../../shared/cases/schemas.ts';
import type { ServiceLevels } from '../config.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit, appendAuditBatch } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { reachableHousehold, reachableHouseholds } from './access.ts';
import { dayOf, evaluateEligibility, failedRules } from './eligibility.ts';
import { presentDecision, presentQueuedDecision } from './presenters/decisions.ts';
import { suspendHouseholds } from './suspensions.ts';
import { caseDecisions, caseHouseholds, caseMovementHouseholds, caseMovements } from './tables.ts';
import './permissions.ts';
import './events.ts';

/** The day `days` after `now`, as `YYYY-MM-DD` (UTC). */
export const dayAfter = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export interface OpenDecision {
  household: { id: string; reference: string };
  kind: DecisionKind;
  /** The organisation responsible for deciding. */
  organisationId: string;
  levels: ServiceLevels;
  /** Who asks, or null for the system (an import from the command line). */
  actor: AuditActor | null;
  now?: Date;
}

/** Decisions opened in one statement; their audit entries go in one batch. */
const DECISIONS_PER_STATEMENT = 1000;

/**
 * Opens a pending decision, due by the service level of its kind, and logs it: the one way every part of the
 * module (registration, the voluntariness file, departure planning) asks for a decision. Run inside the
 * caller's transaction, so the decision and what asked for it are written together.
 */
export async function openDecision(tx: Database, open: OpenDecision): Promise<{ id: string; dueOn: string }> {
  const [opened] = await openDecisions(tx, [open]);
  return opened!;
}

/**
 * Opens several decisions as openDecision opens one, in a few multi-row statements with their audit entries
 * in one batch: for the import path, which opens a registration decision for each of thousands of households.
 */
export async function openDecisions(
  tx: Database,
  opens: readonly OpenDecision[],
): Promise<{ id: string; dueOn: string }[]> {
  const opened: { id: string; dueOn: string }[] = [];
  for (let i = 0; i < opens.length; i += DECISIONS_PER_STATEMENT) {
    const chunk = opens.slice(i, i + DECISIONS_PER_STATEMENT).map((open) => {
      const now = open.now ?? new Date();
      return { id: newId(), open, now, dueOn: dayAfter(now, open.levels[open.kind]) };
    });
    await tx.insert(caseDecisions).values(
      chunk.map(({ id, open, now, dueOn }) => ({
        id,
        householdId: open.household.id,
        kind: open.kind,
        organisationId: open.organisationId,
        openedAt: now,
        dueOn,
        status: 'pending',
      })),
    );
    await appendAuditBatch(
      tx,
      chunk.map(({ id, open, dueOn }) => ({
        type: 'cases.decision_opened' as const,
        actor: open.actor,
        subject: `household:${open.household.id}`,
        details: {
          householdId: open.household.id,
          reference: open.household.reference,
          decisionId: id,
          kind: open.kind,
          organisationId: open.organisationId,
          dueOn,
        },
      })),
    );
    opened.push(...chunk.map(({ id, dueOn }) => ({ id, dueOn })));
  }
  return opened;
}

/**
 * Deciding a pending decision: only by its responsible organisation, never on a closed or withdrawn case, with
 * an outcome of its kind and a written rationale (encrypted). The eligibility rows at the time are stored on the
 * decision. An `eligible` outcome, or a departure `approved`, is refused while any rule fails, naming the rules:
 * no decision-maker can override the non-refoulement guard (nor, here, any other rule). An eligibility decision
 * moves the case to `eligible` or `not_eligible`.
 */
export async function decide(ctx: RequestContext, decisionId: string, body: DecideRequest): Promise<Decision> {
  const actor = authorize(ctx, 'case:decide');
  const now = new Date();
  await inTransaction(ctx.db, async (tx) => {
    const [decision] = await tx.select().from(caseDecisions).where(eq(caseDecisions.id, decisionId)).for('update');
    if (!decision) throw notFound('decision');
    const household = await reachableHousehold({ ...ctx, db: tx }, decision.householdId);
    if (decision.organisationId !== actor.organisationId) {
      throw new AppError('forbidden', { params: { reason: 'not_responsible' } });
    }
    if (!caseIsOpen(household)) {
      throw new AppError('conflict', { params: { reason: 'case_closed' } });
    }
    if (decision.status !== 'pending') throw new AppError('conflict', { params: { reason: 'decision_decided' } });
    const kind = decision.kind as DecisionKind;
    const outcomes: readonly string[] = DECISION_OUTCOMES[kind];
    if (!outcomes.includes(body.outcome)) {
      throw new AppError('validation_failed', {
        params: { reason: 'outcome_for_kind', kind, outcomes: outcomes.join(', ') },
        errors: [{ field: 'body.outcome', code: 'outcome_for_kind', message: `must be one of ${outcomes.join(', ')}` }],
      });
    }
    const rows = await evaluateEligibility(tx, household.id, {
      freshMonths: ctx.platform.config.zoneClassFreshMonths,
      now,
    });
    const failed = failedRules(rows);
    if (REQUIRES_ELIGIBILITY.includes(body.outcome) && failed.length > 0) {
      throw new AppError('conflict', { params: { reason: 'not_eligible', rules: failed.join(', ') } });
    }
    await tx
      .update(caseDecisions)
      .set({
        status: 'decided',
        outcome: body.outcome,
        rationaleEnc: await ctx.platform.keyring.encrypt(tx, 'narrative', body.rationale),
        eligibility: rows,
        decidedBy: actor.userId,
        decidedAt: now,
      })
      .where(eq(caseDecisions.id, decision.id));
    if (kind === 'eligibility') {
      await tx
        .update(caseHouseholds)
        .set({ stage: body.outcome === 'eligible' ? 'eligible' : 'not_eligible', updatedAt: now })
        .where(eq(caseHouseholds.id, household.id));
    }
    if (kind === 'departure' && body.outcome === 'refused') {
      await takeOffPlannedMovements(
        tx,
        household.id,
        failed,
        { userId: actor.userId, organisationId: actor.organisationId },
        now,
      );
    }
    await appendAudit(tx, {
      type: 'cases.decision_made',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        decisionId: decision.id,
        kind,
        outcome: body.outcome,
        failedRules: failed,
      },
    });
  });
  const [decided] = await listDecisions(ctx, actor, { decisionId });
  return decided!;
}

/**
 * A refused departure takes the household off the planned movement it was on (reason `departure_refused`): it
 * goes back to `not_eligible` and its organisation gets a notice, as on a failed check on the day.
 */
async function takeOffPlannedMovements(
  tx: Database,
  householdId: string,
  failedRules: string[],
  actor: AuditActor,
  now: Date,
): Promise<void> {
  const onBoard = await tx
    .select({ movementId: caseMovementHouseholds.movementId, pcode: caseMovementHouseholds.destinationPcode })
    .from(caseMovementHouseholds)
    .innerJoin(caseMovements, eq(caseMovements.id, caseMovementHouseholds.movementId))
    .where(
      and(
        eq(caseMovementHouseholds.householdId, householdId),
        eq(caseMovementHouseholds.status, 'planned'),
        eq(caseMovements.status, 'planned'),
      ),
    );
  for (const { movementId, pcode } of onBoard) {
    await suspendHouseholds(
      tx,
      movementId,
      [{ householdId, pcode, reason: 'departure_refused', failedRules }],
      actor,
      now,
    );
  }
}

/** Outcomes that let a return go ahead: refused while any eligibility rule fails. */
const REQUIRES_ELIGIBILITY: readonly string[] = ['eligible', 'approved'];

/**
 * A new eligibility decision for a case found not eligible (or whose decision was decided otherwise), once its
 * facts changed: a flag closed, a plan recorded. Refused while one is pending.
 */
export async function requestEligibilityDecision(ctx: RequestContext, householdId: string): Promise<Decision> {
  const actor = authorize(ctx, 'case:decide');
  const opened = await inTransaction(ctx.db, async (tx) => {
    const household = await reachableHousehold({ ...ctx, db: tx }, householdId);
    if (!caseIsOpen(household)) {
      throw new AppError('conflict', { params: { reason: 'case_closed' } });
    }
    if (!['declared', 'eligible', 'not_eligible'].includes(household.stage)) {
      throw new AppError('conflict', { params: { reason: 'not_declared' } });
    }
    const [pending] = await tx
      .select({ id: caseDecisions.id })
      .from(caseDecisions)
      .where(
        and(
          eq(caseDecisions.householdId, household.id),
          eq(caseDecisions.kind, 'eligibility'),
          eq(caseDecisions.status, 'pending'),
        ),
      );
    if (pending) {
      throw new AppError('conflict', {
        params: { reason: 'decision_pending' },
        existing: { id: pending.id, href: `/api/v1/cases/households/${household.id}/decisions` },
      });
    }
    return openDecision(tx, {
      household,
      kind: 'eligibility',
      organisationId: household.organisationId,
      levels: ctx.platform.config.serviceLevels,
      actor: { userId: actor.userId, organisationId: actor.organisationId },
    });
  });
  const [decision] = await listDecisions(ctx, actor, { decisionId: opened.id });
  return decision!;
}

/** A household's decisions, newest first, with rationales (decrypted, the read recorded). */
export async function householdDecisions(ctx: RequestContext, householdId: string): Promise<HouseholdDecisions> {
  const actor = authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  return { decisions: await listDecisions(ctx, actor, { householdId: household.id }) };
}

async function listDecisions(
  ctx: RequestContext,
  actor: Actor,
  which: { householdId: string } | { decisionId: string },
): Promise<Decision[]> {
  const rows = await ctx.db
    .select({
      decision: caseDecisions,
      reference: caseHouseholds.reference,
      organisationName: organisationNameOf(caseDecisions.organisationId),
    })
    .from(caseDecisions)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseDecisions.householdId))
    .where(
      'householdId' in which
        ? eq(caseDecisions.householdId, which.householdId)
        : eq(caseDecisions.id, which.decisionId),
    )
    .orderBy(desc(caseDecisions.openedAt));
  const today = dayOf(new Date());
  const decisions = await Promise.all(
    rows.map(async ({ decision, reference, organisationName }) =>
      presentDecision(decision, {
        reference,
        organisationName,
        today,
        responsible: decision.organisationId === actor.organisationId,
        rationale:
          decision.rationaleEnc === null
            ? null
            : await ctx.platform.keyring.decrypt(ctx.db, decision.rationaleEnc, 'narrative'),
      }),
    ),
  );
  const read = rows.filter((row) => row.decision.rationaleEnc !== null).map((row) => row.decision.id);
  await recordAccess(ctx.db, {
    actor: { userId: actor.userId, organisationId: actor.organisationId },
    recordType: 'case_decision',
    recordId: read,
    purpose: 'case_management',
  });
  return decisions;
}

/**
 * The decisions queue: the pending decisions of the caller's organisation on open cases, overdue first, then by
 * due date; or, for a coordinator, every organisation's overdue ones (`view: overdue`). A queue names cases by
 * reference only: no personal data, so a coordinator sees another organisation's overdue decisions without
 * reaching its households. It is read a page at a time, by keyset: the order is due date, opening time, id, and
 * the cursor carries the last row's three keys; `total` and `overdue` count the whole queue.
 */
export async function decisionQueue(ctx: RequestContext, query: DecisionQueueQuery): Promise<DecisionQueue> {
  const actor = authorize(ctx, 'case:decide');
  const { view, limit } = query;
  if (view === 'overdue' && !actor.roles.includes('coordinator')) {
    throw new AppError('forbidden', { params: { reason: 'coordinators_only' } });
  }
  const after = query.cursor === undefined ? null : parseDecisionCursor(query.cursor);
  if (query.cursor !== undefined && after === null) throw badCursor();
  const today = dayOf(new Date());
  const where = and(
    eq(caseDecisions.status, 'pending'),
    inArray(caseHouseholds.stage, [...OPEN_CASE_STAGES]),
    sql`${caseHouseholds.closedAt} is null`,
    view === 'mine' ? eq(caseDecisions.organisationId, actor.organisationId) : lt(caseDecisions.dueOn, today),
    query.kind ? eq(caseDecisions.kind, query.kind) : undefined,
  );
  const [counts] = await ctx.db
    .select({ total: count(), overdue: sql<number>`(count(*) filter (where ${caseDecisions.dueOn} < ${today}))::int` })
    .from(caseDecisions)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseDecisions.householdId))
    .where(where);
  const rows = await ctx.db
    .select({
      decision: caseDecisions,
      openedAtMicros: sql<string>`(extract(epoch from ${caseDecisions.openedAt}) * 1000000)::bigint::text`,
      reference: caseHouseholds.reference,
      stage: caseHouseholds.stage,
      organisationName: organisationNameOf(caseDecisions.organisationId),
      reachable: sql<boolean>`${reachableHouseholds(actor)}`,
    })
    .from(caseDecisions)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseDecisions.householdId))
    .where(
      and(
        where,
        after
          ? sql`(${caseDecisions.dueOn}, ${caseDecisions.openedAt}, ${caseDecisions.id}) > (${after.dueOn}::date,
              timestamptz 'epoch' + ${after.openedAtMicros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(caseDecisions.dueOn), asc(caseDecisions.openedAt), asc(caseDecisions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    total: counts?.total ?? 0,
    overdue: counts?.overdue ?? 0,
    decisions: page.map(({ decision, reference, stage, organisationName, reachable }) =>
      presentQueuedDecision(decision, { reference, stage, organisationName, reachable, today }),
    ),
    nextCursor:
      rows.length > limit && last
        ? decisionCursorOf({ dueOn: last.decision.dueOn, openedAtMicros: last.openedAtMicros, id: last.decision.id })
        : null,
  };
}

/** A cursor this queue did not give (the route's schema refuses it first; a service caller gets the same). */
const badCursor = () =>
  new AppError('validation_failed', {
    errors: [{ field: 'querystring.cursor', code: 'cursor', message: 'not a cursor of this queue' }],
  });
