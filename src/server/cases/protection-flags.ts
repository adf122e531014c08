import { and, eq } from 'drizzle-orm';
import type { CoercionIndicator } from '../../shared/cases/constants.ts';
import type { CloseFlagRequest, HouseholdVoluntariness, RaiseFlagRequest } from '../../shared/cases/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { type HouseholdRow, reachableHousehold } from './access.ts';
import { readVoluntariness } from './presenters/voluntariness.ts';
import { casePeople, caseProtectionFlags } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * Protection flags: a sign that a choice may not be free (threats, detention, documents or aid withheld, a
 * family member deciding for an adult). A flag is raised by the coercion indicators a counsellor records, or by
 * hand; while one is open the household is not eligible. Only a protection officer closes it, writing how it
 * was resolved (encrypted).
 */

const auditActor = (actor: Pick<Actor, 'userId' | 'organisationId'>) => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

/** Raises a flag inside the caller's transaction (a counselling session's, or a flag raised by hand). */
export async function raiseFlag(
  tx: Database,
  actor: Pick<Actor, 'userId' | 'organisationId'>,
  household: Pick<HouseholdRow, 'id' | 'reference'>,
  personId: string | null,
  indicators: readonly CoercionIndicator[],
): Promise<string> {
  const [flag] = await tx
    .insert(caseProtectionFlags)
    .values({
      householdId: household.id,
      personId,
      indicators: [...indicators],
      status: 'open',
      raisedBy: actor.userId,
    })
    .returning({ id: caseProtectionFlags.id });
  await appendAudit(tx, {
    type: 'cases.protection_flag_raised',
    actor: auditActor(actor),
    subject: `household:${household.id}`,
    details: {
      householdId: household.id,
      reference: household.reference,
      flagId: flag!.id,
      indicators: [...indicators],
    },
  });
  return flag!.id;
}

/** A flag raised by hand, by anyone who counsels the household, about one member or the whole household. */
export async function raiseFlagByHand(
  ctx: RequestContext,
  householdId: string,
  body: RaiseFlagRequest,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:counsel');
  await inTransaction(ctx.db, async (tx) => {
    const household = await reachableHousehold({ ...ctx, db: tx }, householdId);
    const personId = body.personId ?? null;
    if (personId !== null) {
      const [person] = await tx
        .select({ id: casePeople.id })
        .from(casePeople)
        .where(and(eq(casePeople.id, personId), eq(casePeople.householdId, household.id)));
      if (!person) throw notFound('person');
    }
    await raiseFlag(tx, actor, household, personId, [...new Set(body.indicators)]);
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}

/** A protection officer closes an open flag with its resolution. */
export async function closeFlag(
  ctx: RequestContext,
  householdId: string,
  flagId: string,
  body: CloseFlagRequest,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:protect');
  await inTransaction(ctx.db, async (tx) => {
    const household = await reachableHousehold({ ...ctx, db: tx }, householdId);
    const [flag] = await tx
      .select()
      .from(caseProtectionFlags)
      .where(and(eq(caseProtectionFlags.id, flagId), eq(caseProtectionFlags.householdId, household.id)))
      .for('update');
    if (!flag) throw notFound('protection_flag');
    if (flag.status !== 'open') throw new AppError('conflict', { params: { reason: 'flag_closed' } });
    await tx
      .update(caseProtectionFlags)
      .set({
        status: 'closed',
        closedAt: new Date(),
        closedBy: actor.userId,
        resolutionEnc: await ctx.platform.keyring.encrypt(tx, 'narrative', body.resolution),
      })
      .where(eq(caseProtectionFlags.id, flag.id));
    await appendAudit(tx, {
      type: 'cases.protection_flag_closed',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: { householdId: household.id, reference: household.reference, flagId: flag.id },
    });
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}
