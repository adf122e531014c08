import { and, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { forumFlags } from './tables.ts';
import { roleFor, workItem } from './work-support.ts';

/**
 * What waits in the forum's flags, said only when there is some: the flags the person's organisation owes an
 * answer to (and how many are past their due date); for a protection officer, flags and answers to check for
 * personal data before they are public.
 */
export async function flagsWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const items: WorkItem[] = [];
  if (can(actor, 'flag:answer')) {
    // Owed and overdue in one read: the overdue are the owed past their due date.
    const [owed] = await ctx.db
      .select({ n: count(), late: sql<number>`count(*) filter (where ${lt(forumFlags.dueAt, now)})`.mapWith(Number) })
      .from(forumFlags)
      .where(and(eq(forumFlags.responsibleOrganisationId, actor.organisationId), isNull(forumFlags.answeredAt)));
    const role = roleFor(actor, 'flag:answer');
    if ((owed?.n ?? 0) > 0) items.push(workItem('forum.flags_to_answer', role, owed!.n, 'forum/flags'));
    if ((owed?.late ?? 0) > 0) items.push(workItem('forum.flags_overdue', role, owed!.late, 'forum/flags'));
  }
  if (can(actor, 'flag:screen')) {
    const [waiting] = await ctx.db
      .select({ n: count() })
      .from(forumFlags)
      .where(
        or(
          eq(forumFlags.screening, 'pending'),
          and(isNotNull(forumFlags.answeredAt), eq(forumFlags.answerScreening, 'pending')),
        ),
      );
    if ((waiting?.n ?? 0) > 0) {
      items.push(workItem('forum.flags_to_screen', roleFor(actor, 'flag:screen'), waiting!.n, 'forum/flags'));
    }
  }
  return items;
}
