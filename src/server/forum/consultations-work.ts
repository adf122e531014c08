import { and, count, eq, isNull, lte } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { forumComments, forumConsultations } from './tables.ts';
import { roleFor, workItem } from './work-support.ts';

/**
 * The comments of closed consultations that wait for their written answer (the draft cannot be published until
 * each has one), for those who answer them; said only when some wait.
 */
export async function consultationsWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'consultation:manage')) return [];
  const [waiting] = await ctx.db
    .select({ n: count() })
    .from(forumComments)
    .innerJoin(forumConsultations, eq(forumConsultations.id, forumComments.consultationId))
    .where(
      and(isNull(forumComments.answer), lte(forumConsultations.closesAt, now), isNull(forumConsultations.concludedAt)),
    );
  const n = waiting?.n ?? 0;
  return n > 0
    ? [workItem('forum.comments_to_answer', roleFor(actor, 'consultation:manage'), n, 'forum/consultations')]
    : [];
}
