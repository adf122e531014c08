import { and, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import { RECORD_ID } from '../../shared/forum/constants.ts';
import type { TimelineEntry, TimelinePage, TimelineQuery } from '../../shared/forum/schemas/timeline.ts';
import type { Database } from '../platform/db/client.ts';
import { forumTimeline } from './tables.ts';
import { syncTimeline } from './timeline-sync.ts';

/** The subject's public page, where one exists. */
function linkOf(row: typeof forumTimeline.$inferSelect): string | null {
  if (row.kind === 'zone_class_change' && row.pcode) return `/zones/${row.pcode}`;
  if (row.kind === 'flag') return row.pcode ? `/zones/${row.pcode}` : '/flags';
  if (row.kind === 'zone_publication') return '/zones';
  if (!row.subjectRef || !RECORD_ID.test(row.subjectRef)) return null;
  if (row.kind === 'meeting' || row.kind === 'decision') return `/meetings/${row.subjectRef}`;
  if (row.kind === 'commitment') return `/commitments/${row.subjectRef}`;
  if (row.kind === 'consultation') return `/consultations/${row.subjectRef}`;
  return null;
}

/**
 * The public timeline, newest first, a page at a time by keyset (occurred_at, id): filtered by state, zone (with
 * the zones inside it), body and kind. The log's newest entries are projected first.
 */
export async function publicTimeline(db: Database, query: TimelineQuery): Promise<TimelinePage> {
  await syncTimeline(db);
  return timelinePage(db, query);
}

/** One page of the timeline as stored (the benchmark reads it without the projection step). */
export async function timelinePage(db: Database, query: TimelineQuery): Promise<TimelinePage> {
  const conditions: SQL[] = [];
  if (query.state) conditions.push(eq(forumTimeline.stateCode, query.state));
  if (query.zone) conditions.push(like(forumTimeline.pcode, `${query.zone}%`));
  if (query.body) conditions.push(eq(forumTimeline.bodyCode, query.body));
  if (query.kind) conditions.push(eq(forumTimeline.kind, query.kind));
  if (query.cursor) {
    const [micros, id] = query.cursor.split('.') as [string, string];
    const at = sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;
    conditions.push(sql`(${forumTimeline.occurredAt}, ${forumTimeline.id}) < (${at}, ${id}::uuid)`);
  }
  const rows = await db
    .select({
      row: forumTimeline,
      micros: sql<string>`(extract(epoch from ${forumTimeline.occurredAt}) * 1000000)::bigint::text`,
    })
    .from(forumTimeline)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(forumTimeline.occurredAt), desc(forumTimeline.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(
      ({ row }): TimelineEntry => ({
        id: row.id,
        kind: row.kind as TimelineEntry['kind'],
        action: row.action,
        occurredAt: row.occurredAt.toISOString(),
        stateCode: row.stateCode,
        pcode: row.pcode,
        bodyCode: row.bodyCode,
        params: row.params,
        link: linkOf(row),
        log: { seq: row.auditSeq, proof: `/api/v1/public/log/proof/inclusion?seq=${row.auditSeq}` },
      }),
    ),
    nextCursor: rows.length > query.limit && last ? `${last.micros}.${last.row.id}` : null,
  };
}
