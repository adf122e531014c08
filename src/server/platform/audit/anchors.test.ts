import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { type Keyring, openKeyring } from '../crypto/keyring.ts';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.ts';
import { SigningKeyMismatchError, signCheckpoint } from './checkpoint.ts';
import { readHead } from './head.ts';
import { appendAuditBatch } from './log.ts';
import { rebuildHead, rehashEntry, withTampering } from './test-support.ts';
import { type VerifyLogResult, verifyLog } from './verify.ts';

let database: DatabaseHandle;
let dataDir: string;
let db: Database;
let keyring: Keyring;
let first: { treeSize: number; rootHash: string; time: Date };
let second: { treeSize: number; rootHash: string; time: Date; keyId: string };

const entries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    type: 'audit.signing_key_created' as const,
    actor: null,
    subject: `audit-signing-key:a${from + i}`,
    details: { keyId: `a${from + i}` },
  }));

const failure = (result: VerifyLogResult) =>
  result.ok
    ? { ok: true }
    : { seq: result.firstBadSeq, reason: result.reason, checkpoint: result.checkpoint?.treeSize };

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  db = database.db;
  keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
  // 5 entries and the key's creation: the checkpoint at 6, recorded by 7; 3 more: the checkpoint at 10, recorded by 11.
  await appendAuditBatch(db, entries(1, 5));
  first = (await signCheckpoint(db, keyring))!.checkpoint;
  await appendAuditBatch(db, entries(8, 3));
  second = (await signCheckpoint(db, keyring))!.checkpoint;
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('each checkpoint recorded in the log', () => {
  it('is the entry right after it, with its size, root and key', async () => {
    expect([first.treeSize, second.treeSize]).toEqual([6, 10]);
    const rows = await queryRows<{ seq: number; subject: string; details: string }>(
      db,
      sql`select e.seq::int as seq, e.subject, d.details::text as details from audit_entries e
          join audit_details d on d.seq = e.seq where e.event_type = 'audit.checkpoint_signed' order by e.seq`,
    );
    expect(rows.map((r) => ({ seq: r.seq, subject: r.subject, details: JSON.parse(r.details) }))).toEqual([
      {
        seq: 7,
        subject: 'audit-checkpoint:6',
        details: { treeSize: 6, rootHash: first.rootHash, keyId: second.keyId, signedAt: first.time.toISOString() },
      },
      {
        seq: 11,
        subject: 'audit-checkpoint:10',
        details: { treeSize: 10, rootHash: second.rootHash, keyId: second.keyId, signedAt: second.time.toISOString() },
      },
    ]);
  });

  it('does not count as growth: signing again signs nothing and appends nothing', async () => {
    const again = await signCheckpoint(db, keyring);
    expect(again).toMatchObject({ signed: false, checkpoint: { treeSize: 10 } });
    expect((await readHead(db))?.treeSize).toBe(11);
  });
});

describe('audit verify and deleted checkpoints', () => {
  it('fails when every checkpoint row was deleted, naming the entry that records the first', async () => {
    const result = await withTampering(
      db,
      async (tx) => {
        await tx.execute(sql`delete from audit_checkpoints`);
      },
      (tx) => verifyLog(tx),
    );
    expect(failure(result)).toEqual({ seq: 7, reason: 'checkpoint_missing', checkpoint: 6 });
    expect(result.ok || result.message).toBe(
      'seq 7 (it records a checkpoint signed at size 6 that the database no longer holds)',
    );
  });

  it('fails when only the latest was deleted', async () => {
    const deleted = await withTampering(
      db,
      async (tx) => {
        await tx.execute(sql`delete from audit_checkpoints where tree_size = 10`);
      },
      (tx) => verifyLog(tx),
    );
    expect(failure(deleted)).toEqual({ seq: 11, reason: 'checkpoint_missing', checkpoint: 10 });
  });

  it('names an altered recording entry as altered, not its checkpoint as missing', async () => {
    const result = await withTampering(
      db,
      async (tx) => {
        await tx.execute(sql`delete from audit_checkpoints where tree_size = 10`);
        await tx.execute(sql`update audit_details set details = '{"forged":true}' where seq = 7`);
      },
      (tx) => verifyLog(tx),
    );
    expect(failure(result)).toMatchObject({ seq: 7, reason: 'details_altered' });
  });
});

describe('audit verify against a checkpoint held outside', () => {
  const outside = (treeSize: number, rootHash: string) => [
    { treeSize, rootHash, signedAt: '2026-01-01T00:00:00.000Z', signatureValid: true },
  ];

  it('passes when the log contains it, without counting it among its own', async () => {
    const result = await verifyLog(db, { outside: outside(6, first.rootHash) });
    expect(result).toMatchObject({ ok: true, checkpointsVerified: 2 });
  });

  it('fails when the tree at its size has another root, or the log is shorter', async () => {
    expect(failure(await verifyLog(db, { outside: outside(8, first.rootHash) }))).toEqual({
      seq: 7,
      reason: 'checkpoint_mismatch',
      checkpoint: 8,
    });
    expect(failure(await verifyLog(db, { outside: outside(40, first.rootHash) }))).toEqual({
      seq: 11,
      reason: 'checkpoint_beyond_log',
      checkpoint: 40,
    });
  });

  it('fails a log rewritten so that nothing inside the database shows it', async () => {
    const forge = async (tx: Database) => {
      await tx.execute(sql`update audit_details set details = '{"keyId":"rewritten"}' where seq = 3`);
      await tx.execute(sql`delete from audit_checkpoints`);
      await tx.execute(
        sql`update audit_entries set event_type = 'audit.signing_key_created' where event_type = 'audit.checkpoint_signed'`,
      );
      for (const seq of [3, 7, 11]) await rehashEntry(tx, seq);
      await rebuildHead(tx);
    };
    expect(await withTampering(db, forge, (tx) => verifyLog(tx))).toMatchObject({ ok: true });
    const held = await withTampering(db, forge, (tx) => verifyLog(tx, { outside: outside(6, first.rootHash) }));
    expect(failure(held)).toEqual({ seq: 1, reason: 'checkpoint_mismatch', checkpoint: 6 });
  });
});

describe('a pinned signing key', () => {
  it('signs with the pinned key, and refuses any other or none', async () => {
    await appendAuditBatch(db, entries(12, 1));
    await expect(signCheckpoint(db, keyring, { pinnedKeyId: '0123456789abcdef' })).rejects.toThrow(
      SigningKeyMismatchError,
    );
    await expect(signCheckpoint(db, keyring, { pinnedKeyId: '0123456789abcdef' })).rejects.toThrow(
      `the transparency log's signing key is ${second.keyId}, but HOMEWARD_AUDIT_SIGNING_KEY_ID pins 0123456789abcdef`,
    );
    expect((await readHead(db))?.treeSize).toBe(12);
    const signed = await signCheckpoint(db, keyring, { pinnedKeyId: second.keyId });
    expect(signed).toMatchObject({ signed: true, checkpoint: { treeSize: 12, keyId: second.keyId } });

    const empty = await createTestDatabase();
    try {
      await expect(signCheckpoint(empty.database.db, keyring, { pinnedKeyId: second.keyId })).rejects.toThrow(
        'but the database holds no signing key',
      );
    } finally {
      await empty.database.close();
      fs.rmSync(empty.dataDir, { recursive: true, force: true });
    }
  });
});
