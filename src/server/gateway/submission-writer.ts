import { PgTransaction } from 'drizzle-orm/pg-core';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, appendAuditBatch } from '../platform/audit/log.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { insertJsonRows } from '../platform/db/json-rows.ts';
import { gatewayHistory, gatewaySubmissions } from './tables.ts';

type SubmissionRow = typeof gatewaySubmissions.$inferInsert & { id: string; receivedAt: Date; updatedAt: Date };

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

/** The batch's submissions and history entries, each table's rows sent as one JSON parameter. */
async function writeBatch(db: Database, batch: readonly Pending[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    await insertJsonRows(
      tx,
      gatewaySubmissions,
      batch.map((item) => submissionRecord(item.row)),
    );
    await insertJsonRows(
      tx,
      gatewayHistory,
      batch.map((item) => ({
        id: newId(),
        submission_id: item.row.id,
        entry: 'received',
        organisation_id: item.row.organisationId,
        at: item.row.receivedAt,
      })),
    );
    await appendAuditBatch(
      tx,
      batch.map((item) => item.audit),
    );
  });
}

/** A submission's columns by their database names, as the JSON of writeBatch carries them. */
function submissionRecord(row: SubmissionRow) {
  return {
    id: row.id,
    reference: row.reference,
    receipt_hash: row.receiptHash,
    kind: row.kind,
    complaint_category: row.complaintCategory ?? null,
    about_named_person: row.aboutNamedPerson ?? false,
    sensitive: row.sensitive,
    disclosure: row.disclosure,
    channel: row.channel,
    language: row.language,
    pcode: row.pcode ?? null,
    state_code: row.stateCode ?? null,
    transit_point_id: row.transitPointId ?? null,
    case_reference_enc: row.caseReferenceEnc ?? null,
    body_enc: row.bodyEnc,
    contact_enc: row.contactEnc ?? null,
    contact_consent: row.contactConsent ?? false,
    organisation_id: row.organisationId,
    status: row.status,
    due_at: row.dueAt ?? null,
    received_at: row.receivedAt,
    updated_at: row.updatedAt,
  };
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
