import { and, count, eq, ne } from 'drizzle-orm';
import type { WorkItem } from '../../shared/work.ts';
import type { RequestContext } from '../platform/context.ts';
import { can } from '../platform/policy/policy.ts';
import { openCounts } from './inbox.ts';
import { gatewayPermissions } from './permissions.ts';
import { gatewayRevealRequests, gatewaySubmissions } from './tables.ts';

/**
 * The gateway's work for the signed-in person (the module's `work` declaration), as counts, each only when there
 * is some: their organisation's open items they may see, and how many are overdue; for a protection officer, the
 * requests to reveal a submitter's contact that wait for a second officer (not their own).
 */
export async function gatewayWork(ctx: RequestContext, now = new Date()): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor || !can(actor, 'gateway:handle')) return [];
  const role = roleFor(actor.roles, 'gateway:handle');
  const item = (kind: string, itemRole: string, n: number, href: string): WorkItem => ({
    kind,
    role: itemRole,
    count: n,
    href,
    entries: [],
    entryCount: 0,
  });
  const { open, overdue } = await openCounts(ctx.db, actor, now);
  // Said only when there is some: many roles handle the inbox, and most organisations receive nothing.
  const items: WorkItem[] = [];
  if (open > 0) items.push(item('gateway.items_open', role, open, 'gateway/inbox'));
  if (overdue > 0) items.push(item('gateway.items_overdue', role, overdue, 'gateway/inbox?overdue=true'));
  if (can(actor, 'gateway:protect')) {
    const [pending] = await ctx.db
      .select({ n: count() })
      .from(gatewayRevealRequests)
      .innerJoin(gatewaySubmissions, eq(gatewaySubmissions.id, gatewayRevealRequests.submissionId))
      .where(
        and(
          eq(gatewayRevealRequests.status, 'pending'),
          ne(gatewayRevealRequests.requestedBy, actor.userId),
          eq(gatewaySubmissions.organisationId, actor.organisationId),
        ),
      );
    const n = pending?.n ?? 0;
    if (n > 0) items.push(item('gateway.reveals_to_decide', 'protection_officer', n, 'gateway/inbox'));
  }
  return items;
}

const roleFor = (roles: readonly string[], permission: keyof typeof gatewayPermissions): string =>
  roles.find((role) => (gatewayPermissions[permission] as readonly string[]).includes(role)) ?? roles[0] ?? '';
