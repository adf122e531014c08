import { and, count, eq, lt } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { dayOf } from './support.ts';
import { forumCommitments } from './tables.ts';
import { roleFor, workItem } from './work-support.ts';

/** The commitments the person's organisation owns that are open past their due date (said only when some are). */
export async function commitmentsWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'commitment:update')) return [];
  const [overdue] = await ctx.db
    .select({ n: count() })
    .from(forumCommitments)
    .where(
      and(
        eq(forumCommitments.ownerOrganisationId, actor.organisationId),
        eq(forumCommitments.status, 'open'),
        lt(forumCommitments.dueOn, dayOf(now)),
      ),
    );
  const n = overdue?.n ?? 0;
  return n > 0
    ? [workItem('forum.commitments_overdue', roleFor(actor, 'commitment:update'), n, 'forum/commitments')]
    : [];
}
