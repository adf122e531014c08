import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditDetails, auditEntries } from './schema.ts';

/** A transparency-log entry as a module that projects the log (the forum's public timeline) reads it. */
export interface LoggedEntry {
  seq: number;
  recordedAt: Date;
  eventType: string;
  subject: string;
  organisationId: string | null;
  details: Record<string, unknown>;
}

/** Entries of these types after `afterSeq`, oldest first, at most `limit`. */
export async function entriesAfter(
  db: Database,
  afterSeq: number,
  types: readonly string[],
  limit: number,
): Promise<LoggedEntry[]> {
  const rows = await db
    .select({
      seq: auditEntries.seq,
      recordedAt: auditEntries.recordedAt,
      eventType: auditEntries.eventType,
      subject: auditEntries.subject,
      organisationId: auditEntries.organisationId,
      details: auditDetails.details,
    })
    .from(auditEntries)
    .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
    .where(and(gt(auditEntries.seq, afterSeq), inArray(auditEntries.eventType, [...types])))
    .orderBy(asc(auditEntries.seq))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    recordedAt: row.recordedAt,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  }));
}

/** The newest entry's sequence number (0 for an empty log). */
export async function latestSeq(db: Database): Promise<number> {
  const [row] = await db.select({ seq: max(auditEntries.seq) }).from(auditEntries);
  return Number(row?.seq ?? 0);
}
