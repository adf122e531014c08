import fs from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { type Keyring, openKeyring } from '../crypto/keyring.ts';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { signCheckpoint } from './checkpoint.ts';
import { appendAuditBatch } from './log.ts';
import { rebuildHead, rehashEntry, withTampering } from './test-support.ts';
import { type VerifyLogResult, verifyLog } from './verify.ts';

let database: DatabaseHandle;
let dataDir: string;
let db: Database;
let keyring: Keyring;

const organisationId = newId();
const entries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    type: 'audit.signing_key_created' as const,
    actor: (from + i) % 3 === 0 ? null : { userId: newId(), organisationId },
    subject: `audit-signing-key:k${from + i}`,
    details: { keyId: `k${from + i}` },
  }));

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  db = database.db;
  keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
  // 20 entries, then the first checkpoint (creating the signing key appends one more: size 21; the entry that
  // records the checkpoint is 22); 9 more and a second checkpoint at 31 (recorded by 32); then 4 entries no
  // checkpoint covers yet (size 36).
  await appendAuditBatch(db, entries(1, 20));
  expect((await signCheckpoint(db, keyring))?.checkpoint.treeSize).toBe(21);
  await appendAuditBatch(db, entries(23, 9));
  expect((await signCheckpoint(db, keyring))?.checkpoint.treeSize).toBe(31);
  await appendAuditBatch(db, entries(33, 4));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Tampers inside a transaction, verifies what the tampered log looks like, then undoes the tampering. */
const verifyAfter = (tamper: (tx: Database) => Promise<void>, options = {}) =>
  withTampering(db, tamper, (tx) => verifyLog(tx, options));

const run = async (tx: Database, statement: SQL) => {
  await tx.execute(statement);
};

const failure = (result: VerifyLogResult) =>
  result.ok
    ? { ok: true }
    : { seq: result.firstBadSeq, reason: result.reason, checkpoint: result.checkpoint?.treeSize };

describe('verifying the transparency log', () => {
  it('passes an untouched log, with every checkpoint matched', async () => {
    const result = await verifyLog(db);
    expect(result).toMatchObject({
      ok: true,
      treeSize: 36,
      checkpointsVerified: 2,
      latestCheckpoint: { treeSize: 31 },
    });
    const paged = await verifyLog(db, { pageSize: 4, worker: true });
    expect(paged).toMatchObject({ ok: true, treeSize: 36, checkpointsVerified: 2 });
    expect(paged.ok && result.ok && paged.rootHash === result.rootHash).toBe(true);
  });

  it("leaves the planner settings of a caller's transaction as they were", async () => {
    const read = (tx: Database) =>
      queryRows(tx, sql`select current_setting('enable_seqscan') as seqscan, current_setting('work_mem') as memory`);
    const [before, after] = await db.transaction(async (tx) => {
      const settings = await read(tx);
      expect((await verifyLog(tx)).ok).toBe(true);
      return [settings, await read(tx)];
    });
    expect(after).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ seqscan: 'on' })]);
  });

  it('names an entry whose subject was altered', async () => {
    const result = await verifyAfter((tx) => run(tx, sql`update audit_entries set subject = 'user:x' where seq = 7`));
    expect(failure(result)).toEqual({ seq: 7, reason: 'entry_altered', checkpoint: undefined });
    expect(result.ok || result.message).toBe('seq 7 (the entry does not match its leaf hash)');
  });

  it('names an entry whose details were altered', async () => {
    const result = await verifyAfter((tx) =>
      run(tx, sql`update audit_details set details = '{"keyId":"forged"}' where seq = 9`),
    );
    expect(failure(result)).toMatchObject({ seq: 9, reason: 'details_altered' });
  });

  it('names a deleted entry, in the middle or at the end', async () => {
    const deleteEntry = (seq: number) => async (tx: Database) => {
      await run(tx, sql`delete from audit_details where seq = ${seq}`);
      await run(tx, sql`delete from audit_entries where seq = ${seq}`);
    };
    expect(failure(await verifyAfter(deleteEntry(12)))).toMatchObject({ seq: 12, reason: 'missing' });
    expect(failure(await verifyAfter(deleteEntry(36)))).toMatchObject({ seq: 36, reason: 'missing' });
    expect(failure(await verifyAfter(deleteEntry(12), { pageSize: 5, worker: true }))).toMatchObject({
      seq: 12,
      reason: 'missing',
    });
  });

  it('names a forged entry inserted after the end or before the start', async () => {
    const forge = (seq: number) => async (tx: Database) => {
      await run(
        tx,
        sql`insert into audit_entries (seq, recorded_at, event_type, subject, details_hash, leaf_hash)
            select ${seq}, recorded_at, event_type, 'user:forged', details_hash, leaf_hash from audit_entries where seq = 3`,
      );
      await run(
        tx,
        sql`insert into audit_details (seq, details) select ${seq}, details from audit_details where seq = 3`,
      );
      await rehashEntry(tx, seq);
    };
    expect(failure(await verifyAfter(forge(37)))).toMatchObject({ seq: 37, reason: 'not_in_head' });
    expect(failure(await verifyAfter(forge(0)))).toMatchObject({ seq: 0, reason: 'unexpected_entry' });
  });

  it('names the first of two entries whose places were swapped', async () => {
    const result = await verifyAfter(async (tx) => {
      await run(tx, sql`alter table audit_details drop constraint audit_details_seq_audit_entries_seq_fk`);
      for (const table of [sql`audit_details`, sql`audit_entries`]) {
        await run(tx, sql`update ${table} set seq = -5 where seq = 5`);
        await run(tx, sql`update ${table} set seq = 5 where seq = 8`);
        await run(tx, sql`update ${table} set seq = 8 where seq = -5`);
      }
    });
    expect(failure(result)).toMatchObject({ seq: 5, reason: 'entry_altered' });
  });

  it('names an entry with a field no entry can hold', async () => {
    const result = await verifyAfter((tx) =>
      run(tx, sql`update audit_entries set subject = ${'user:a\tb'} where seq = 14`),
    );
    expect(failure(result)).toMatchObject({ seq: 14, reason: 'unreadable' });
  });

  it('fails a consistently rewritten log against the earlier signed checkpoint', async () => {
    const rewrite = (seq: number) => async (tx: Database) => {
      await run(tx, sql`update audit_details set details = '{"keyId":"rewritten"}' where seq = ${seq}`);
      await rehashEntry(tx, seq);
      await rebuildHead(tx);
    };
    // Entry 25 lies between the checkpoints at 21 (still matching) and 31 (no longer matching).
    expect(failure(await verifyAfter(rewrite(25)))).toEqual({ seq: 22, reason: 'checkpoint_mismatch', checkpoint: 31 });
    expect(failure(await verifyAfter(rewrite(3)))).toEqual({ seq: 1, reason: 'checkpoint_mismatch', checkpoint: 21 });
    const worker = await verifyAfter(rewrite(25), { pageSize: 3, worker: true });
    expect(failure(worker)).toEqual({ seq: 22, reason: 'checkpoint_mismatch', checkpoint: 31 });
    expect(worker.ok || worker.message).toBe(
      'seq 22 (the log from here on no longer matches the checkpoint signed at size 31)',
    );
  });

  it('fails a rewritten unsigned tail against the head', async () => {
    const result = await verifyAfter(async (tx) => {
      await run(tx, sql`update audit_details set details = '{"keyId":"rewritten"}' where seq = 33`);
      await rehashEntry(tx, 33);
    });
    expect(failure(result)).toMatchObject({ seq: 32, reason: 'head_mismatch' });
  });

  it('fails a log cut short below a signed checkpoint, even with the head rebuilt', async () => {
    const result = await verifyAfter(async (tx) => {
      await run(tx, sql`delete from audit_details where seq > 29`);
      await run(tx, sql`delete from audit_entries where seq > 29`);
      await rebuildHead(tx);
    });
    expect(failure(result)).toEqual({ seq: 22, reason: 'checkpoint_beyond_log', checkpoint: 31 });
  });

  it('fails a checkpoint whose signature was altered', async () => {
    const result = await verifyAfter((tx) =>
      run(
        tx,
        sql`update audit_checkpoints set signature = ${Buffer.alloc(64, 1).toString('base64')} where tree_size = 31`,
      ),
    );
    expect(failure(result)).toEqual({ seq: 22, reason: 'checkpoint_signature_invalid', checkpoint: 31 });
  });
});

describe('verifying the stored tree nodes proofs are served from', () => {
  const corrupt = (level: number, index: number) => (tx: Database) =>
    run(tx, sql`update audit_tree_nodes set hash = ${'ab'.repeat(32)} where level = ${level} and index = ${index}`);

  it('names a corrupted node as the cache alone, the entries being intact', async () => {
    const result = await verifyAfter(corrupt(4, 1));
    expect(result).toMatchObject({ ok: false, reason: 'tree_node_altered', node: { level: 4, index: 1 } });
    expect(result.ok || result.message).toContain('the stored tree node at level 4, index 1');
    expect(result.ok || result.message).toContain('the entries are intact');
    expect(result.ok || result.message).toContain('--repair-cache');
    const paged = await verifyAfter(corrupt(5, 0), { pageSize: 7, worker: true });
    expect(paged).toMatchObject({ ok: false, reason: 'tree_node_altered', node: { level: 5, index: 0 } });
  });

  it('names a node stored outside the tree', async () => {
    const result = await verifyAfter((tx) =>
      run(tx, sql`insert into audit_tree_nodes (level, index, hash) values (4, 2, ${'cd'.repeat(32)})`),
    );
    expect(result).toMatchObject({ ok: false, reason: 'tree_node_unexpected', node: { level: 4, index: 2 } });
  });

  it('puts a tampered entry before a wrong node', async () => {
    const result = await verifyAfter(async (tx) => {
      await corrupt(4, 0)(tx);
      await run(tx, sql`update audit_entries set subject = 'user:x' where seq = 20`);
    });
    expect(result).toMatchObject({ ok: false, firstBadSeq: 20, reason: 'entry_altered', node: null });
  });

  it('accepts a node cache with nodes missing (proofs rebuild them)', async () => {
    const result = await verifyAfter((tx) => run(tx, sql`delete from audit_tree_nodes where level = 5`));
    expect(result.ok).toBe(true);
  });
});
