import { and, eq } from 'drizzle-orm';
import type {
  DocumentStatusRequest,
  HouseholdVoluntariness,
  RecordNeedsPlanRequest,
} from '../../shared/cases/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { reachableHousehold } from './access.ts';
import { openPerson, sealPerson } from './person-fields.ts';
import { readVoluntariness } from './presenters/voluntariness.ts';
import { caseHouseholds, casePeople } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * What must be ready for a person to travel, besides their choice: a plan for each of their specific needs, and
 * their documents in hand or being replaced. Both are eligibility rules. Which needs a person has stays
 * encrypted; only how many still lack a plan is kept in clear, for the rule.
 */

async function personOf(ctx: RequestContext, tx: RequestContext['db'], householdId: string, personId: string) {
  const household = await reachableHousehold({ ...ctx, db: tx }, householdId);
  if (household.closedAt !== null) throw new AppError('conflict', { params: { reason: 'case_closed' } });
  const [person] = await tx
    .select()
    .from(casePeople)
    .where(and(eq(casePeople.id, personId), eq(casePeople.householdId, household.id)))
    .for('update');
  if (!person) throw notFound('person');
  return { household, person };
}

/** Records the plan of one or more of a person's specific needs; a need the person does not have is refused. */
export async function recordNeedsPlan(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: RecordNeedsPlanRequest,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:counsel');
  const keyring = ctx.platform.keyring;
  await inTransaction(ctx.db, async (tx) => {
    const { household, person } = await personOf(ctx, tx, householdId, personId);
    const fields = await openPerson(tx, keyring, person);
    await recordAccess(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      recordType: 'case_person',
      recordId: person.id,
      purpose: 'case_management',
    });
    const plans = new Map(body.plans.map((plan) => [plan.need, plan.plan]));
    const unknown = [...plans.keys()].filter((need) => !fields.needs.some((had) => had.need === need));
    if (unknown.length > 0) {
      throw new AppError('validation_failed', { params: { reason: 'need_not_recorded', needs: unknown.join(', ') } });
    }
    const needs = fields.needs.map((had) =>
      plans.has(had.need) ? { need: had.need, plan: plans.get(had.need) } : had,
    );
    const sealed = await sealPerson(tx, keyring, { ...fields, needs });
    await tx
      .update(casePeople)
      .set({
        needsEnc: sealed.needsEnc,
        needsWithoutPlan: sealed.needsWithoutPlan,
        hasSpecificNeeds: sealed.hasSpecificNeeds,
      })
      .where(eq(casePeople.id, person.id));
    await tx.update(caseHouseholds).set({ updatedAt: new Date() }).where(eq(caseHouseholds.id, household.id));
    await appendAudit(tx, {
      type: 'cases.needs_plan_recorded',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `household:${household.id}`,
      details: { householdId: household.id, reference: household.reference, personId: person.id, needs: plans.size },
    });
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}

/** Whether a person's documents are in hand, being replaced, or missing. */
export async function setDocumentStatus(
  ctx: RequestContext,
  householdId: string,
  personId: string,
  body: DocumentStatusRequest,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:counsel');
  await inTransaction(ctx.db, async (tx) => {
    const { household, person } = await personOf(ctx, tx, householdId, personId);
    if (person.documentStatus === body.status) return;
    await tx.update(casePeople).set({ documentStatus: body.status }).where(eq(casePeople.id, person.id));
    await tx.update(caseHouseholds).set({ updatedAt: new Date() }).where(eq(caseHouseholds.id, household.id));
    await appendAudit(tx, {
      type: 'cases.household_updated',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `household:${household.id}`,
      details: { householdId: household.id, reference: household.reference, fields: ['document_status'] },
    });
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}
