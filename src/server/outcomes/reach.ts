import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { outcomeFollowUps } from './tables.ts';

/**
 * Which returned households an organisation may follow in outcome monitoring, as a query condition on a
 * household id column: those with a follow-up it owns (the household's registering organisation) or is assigned
 * to do. `owned` keeps only the first (alerts and referrals are the owner's business).
 */
export function followedHousehold(actor: Actor, householdId: AnyPgColumn | SQL | string, owned = false): SQL {
  const organisation = owned
    ? eq(outcomeFollowUps.organisationId, actor.organisationId)
    : or(
        eq(outcomeFollowUps.organisationId, actor.organisationId),
        eq(outcomeFollowUps.assignedOrganisationId, actor.organisationId),
      );
  return sql`exists (select 1 from ${outcomeFollowUps}
    where ${outcomeFollowUps.householdId} = ${householdId} and ${organisation})`;
}

/** 404 with a reason of the module, so that nobody learns that a record they may not see exists. */
export const outcomeNotFound = (reason: 'outcome_household' | 'outcome_alert' | 'outcome_referral') =>
  new AppError('not_found', { params: { reason, thing: reason.replace('outcome_', '') } });
