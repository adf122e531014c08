import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import type { Checkpoint } from './checkpoint.ts';
import { auditEventSchemas } from './events.ts';
import { auditDetails, auditEntries } from './schema.ts';
import type { VerifyProblem } from './verifier.ts';

/** A checkpoint as the log itself records it (`audit.checkpoint_signed`, right after signing). */
export interface RecordedCheckpoint {
  seq: number;
  treeSize: number;
  rootHash: string;
  signedAt: string;
}

/**
 * The checkpoints the log records. Details that do not parse are left out here: verification's page checks
 * find such an entry altered at its own sequence number.
 */
export async function recordedCheckpoints(tx: Database): Promise<RecordedCheckpoint[]> {
  const rows = await queryRows<{ seq: string; details: string }>(
    tx,
    sql`select e.seq::text as seq, d.details::text as details
        from ${auditEntries} e join ${auditDetails} d on d.seq = e.seq
        where e.event_type = 'audit.checkpoint_signed' order by e.seq`,
  );
  const schema = auditEventSchemas['audit.checkpoint_signed'];
  return rows.flatMap((row) => {
    let details: unknown;
    try {
      details = JSON.parse(row.details);
    } catch {
      return [];
    }
    const parsed = schema.safeParse(details);
    return parsed.success ? [{ seq: Number(row.seq), ...parsed.data }] : [];
  });
}

/**
 * The first checkpoint the log records but the database no longer holds (deleted, or replaced by one of
 * another root), as a verification problem at the entry that records it.
 */
export function firstMissingCheckpoint(
  recorded: readonly RecordedCheckpoint[],
  stored: readonly Pick<Checkpoint, 'treeSize' | 'rootHash'>[],
): VerifyProblem | undefined {
  const held = new Set(stored.map((c) => `${c.treeSize}:${c.rootHash}`));
  const missing = recorded.find((r) => !held.has(`${r.treeSize}:${r.rootHash}`));
  return (
    missing && {
      firstBadSeq: missing.seq,
      reason: 'checkpoint_missing',
      checkpoint: { treeSize: missing.treeSize, signedAt: missing.signedAt },
    }
  );
}
