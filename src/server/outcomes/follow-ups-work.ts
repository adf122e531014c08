import { and, inArray, lt, sql } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { dayOf, reachableFollowUps } from './follow-ups.ts';
import { outcomePermissions } from './permissions.ts';
import { outcomeFollowUps } from './tables.ts';

const FU = outcomeFollowUps;

/**
 * Follow-up work for the signed-in person's organisation (the module's `work` declaration), as counts: for those
 * who assign, the follow-ups of its households due and not assigned yet; for those who do follow-ups, the ones
 * assigned to it still to do, and how many of those it reaches are overdue. Counts only; the list names them.
 */
export async function followUpWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = dayOf(now);
  const manage = can(actor, 'followup:manage');
  const record = can(actor, 'followup:record');
  if (!manage && !record) return [];
  const [counts] = await ctx.db
    .select({
      toAssign: sql<number>`count(*) filter (where ${FU.status} = 'due' and ${FU.organisationId} = ${actor.organisationId})::int`,
      inHand: sql<number>`count(*) filter (where ${FU.status} in ('assigned', 'retry') and ${FU.assignedOrganisationId} = ${actor.organisationId})::int`,
      overdue: sql<number>`count(*) filter (where ${and(lt(FU.dueOn, today), inArray(FU.status, ['due', 'assigned', 'retry']))})::int`,
    })
    .from(FU)
    .where(reachableFollowUps(actor));
  const item = (kind: string, permission: keyof typeof outcomePermissions, count: number, href: string): WorkItem => ({
    kind,
    role: actor.roles.find((role) => (outcomePermissions[permission] as readonly string[]).includes(role)) ?? '',
    count,
    href,
    entries: [],
    entryCount: 0,
  });
  // Said only when there is some, as the other modules' work: many roles do follow-ups, most have none waiting.
  const items: WorkItem[] = [];
  const toAssign = counts?.toAssign ?? 0;
  const inHand = counts?.inHand ?? 0;
  const overdue = counts?.overdue ?? 0;
  if (manage && toAssign > 0)
    items.push(item('outcomes.follow_ups_to_assign', 'followup:manage', toAssign, 'outcomes/follow-ups?status=due'));
  if (record && inHand > 0)
    items.push(item('outcomes.follow_ups_to_do', 'followup:record', inHand, 'outcomes/follow-ups'));
  if (record && overdue > 0)
    items.push(item('outcomes.follow_ups_overdue', 'followup:record', overdue, 'outcomes/follow-ups?overdue=true'));
  return items;
}
