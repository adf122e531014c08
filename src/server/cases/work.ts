import { and, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { OPEN_CASE_STAGES } from '../../shared/cases/constants.ts';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { dayOf } from './eligibility.ts';
import { casePermissions } from './permissions.ts';
import { caseAppeals, caseDecisions, caseHouseholds, caseNotices, caseProtectionFlags } from './tables.ts';

/**
 * The case work of the signed-in person (the module's `work` declaration), as counts only: a queue names cases
 * by reference, and the staff home shows no case at all. Decisions their organisation must take (and how many
 * are overdue); for a coordinator, every organisation's overdue decisions; for a protection officer, the open
 * protection flags on their organisation's cases. Whoever reads cases is told of their organisation's unread
 * movement notices, and whoever reviews appeals of the pending appeals sent to their organisation, each only
 * when there is one.
 */
export async function caseWork(ctx: RequestContext): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = dayOf(new Date());
  const items: WorkItem[] = [];
  const pending = (...conditions: Parameters<typeof and>) =>
    ctx.db
      .select({ n: count() })
      .from(caseDecisions)
      .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseDecisions.householdId))
      .where(
        and(
          eq(caseDecisions.status, 'pending'),
          inArray(caseHouseholds.stage, [...OPEN_CASE_STAGES]),
          sql`${caseHouseholds.closedAt} is null`,
          ...conditions,
        ),
      )
      .then(([row]) => row?.n ?? 0);
  const item = (kind: string, role: string, n: number, href: string): WorkItem => ({
    kind,
    role,
    count: n,
    href,
    entries: [],
    entryCount: 0,
  });
  if (can(actor, 'case:decide')) {
    const role = actor.roles.includes('case_worker') ? 'case_worker' : 'coordinator';
    items.push(
      item(
        'cases.decisions_due',
        role,
        await pending(eq(caseDecisions.organisationId, actor.organisationId)),
        'cases/decisions',
      ),
    );
    if (actor.roles.includes('coordinator')) {
      items.push(
        item(
          'cases.decisions_overdue',
          'coordinator',
          await pending(lt(caseDecisions.dueOn, today)),
          'cases/decisions?view=overdue',
        ),
      );
    }
  }
  if (can(actor, 'case:protect')) {
    const [flags] = await ctx.db
      .select({ n: count() })
      .from(caseProtectionFlags)
      .innerJoin(caseHouseholds, eq(caseHouseholds.id, caseProtectionFlags.householdId))
      .where(and(eq(caseProtectionFlags.status, 'open'), eq(caseHouseholds.organisationId, actor.organisationId)));
    items.push(item('cases.protection_flags_open', 'protection_officer', flags?.n ?? 0, 'cases'));
  }
  if (can(actor, 'case:read')) {
    const [notices] = await ctx.db
      .select({ n: count() })
      .from(caseNotices)
      .where(and(eq(caseNotices.organisationId, actor.organisationId), isNull(caseNotices.readAt)));
    const n = notices?.n ?? 0;
    if (n > 0) items.push(item('cases.notices_unread', roleFor(actor.roles, 'case:read'), n, 'cases/notices'));
  }
  if (can(actor, 'appeal:review')) {
    const [appeals] = await ctx.db
      .select({ n: count() })
      .from(caseAppeals)
      .where(and(eq(caseAppeals.reviewerOrganisationId, actor.organisationId), eq(caseAppeals.status, 'pending')));
    const n = appeals?.n ?? 0;
    if (n > 0) {
      items.push(item('cases.appeals_to_review', roleFor(actor.roles, 'appeal:review'), n, 'cases/appeals'));
    }
  }
  return items;
}

/** The first of the person's roles that holds the permission: whose work the item is. */
const roleFor = (roles: readonly string[], permission: keyof typeof casePermissions): string =>
  roles.find((role) => (casePermissions[permission] as readonly string[]).includes(role)) ?? roles[0] ?? '';
