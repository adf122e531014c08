import type { AddressConditionsRequest, HouseholdVoluntariness } from '../../shared/cases/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { currentZoneClass } from '../zones/public-zones.ts';
import { reachableHousehold } from './access.ts';
import { readVoluntariness } from './presenters/voluntariness.ts';
import { caseConditionsAddressed } from './tables.ts';
import './events.ts';
import './permissions.ts';

/**
 * A conditionally conducive zone's conditions, addressed for one household (how, encrypted), for the publication
 * in force. The destination rule accepts them for that publication only: when a new class is published, they
 * are addressed again for it. Refused when the zone's class in force is not conditionally conducive, or when the
 * screen showed another publication than the one in force.
 */
export async function addressConditions(
  ctx: RequestContext,
  householdId: string,
  body: AddressConditionsRequest,
): Promise<HouseholdVoluntariness> {
  const actor = authorize(ctx, 'case:decide');
  await inTransaction(ctx.db, async (tx) => {
    const household = await reachableHousehold({ ...ctx, db: tx }, householdId);
    if (household.closedAt !== null) throw new AppError('conflict', { params: { reason: 'case_closed' } });
    const zone = await currentZoneClass(tx, household.intendedPcode, {
      freshMonths: ctx.platform.config.zoneClassFreshMonths,
    });
    if (zone.class !== 'conditionally_conducive') {
      throw new AppError('conflict', { params: { reason: 'no_conditions', zoneClass: zone.class } });
    }
    if (zone.publicationId !== body.publicationId) {
      throw new AppError('conflict', { params: { reason: 'zone_information_changed' } });
    }
    await tx.insert(caseConditionsAddressed).values({
      householdId: household.id,
      pcode: household.intendedPcode,
      publicationId: zone.publicationId,
      howEnc: await ctx.platform.keyring.encrypt(tx, 'narrative', body.how),
      recordedBy: actor.userId,
    });
    await appendAudit(tx, {
      type: 'cases.conditions_addressed',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        pcode: household.intendedPcode,
        publicationId: zone.publicationId,
      },
    });
  });
  return readVoluntariness(ctx, actor, await reachableHousehold(ctx, householdId));
}
