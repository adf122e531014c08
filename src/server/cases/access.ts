import { eq, type SQL, sql } from 'drizzle-orm';
import type { SharingPurpose } from '../../shared/vocabulary.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import { notFound } from '../platform/http/errors.ts';
import { agreementInForce } from '../platform/policy/policy.ts';
import { caseConsents, caseHouseholds, casePeople, caseShares } from './tables.ts';

export type HouseholdRow = typeof caseHouseholds.$inferSelect;

/**
 * Which households an organisation may see, as a condition on `case_households`: its own, and those shared
 * with it for the purpose while (1) the share has not ended, (2) a data-sharing agreement from the owner to it
 * covers case data for that purpose and is in force, and (3) every member's consent for that purpose stands.
 * Checked on every read, so revoking the agreement or withdrawing one consent ends access at once. It names
 * `case_households` by its table name: use it in queries on the table without an alias.
 */
export function reachableHouseholds(actor: Actor, purpose: SharingPurpose = 'case_management'): SQL {
  return sql`(${caseHouseholds.organisationId} = ${actor.organisationId} or exists (
    select 1 from ${caseShares} s
    where s.household_id = ${caseHouseholds.id}
      and s.to_organisation_id = ${actor.organisationId}
      and s.purpose = ${purpose}
      and s.ended_at is null
      and ${agreementInForce(caseHouseholds.organisationId, actor.organisationId, 'case', purpose)}
      and not exists (
        select 1 from ${casePeople} p where p.household_id = ${caseHouseholds.id} and not exists (
          select 1 from ${caseConsents} c
          where c.person_id = p.id and c.purpose = ${purpose} and c.withdrawn_at is null
        )
      )
  ))`;
}

/**
 * The household, when the actor's organisation may see it for `purpose` (see reachableHouseholds); otherwise
 * 404 `not_found`, so that nobody learns a household exists that they may not see.
 */
export async function reachableHousehold(
  ctx: Pick<RequestContext, 'db' | 'actor'>,
  householdId: string,
  purpose: SharingPurpose = 'case_management',
): Promise<HouseholdRow> {
  const actor = ctx.actor;
  if (!actor) throw notFound('household');
  const [row] = await ctx.db
    .select()
    .from(caseHouseholds)
    .where(sql`${eq(caseHouseholds.id, householdId)} and ${reachableHouseholds(actor, purpose)}`);
  if (!row) throw notFound('household');
  return row;
}

/** Whether the actor's organisation owns the household (registered it): only the owner shares it or closes it. */
export const ownsHousehold = (actor: Actor, household: Pick<HouseholdRow, 'organisationId'>): boolean =>
  actor.organisationId === household.organisationId;
