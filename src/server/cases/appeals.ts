import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { caseIsOpen, type DecisionKind } from '../../shared/cases/constants.ts';
import type {
  Appeal,
  AppealReviewer,
  HouseholdAppeals,
  LodgeAppealRequest,
  ReviewAppealRequest,
} from '../../shared/cases/schemas.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { organisationNameOf, organisationsWithRole } from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, conflict, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { reachableHousehold } from './access.ts';
import { dayAfter, openDecision } from './decisions.ts';
import { casePermissions } from './permissions.ts';
import { type AppealRow, presentAppeal, presentAppealableDecision } from './presenters/appeals.ts';
import { caseAppeals, caseDecisions, caseHouseholds } from './tables.ts';
import './events.ts';

/**
 * Appeals of decisions. The person or their representative appeals a decided decision; a case worker records
 * it, naming the organisation that reviews it, which is never the one that decided and must have reviewers.
 * Only that organisation's reviewers decide it, with a written outcome: upheld, overturned (the decision is
 * taken again: a new pending decision of the same kind) or referred. An appeal gives its reviewing organisation
 * sight of the appeal and the decision it is about, not of the rest of the household's file.
 */

const auditActor = (actor: Actor): AuditActor => ({ userId: actor.userId, organisationId: actor.organisationId });

/** The organisations whose active people may review appeals (hold a role with `appeal:review`), by name. */
export async function appealReviewers(ctx: RequestContext): Promise<AppealReviewer[]> {
  authorize(ctx, 'appeal:lodge');
  return reviewingOrganisations(ctx.db);
}

async function reviewingOrganisations(db: Database): Promise<AppealReviewer[]> {
  const roles: readonly Role[] = casePermissions['appeal:review'];
  const byId = new Map<string, AppealReviewer>();
  for (const role of roles) for (const org of await organisationsWithRole(db, role)) byId.set(org.id, org);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const appealColumns = {
  appeal: caseAppeals,
  reference: caseHouseholds.reference,
  decision: caseDecisions,
  decidingName: organisationNameOf(caseDecisions.organisationId),
  reviewerName: organisationNameOf(caseAppeals.reviewerOrganisationId),
};

async function openTexts(ctx: RequestContext, rows: AppealRow[]): Promise<Appeal[]> {
  const keyring = ctx.platform.keyring;
  const now = new Date();
  return Promise.all(
    rows.map(async (row) =>
      presentAppeal(
        row,
        {
          grounds: await keyring.decrypt(ctx.db, row.appeal.groundsEnc, 'narrative'),
          reasons: row.appeal.outcomeEnc ? await keyring.decrypt(ctx.db, row.appeal.outcomeEnc, 'narrative') : null,
        },
        now,
      ),
    ),
  );
}

/** A household's decisions (appealable or not) and its appeals with their grounds and outcomes (access-logged). */
export async function householdAppeals(ctx: RequestContext, householdId: string): Promise<HouseholdAppeals> {
  const actor = authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  const decisions = await ctx.db
    .select({ decision: caseDecisions, organisationName: organisationNameOf(caseDecisions.organisationId) })
    .from(caseDecisions)
    .where(eq(caseDecisions.householdId, household.id))
    .orderBy(asc(caseDecisions.openedAt));
  const rows = await ctx.db
    .select(appealColumns)
    .from(caseAppeals)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseAppeals.householdId))
    .innerJoin(caseDecisions, eq(caseDecisions.id, caseAppeals.decisionId))
    .where(eq(caseAppeals.householdId, household.id))
    .orderBy(desc(caseAppeals.lodgedAt));
  if (rows.length > 0) {
    await recordAccess(ctx.db, {
      actor: auditActor(actor),
      recordType: 'case_appeal',
      recordId: rows.map((row) => row.appeal.id),
      purpose: 'case_management',
    });
  }
  const pending = new Set(rows.filter((row) => row.appeal.status === 'pending').map((row) => row.appeal.decisionId));
  return {
    decisions: decisions.map((row) => presentAppealableDecision(row.decision, row.organisationName, pending)),
    appeals: await openTexts(ctx, rows),
  };
}

/**
 * Records an appeal of a decided decision, due by the appeal service level. Refused, with nothing written,
 * when the decision is pending, already under appeal, of a closed case, or when the reviewer named is the
 * deciding organisation or has nobody who may review appeals.
 */
export async function lodgeAppeal(ctx: RequestContext, decisionId: string, input: LodgeAppealRequest): Promise<Appeal> {
  const actor = authorize(ctx, 'appeal:lodge');
  const [decision] = await ctx.db.select().from(caseDecisions).where(eq(caseDecisions.id, decisionId));
  if (!decision) throw notFound('decision');
  const household = await reachableHousehold(ctx, decision.householdId).catch(() => {
    throw notFound('decision');
  });
  if (!caseIsOpen(household)) throw conflict('appeal_case_closed');
  if (decision.status !== 'decided') throw conflict('decision_not_decided');
  if (input.reviewerOrganisationId === decision.organisationId) throw conflict('reviewer_same_organisation');
  const reviewers = await reviewingOrganisations(ctx.db);
  if (!reviewers.some((org) => org.id === input.reviewerOrganisationId)) throw conflict('reviewer_not_reviewing');
  const now = new Date();
  const dueOn = dayAfter(now, ctx.platform.config.serviceLevels.appeal);
  const groundsEnc = await ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.grounds);
  const id = await inTransaction(ctx.db, async (tx) => {
    const [underAppeal] = await tx
      .select({ id: caseAppeals.id })
      .from(caseAppeals)
      .where(and(eq(caseAppeals.decisionId, decision.id), eq(caseAppeals.status, 'pending')))
      .for('update');
    if (underAppeal) throw conflict('appeal_pending');
    const [row] = await tx
      .insert(caseAppeals)
      .values({
        decisionId: decision.id,
        householdId: household.id,
        lodgedBy: input.lodgedBy,
        lodgedAt: now,
        groundsEnc,
        reviewerOrganisationId: input.reviewerOrganisationId,
        dueOn,
        status: 'pending',
        recordedBy: actor.userId,
      })
      .returning({ id: caseAppeals.id });
    await appendAudit(tx, {
      type: 'cases.appeal_lodged',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        appealId: row!.id,
        decisionId: decision.id,
        reviewerOrganisationId: input.reviewerOrganisationId,
        dueOn,
      },
    });
    return row!.id;
  });
  return (await appealsWhere(ctx, eq(caseAppeals.id, id)))[0]!;
}

async function appealsWhere(ctx: RequestContext, where: SQL | undefined): Promise<Appeal[]> {
  const rows = await ctx.db
    .select(appealColumns)
    .from(caseAppeals)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseAppeals.householdId))
    .innerJoin(caseDecisions, eq(caseDecisions.id, caseAppeals.decisionId))
    .where(where)
    .orderBy(asc(caseAppeals.dueOn), asc(caseAppeals.lodgedAt));
  return openTexts(ctx, rows);
}

/** The pending appeals the actor's organisation reviews, earliest due first (so the overdue come first). */
export async function appealQueue(ctx: RequestContext): Promise<Appeal[]> {
  const actor = authorize(ctx, 'appeal:review');
  const appeals = await appealsWhere(
    ctx,
    and(eq(caseAppeals.reviewerOrganisationId, actor.organisationId), eq(caseAppeals.status, 'pending')),
  );
  if (appeals.length > 0) {
    await recordAccess(ctx.db, {
      actor: auditActor(actor),
      recordType: 'case_appeal',
      recordId: appeals.map((appeal) => appeal.id),
      purpose: 'appeal_review',
    });
  }
  return appeals;
}

/**
 * Decides an appeal, for the reviewing organisation only: anyone else who can see the household is refused
 * (403), anyone who cannot gets 404. Overturned, the decision is taken again by its organisation: a new pending
 * decision of the same kind, due by its service level.
 */
export async function reviewAppeal(ctx: RequestContext, appealId: string, input: ReviewAppealRequest): Promise<Appeal> {
  const actor = authorize(ctx, 'appeal:review');
  const [found] = await ctx.db
    .select({ appeal: caseAppeals, decision: caseDecisions })
    .from(caseAppeals)
    .innerJoin(caseDecisions, eq(caseDecisions.id, caseAppeals.decisionId))
    .where(eq(caseAppeals.id, appealId));
  if (!found) throw notFound('appeal');
  const { appeal, decision } = found;
  if (appeal.reviewerOrganisationId !== actor.organisationId) {
    await reachableHousehold(ctx, appeal.householdId).catch(() => {
      throw notFound('appeal');
    });
    throw new AppError('forbidden', { params: { reason: 'not_appeal_reviewer' } });
  }
  // Lodging refuses it already; a second check costs nothing where independence is the point.
  if (decision.organisationId === actor.organisationId) {
    throw new AppError('forbidden', { params: { reason: 'reviewer_same_organisation' } });
  }
  const outcomeEnc = await ctx.platform.keyring.encrypt(ctx.db, 'narrative', input.reasons);
  const now = new Date();
  await inTransaction(ctx.db, async (tx) => {
    const [household] = await tx
      .select({
        id: caseHouseholds.id,
        reference: caseHouseholds.reference,
        stage: caseHouseholds.stage,
        closedAt: caseHouseholds.closedAt,
      })
      .from(caseHouseholds)
      .where(eq(caseHouseholds.id, appeal.householdId))
      .for('update');
    // A closed or withdrawn case takes no more decisions, the appeal's outcome included.
    if (!caseIsOpen(household!)) {
      throw conflict('appeal_case_closed');
    }
    const decided = await tx
      .update(caseAppeals)
      .set({ status: 'decided', outcome: input.outcome, outcomeEnc, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(caseAppeals.id, appeal.id), eq(caseAppeals.status, 'pending')))
      .returning({ id: caseAppeals.id });
    if (decided.length === 0) throw conflict('appeal_decided');
    await appendAudit(tx, {
      type: 'cases.appeal_decided',
      actor: auditActor(actor),
      subject: `household:${household!.id}`,
      details: {
        householdId: household!.id,
        reference: household!.reference,
        appealId: appeal.id,
        decisionId: decision.id,
        outcome: input.outcome,
      },
    });
    if (input.outcome === 'overturned') {
      await openDecision(tx, {
        household: household!,
        kind: decision.kind as DecisionKind,
        organisationId: decision.organisationId,
        levels: ctx.platform.config.serviceLevels,
        actor: auditActor(actor),
        now,
      });
    }
  });
  return (await appealsWhere(ctx, eq(caseAppeals.id, appeal.id)))[0]!;
}
