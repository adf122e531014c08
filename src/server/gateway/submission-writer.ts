import { PgTransaction } from 'drizzle-orm/pg-core';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, appendAuditBatch } from '../platform/audit/log.ts';
import type { Database } from '../platform/db/client.ts';
import { gatewayHistory, gatewaySubmissions } from './tables.ts';

type SubmissionRow = typeof gatewaySubmissions.$inferInsert & { id: string };

interface Pending {
  row: SubmissionRow;
  audit: AnyAuditEntryInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A batch never holds more than this many submissions, so that no transaction keeps the log's head for long. */
const MAX_BATCH = 200;

/**
 * Group commit for submissions. A burst of submissions (a radio announcement, a crowd at a crossing with one
 * Wi-Fi) arrives at once; writing each in a transaction of its own makes each wait for the transparency log's
 * head in turn. Submissions that arrive while a batch is being written wait for the next one, and each batch is
 * one transaction: the submissions, their first history entries and their audit entries in multi-row
 * statements. Every submission's promise settles only once its batch has committed, so an answer with a receipt
 * code always means the submission is stored. A batch that fails is written again one submission at a time, so
 * one bad row never takes its neighbours with it.
 */
class SubmissionBatcher {
  private pending: Pending[] = [];
  private running = false;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  add(row: SubmissionRow, audit: AnyAuditEntryInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, audit, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        // Let the submissions already on their way join this batch.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          await writeBatch(this.db, batch);
          for (const item of batch) item.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          for (const item of batch) {
            try {
              await writeBatch(this.db, [item]);
              item.resolve();
            } catch (single) {
              item.reject(single);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

async function writeBatch(db: Database, batch: readonly Pending[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.insert(gatewaySubmissions).values(batch.map((item) => item.row));
    await tx.insert(gatewayHistory).values(
      batch.map((item) => ({
        submissionId: item.row.id,
        entry: 'received',
        organisationId: item.row.organisationId,
        at: item.row.receivedAt,
      })),
    );
    await appendAuditBatch(
      tx,
      batch.map((item) => item.audit),
    );
  });
}

const batchers = new WeakMap<Database, SubmissionBatcher>();

/**
 * Stores a new submission with its first history entry and audit entry, and resolves once they are committed.
 * Inside a caller's transaction it writes there and then; otherwise it joins the database's next batch.
 */
export function storeSubmission(db: Database, row: SubmissionRow, audit: AnyAuditEntryInput): Promise<void> {
  if (db instanceof PgTransaction) {
    return writeBatch(db as unknown as Database, [{ row, audit, resolve: () => {}, reject: () => {} }]);
  }
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new SubmissionBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.add(row, audit);
}
