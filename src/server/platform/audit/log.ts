import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client.ts';
import { canonicalJson } from './canonical.ts';
import { type AuditEventSchemas, type AuditEventType, auditEventSchemas } from './events.ts';
import { inTransaction, lockHead, STORED_NODE_MIN_LEVEL, saveHead } from './head.ts';
import { LeafHasher } from './leaf.ts';
import { auditDetails, auditEntries, auditTreeNodes } from './schema.ts';

/** Who acted: a person in the organisation they acted for, or null for the system (CLI, jobs). */
export interface AuditActor {
  userId: string;
  organisationId: string;
}

export interface AuditEntryInput<T extends AuditEventType = AuditEventType> {
  type: T;
  actor: AuditActor | null;
  /** What the change is about, as `kind:id` (e.g. `user:0190…`): an identifier, never a name. */
  subject: string;
  details: AuditEventSchemas[T] extends z.ZodType ? z.infer<AuditEventSchemas[T]> : never;
}

/** Any one entry, whatever its type (for batches of mixed types). */
export type AnyAuditEntryInput = { [T in AuditEventType]: AuditEntryInput<T> }[AuditEventType];

/** A programming error: an entry that its event type's schema refuses. Never carries the values. */
export class AuditEntryError extends Error {
  override name = 'AuditEntryError';
}

export const AUDIT_SUBJECT = /^[a-z][a-z0-9_-]*:[A-Za-z0-9._:/-]{1,200}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROWS_PER_STATEMENT = 1000;
/** From this many entries on, rows go in as one JSON parameter per statement (bulk imports, the demo). */
const BULK_ROWS = 200;
const BULK_ROWS_PER_STATEMENT = 5000;

/**
 * Appends one entry to the transparency log. Call it inside the transaction that makes the change, so the
 * change and its entry commit together or not at all; it holds the log's head lock until that commit.
 */
export async function appendAudit<T extends AuditEventType>(
  db: Database,
  entry: AuditEntryInput<T>,
): Promise<{ seq: number }> {
  const [appended] = await appendAuditBatch(db, [entry as AnyAuditEntryInput]);
  return appended!;
}

/** Appends several entries under one lock and a few multi-row inserts (imports, bulk changes). */
export async function appendAuditBatch(
  db: Database,
  entries: readonly AnyAuditEntryInput[],
): Promise<{ seq: number }[]> {
  if (entries.length === 0) return [];
  const prepared = entries.map(prepare);
  return inTransaction(db, async (tx) => {
    const frontier = await lockHead(tx);
    const recordedAt = new Date();
    const hasher = new LeafHasher();
    const entryRows: (typeof auditEntries.$inferInsert)[] = [];
    const detailRows: (typeof auditDetails.$inferInsert)[] = [];
    const nodeRows: (typeof auditTreeNodes.$inferInsert)[] = [];
    const keepNode = (level: number, index: number, nodeHash: Buffer) => {
      if (level >= STORED_NODE_MIN_LEVEL) nodeRows.push({ level, index, hash: nodeHash.toString('hex') });
    };
    for (const entry of prepared) {
      const seq = frontier.size + 1;
      const leafHash = hasher.hash({ seq, recordedAtMs: recordedAt.getTime(), ...entry })!;
      frontier.append(leafHash, keepNode);
      entryRows.push({ seq, recordedAt, ...entry, leafHash: leafHash.toString('hex') });
      detailRows.push({ seq, organisationId: entry.organisationId, details: entry.details });
    }
    if (entryRows.length >= BULK_ROWS) {
      await insertBulk(tx, entryRows, detailRows, nodeRows);
    } else {
      for (let i = 0; i < entryRows.length; i += ROWS_PER_STATEMENT) {
        await tx.insert(auditEntries).values(entryRows.slice(i, i + ROWS_PER_STATEMENT));
        await tx.insert(auditDetails).values(detailRows.slice(i, i + ROWS_PER_STATEMENT));
      }
      for (let i = 0; i < nodeRows.length; i += ROWS_PER_STATEMENT) {
        await tx.insert(auditTreeNodes).values(nodeRows.slice(i, i + ROWS_PER_STATEMENT));
      }
    }
    await saveHead(tx, frontier);
    return entryRows.map(({ seq }) => ({ seq }));
  });
}

/**
 * The same rows as the multi-row inserts, through json_to_recordset: a large batch costs a few times less
 * than binding thousands of parameters. The details keep their exact canonical text (`json` keeps it as is).
 */
async function insertBulk(
  tx: Database,
  entryRows: readonly (typeof auditEntries.$inferInsert)[],
  detailRows: readonly (typeof auditDetails.$inferInsert)[],
  nodeRows: readonly (typeof auditTreeNodes.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < entryRows.length; i += BULK_ROWS_PER_STATEMENT) {
    const entries = JSON.stringify(entryRows.slice(i, i + BULK_ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${auditEntries} (seq, recorded_at, actor_user_id, organisation_id, event_type,
        subject, details_hash, leaf_hash)
      select r."seq", r."recordedAt", r."actorUserId", r."organisationId", r."eventType", r."subject",
        r."detailsHash", r."leafHash"
      from json_to_recordset(${entries}::json) as r("seq" bigint, "recordedAt" timestamptz, "actorUserId" uuid,
        "organisationId" uuid, "eventType" text, "subject" text, "detailsHash" text, "leafHash" text)`);
    const details = JSON.stringify(detailRows.slice(i, i + BULK_ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${auditDetails} (seq, organisation_id, details)
      select r."seq", r."organisationId", r."details"::json
      from json_to_recordset(${details}::json) as r("seq" bigint, "organisationId" uuid, "details" text)`);
  }
  for (let i = 0; i < nodeRows.length; i += BULK_ROWS_PER_STATEMENT) {
    const nodes = JSON.stringify(nodeRows.slice(i, i + BULK_ROWS_PER_STATEMENT));
    await tx.execute(sql`insert into ${auditTreeNodes} ("level", "index", "hash")
      select r."level", r."index", r."hash"
      from json_to_recordset(${nodes}::json) as r("level" smallint, "index" bigint, "hash" text)`);
  }
}

interface PreparedEntry {
  actorUserId: string | null;
  organisationId: string | null;
  eventType: string;
  subject: string;
  details: string;
  detailsHash: string;
}

function prepare(entry: AnyAuditEntryInput): PreparedEntry {
  const schema = (auditEventSchemas as Record<string, z.ZodType>)[entry.type];
  if (!schema) throw new AuditEntryError(`unknown audit event type "${entry.type}"`);
  if (!AUDIT_SUBJECT.test(entry.subject)) {
    throw new AuditEntryError(`audit subject for ${entry.type} must read kind:id`);
  }
  const actor = entry.actor && {
    userId: entry.actor.userId.toLowerCase(),
    organisationId: entry.actor.organisationId.toLowerCase(),
  };
  if (actor && !(UUID.test(actor.userId) && UUID.test(actor.organisationId))) {
    throw new AuditEntryError(`audit actor for ${entry.type} must be a user id and an organisation id`);
  }
  const parsed = schema.safeParse(entry.details);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(details)').join(', ');
    throw new AuditEntryError(`audit details for ${entry.type} do not match its schema: ${fields}`);
  }
  const details = canonicalJson(parsed.data);
  return {
    actorUserId: actor?.userId ?? null,
    organisationId: actor?.organisationId ?? null,
    eventType: entry.type,
    subject: entry.subject,
    details,
    detailsHash: hash('sha256', details, 'hex'),
  };
}
