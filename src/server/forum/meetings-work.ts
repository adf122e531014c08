import { and, count, eq, isNotNull, notExists } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { forumBodyMembers, forumMeetings, forumMinutesApprovals } from './tables.ts';
import { roleFor, workItem } from './work-support.ts';

/** The minutes the person's organisation, a member of the body, has not approved yet (said only when some wait). */
export async function meetingsWork(ctx: RequestContext): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'minutes:approve')) return [];
  const [waiting] = await ctx.db
    .select({ n: count() })
    .from(forumMeetings)
    .innerJoin(
      forumBodyMembers,
      and(eq(forumBodyMembers.bodyId, forumMeetings.bodyId), eq(forumBodyMembers.organisationId, actor.organisationId)),
    )
    .where(
      and(
        eq(forumMeetings.status, 'held'),
        isNotNull(forumMeetings.minutes),
        notExists(
          ctx.db
            .select({ one: forumMinutesApprovals.meetingId })
            .from(forumMinutesApprovals)
            .where(
              and(
                eq(forumMinutesApprovals.meetingId, forumMeetings.id),
                eq(forumMinutesApprovals.organisationId, actor.organisationId),
              ),
            ),
        ),
      ),
    );
  const n = waiting?.n ?? 0;
  return n > 0 ? [workItem('forum.minutes_to_approve', roleFor(actor, 'minutes:approve'), n, 'forum/meetings')] : [];
}
