import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { dayOf } from './follow-ups.ts';
import { outcomePermissions } from './permissions.ts';
import { reachableReferrals } from './referrals.ts';
import { outcomeAlerts, outcomeReferrals } from './tables.ts';

/**
 * Alert and referral work for the signed-in person's organisation, as counts, each said only when there is some:
 * for those who handle alerts, its open alerts; for those who answer referrals, the ones received and not answered
 * yet; and the referrals it sent or received that are past their deadline without an outcome.
 */
export async function alertWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const handles = can(actor, 'alert:handle');
  const receives = can(actor, 'referral:receive');
  const makes = can(actor, 'referral:make');
  const item = (kind: string, permission: keyof typeof outcomePermissions, count: number, href: string): WorkItem => ({
    kind,
    role: actor.roles.find((role) => (outcomePermissions[permission] as readonly string[]).includes(role)) ?? '',
    count,
    href,
    entries: [],
    entryCount: 0,
  });
  const items: WorkItem[] = [];
  if (handles) {
    const [open] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outcomeAlerts)
      .where(and(eq(outcomeAlerts.organisationId, actor.organisationId), eq(outcomeAlerts.status, 'open')));
    if ((open?.n ?? 0) > 0)
      items.push(item('outcomes.alerts_open', 'alert:handle', open!.n, 'outcomes/alerts?status=open'));
  }
  if (receives || makes) {
    const [counts] = await ctx.db
      .select({
        waiting: sql<number>`count(*) filter (where ${and(eq(outcomeReferrals.toOrganisationId, actor.organisationId), eq(outcomeReferrals.status, 'sent'))})::int`,
        overdue: sql<number>`count(*) filter (where ${and(lt(outcomeReferrals.dueOn, dayOf(now)), inArray(outcomeReferrals.status, ['sent', 'accepted']))})::int`,
      })
      .from(outcomeReferrals)
      .where(reachableReferrals(actor));
    if (receives && (counts?.waiting ?? 0) > 0)
      items.push(item('outcomes.referrals_waiting', 'referral:receive', counts!.waiting, 'outcomes/referrals'));
    if ((counts?.overdue ?? 0) > 0)
      items.push(
        item(
          'outcomes.referrals_overdue',
          makes ? 'referral:make' : 'referral:receive',
          counts!.overdue,
          'outcomes/referrals',
        ),
      );
  }
  return items;
}
