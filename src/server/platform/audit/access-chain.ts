import { hash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import { appendAudit } from './log.ts';
import { accessLog, accessLogHead, auditDetails, auditEntries } from './schema.ts';

/**
 * The access log as a hash chain. Row n's hash is the hex SHA-256 of one UTF-8 line of its fields joined by
 * tabs: seq, id, recorded_at in milliseconds since the epoch, actor user id, organisation id (both empty when
 * the system read), record type, record id, purpose, and prev_hash, the hash of row n - 1 (64 zeros for row
 * 1). No field can hold a tab or a line break (access.ts refuses them). The head (size and last hash) is
 * anchored in the transparency log whenever a checkpoint is signed, so a rewritten chain shows there.
 */
export const ACCESS_GENESIS_HASH = '0'.repeat(64);
export const ACCESS_ANCHOR_EVENT = 'audit.access_log_anchored';

export interface AccessChainFields {
  seq: number;
  id: string;
  recordedAt: Date;
  actorUserId: string | null;
  organisationId: string | null;
  recordType: string;
  recordId: string;
  purpose: string;
  prevHash: string;
}

/** The line a row's hash covers (the database writes the same line when it verifies: see readChainPage). */
export function accessChainLine(row: AccessChainFields): string {
  return [
    row.seq,
    row.id,
    row.recordedAt.getTime(),
    row.actorUserId ?? '',
    row.organisationId ?? '',
    row.recordType,
    row.recordId,
    row.purpose,
    row.prevHash,
  ].join('\t');
}

export const accessChainHash = (row: AccessChainFields): string => hash('sha256', accessChainLine(row), 'hex');

/**
 * Locks the chain's head until the transaction ends and returns it: appends take turns here, so the chain
 * stays one line however many requests record reads at once. Take it before the transparency log's head lock
 * when a transaction needs both.
 */
export async function lockAccessHead(tx: Database): Promise<{ size: number; headHash: string }> {
  const select = () =>
    tx
      .select({ size: accessLogHead.size, headHash: accessLogHead.headHash })
      .from(accessLogHead)
      .where(eq(accessLogHead.id, 1))
      .for('update');
  let [head] = await select();
  if (!head) {
    await tx
      .insert(accessLogHead)
      .values({ id: 1, size: 0, headHash: ACCESS_GENESIS_HASH, updatedAt: new Date() })
      .onConflictDoNothing();
    [head] = await select();
  }
  return head!;
}

export async function saveAccessHead(tx: Database, size: number, headHash: string): Promise<void> {
  await tx.update(accessLogHead).set({ size, headHash, updatedAt: new Date() }).where(eq(accessLogHead.id, 1));
}

/**
 * Records the access log's head in the transparency log when it moved since the last anchor. Called while
 * signing a checkpoint (under the transparency log's lock), so the checkpoint covers it. Reads the head without
 * locking it: a committed head is a true prefix of the chain whatever is appended meanwhile.
 */
export async function anchorAccessLog(tx: Database): Promise<boolean> {
  const [head] = await tx
    .select({ size: accessLogHead.size, headHash: accessLogHead.headHash })
    .from(accessLogHead)
    .where(eq(accessLogHead.id, 1));
  if (!head || head.size === 0) return false;
  const [last] = await anchors(tx, 1);
  if (last && last.size === head.size && last.headHash === head.headHash) return false;
  await appendAudit(tx, {
    type: ACCESS_ANCHOR_EVENT,
    actor: null,
    subject: `access-log:${head.size}`,
    details: { size: head.size, headHash: head.headHash },
  });
  return true;
}

export interface AccessAnchor {
  /** The transparency log entry that records it. */
  auditSeq: number;
  size: number;
  headHash: string;
}

/** The anchors in the transparency log, oldest first (or the latest `limit`, newest first). */
export async function anchors(db: Database, limit?: number): Promise<AccessAnchor[]> {
  const query = db
    .select({ auditSeq: auditEntries.seq, details: sql<string>`${auditDetails.details}::text` })
    .from(auditEntries)
    .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
    .where(eq(auditEntries.eventType, ACCESS_ANCHOR_EVENT))
    .$dynamic();
  const rows = limit ? await query.orderBy(desc(auditEntries.seq)).limit(limit) : await query.orderBy(auditEntries.seq);
  return rows.map((row) => {
    const details = JSON.parse(row.details) as { size: number; headHash: string };
    return { auditSeq: row.auditSeq, size: details.size, headHash: details.headHash };
  });
}

export type AccessChainReason =
  | 'access_entry_missing'
  | 'access_entry_unexpected'
  | 'access_entry_unreadable'
  | 'access_entry_altered'
  | 'access_link_broken'
  | 'access_not_in_head'
  | 'access_head_mismatch'
  | 'access_anchor_mismatch'
  | 'access_anchor_beyond_log';

export interface AccessChainProblem {
  /** The access log's seq of the first row that is wrong (or missing). */
  firstBadSeq: number;
  reason: AccessChainReason;
  /** For the anchor reasons: the transparency log entry holding the anchor. */
  anchorSeq?: number;
}

const PAGE = 50_000;

/**
 * Walks the chain in seq order: each row's hash, its link to the row before, no gaps, every anchor the
 * transparency log holds, and the head at the end. Returns the first problem and the rows checked. Call it
 * after the transparency log itself verified, so the anchors read from it are what was appended.
 */
export async function verifyAccessChain(
  tx: Database,
): Promise<{ problem: AccessChainProblem | undefined; size: number; anchorsMatched: number }> {
  const pending = await anchors(tx);
  const [head] = await tx
    .select({ size: accessLogHead.size, headHash: accessLogHead.headHash })
    .from(accessLogHead)
    .where(eq(accessLogHead.id, 1));
  let expected = 1;
  let prev = ACCESS_GENESIS_HASH;
  let anchor = 0;
  const fail = (firstBadSeq: number, reason: AccessChainReason, anchorSeq?: number) => ({
    problem: { firstBadSeq, reason, ...(anchorSeq === undefined ? {} : { anchorSeq }) },
    size: expected - 1,
    anchorsMatched: anchor,
  });
  // Anchors of the empty chain (none are written) and those already passed hold at every step.
  const anchorsAt = (size: number) => {
    while (pending[anchor] && pending[anchor]!.size <= size) {
      const { size: at, headHash, auditSeq } = pending[anchor]!;
      if (at !== size || headHash !== prev) return auditSeq;
      anchor += 1;
    }
    return undefined;
  };
  let lastAnchored = 0;
  for (let from = Number.MIN_SAFE_INTEGER; ; ) {
    const text = await readChainPage(tx, from);
    if (text === '') break;
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      const seq = Number(line.slice(0, tab));
      if (!Number.isSafeInteger(seq) || tab < 1) return fail(expected, 'access_entry_unreadable');
      if (seq < expected) return fail(seq, 'access_entry_unexpected');
      if (seq > expected) return fail(expected, 'access_entry_missing');
      const size = line.length;
      if (line[size - 65] !== '\t' || line[size - 130] !== '\t') return fail(seq, 'access_entry_unreadable');
      const content = line.slice(0, size - 65);
      if (hash('sha256', content, 'hex') !== line.slice(size - 64)) return fail(seq, 'access_entry_altered');
      if (content.slice(size - 129) !== prev) return fail(seq, 'access_link_broken');
      prev = line.slice(size - 64);
      const bad = anchorsAt(seq);
      if (bad !== undefined) return fail(lastAnchored + 1, 'access_anchor_mismatch', bad);
      if (pending[anchor - 1]?.size === seq) lastAnchored = seq;
      expected = seq + 1;
      from = seq + 1;
    }
  }
  const size = expected - 1;
  const beyond = pending[anchor];
  if (beyond) return fail(lastAnchored + 1, 'access_anchor_beyond_log', beyond.auditSeq);
  const stored = head ?? { size: 0, headHash: ACCESS_GENESIS_HASH };
  if (stored.size > size) return fail(size + 1, 'access_entry_missing');
  if (stored.size < size) return fail(stored.size + 1, 'access_not_in_head');
  if (stored.headHash !== prev) return fail(lastAnchored + 1, 'access_head_mismatch');
  return { problem: undefined, size, anchorsMatched: anchor };
}

/** Up to PAGE rows from seq `from` on, one line each: the hashed line, a tab, the stored hash. */
async function readChainPage(tx: Database, from: number): Promise<string> {
  const [page] = await queryRows<{ text: string | null }>(
    tx,
    sql`select string_agg(concat_ws(E'\t', seq, id, round(date_part('epoch', recorded_at) * 1000)::bigint,
          coalesce(actor_user_id::text, ''), coalesce(organisation_id::text, ''), record_type, record_id, purpose,
          prev_hash, hash), E'\n' order by seq) as text
        from (select * from ${accessLog} where seq >= ${from} order by seq limit ${PAGE}) as page`,
  );
  return page?.text ?? '';
}
