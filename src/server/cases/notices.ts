import { sql } from 'drizzle-orm';
import type { CaseNotice } from '../../shared/cases/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import { notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { type NoticeRow, presentNotice } from './presenters/movements.ts';
import { caseHouseholds, caseNotices } from './tables.ts';
import './permissions.ts';

/**
 * Notices: what a household's organisation must know and did not do itself (a movement suspended by a zone
 * downgrade, a closure or the day's check). Each organisation sees its own, newest first, until read.
 */
export async function listNotices(
  ctx: RequestContext,
  query: { unread?: 'true' | 'false' | undefined; limit: number },
): Promise<CaseNotice[]> {
  const actor = authorize(ctx, 'case:read');
  const rows = await queryRows<NoticeRow>(
    ctx.db,
    sql`select n.id, n.household_id, h.reference, n.kind, n.detail, n.created_at, n.read_at
      from ${caseNotices} n join ${caseHouseholds} h on h.id = n.household_id
      where n.organisation_id = ${actor.organisationId}
        ${query.unread === 'true' ? sql`and n.read_at is null` : query.unread === 'false' ? sql`and n.read_at is not null` : sql``}
      order by n.created_at desc, n.id limit ${query.limit}`,
  );
  return rows.map(presentNotice);
}

/** Marks one of the organisation's notices read (another organisation's is not found). */
export async function markNoticeRead(ctx: RequestContext, id: string): Promise<CaseNotice> {
  const actor = authorize(ctx, 'case:read');
  const [row] = await queryRows<NoticeRow>(
    ctx.db,
    sql`update ${caseNotices} n set read_at = coalesce(n.read_at, now()), read_by = coalesce(n.read_by, ${actor.userId})
      from ${caseHouseholds} h
      where n.id = ${id} and n.organisation_id = ${actor.organisationId} and h.id = n.household_id
      returning n.id, n.household_id, h.reference, n.kind, n.detail, n.created_at, n.read_at`,
  );
  if (!row) throw notFound('notice');
  return presentNotice(row);
}
