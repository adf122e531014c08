import { sql } from 'drizzle-orm';
import {
  type CaseNotice,
  type NoticeListQuery,
  type NoticePage,
  noticeCursorOf,
  parseNoticeCursor,
} from '../../shared/cases/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import { queryRows } from '../platform/db/client.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { type NoticeRow, presentNotice } from './presenters/movements.ts';
import { caseHouseholds, caseNotices } from './tables.ts';
import './permissions.ts';

/**
 * Notices: what a household's organisation must know and did not do itself (a movement suspended by a zone
 * downgrade, a closure or the day's check). Each organisation sees its own, newest first, until read.
 *
 * They are read a page at a time, by keyset, so that notices marked read or sent while someone reads do not
 * shift the rows under them: the order is creation time, newest first, then id (a downgrade sends all its
 * notices at one instant, so only the id tells them apart), and the cursor carries the last row's two keys.
 * `total` counts every notice the filter matches (the unread ones: the number the staff home shows).
 */
export async function listNotices(ctx: RequestContext, query: NoticeListQuery): Promise<NoticePage> {
  const actor = authorize(ctx, 'case:read');
  const keys = query.cursor === undefined ? null : parseNoticeCursor(query.cursor);
  if (query.cursor !== undefined && keys === null) throw badCursor();
  const matching = sql`n.organisation_id = ${actor.organisationId}
    ${query.unread === 'true' ? sql`and n.read_at is null` : query.unread === 'false' ? sql`and n.read_at is not null` : sql``}`;
  const [total] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from ${caseNotices} n where ${matching}`,
  );
  let after = sql``;
  if (keys) {
    const at = sql`(timestamptz 'epoch' + ${keys.createdAtMicros}::bigint * interval '1 microsecond')`;
    after = sql`and (n.created_at < ${at} or (n.created_at = ${at} and n.id > ${keys.id}::uuid))`;
  }
  const rows = await queryRows<NoticeRow & { created_at_micros: string }>(
    ctx.db,
    sql`select n.id, n.household_id, h.reference, n.kind, n.detail, n.created_at, n.read_at,
        (extract(epoch from n.created_at) * 1000000)::bigint::text as created_at_micros
      from ${caseNotices} n join ${caseHouseholds} h on h.id = n.household_id
      where ${matching} ${after}
      order by n.created_at desc, n.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentNotice),
    total: total?.n ?? 0,
    nextCursor:
      rows.length > query.limit && last
        ? noticeCursorOf({ createdAtMicros: last.created_at_micros, id: last.id })
        : null,
  };
}

/** A cursor the notices list did not give (the route's schema refuses it first; a service caller gets the same). */
const badCursor = () =>
  new AppError('validation_failed', {
    errors: [{ field: 'querystring.cursor', code: 'cursor', message: 'not a cursor of the notices' }],
  });

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
