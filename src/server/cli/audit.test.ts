import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { latestCheckpoint } from '../platform/audit/checkpoint.ts';
import { appendAuditBatch } from '../platform/audit/log.ts';
import { presentCheckpoint } from '../platform/audit/presenter.ts';
import { rebuildHead, rehashEntry, withTampering } from '../platform/audit/test-support.ts';
import { type Keyring, openKeyring } from '../platform/crypto/keyring.ts';
import { type Database, type DatabaseHandle, openDatabase, queryRows } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { checkpointFromCli, verifyFromCli } from './audit.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/homeward.js');

const entries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    type: 'audit.signing_key_created' as const,
    actor: { userId: newId(), organisationId: newId() },
    subject: `audit-signing-key:c${from + i}`,
    details: { keyId: `c${from + i}` },
  }));

describe('homeward audit verify and checkpoint (in process)', () => {
  let database: DatabaseHandle;
  let dataDir: string;
  let db: Database;
  let keyring: Keyring;

  beforeAll(async () => {
    ({ database, dataDir } = await createTestDatabase());
    db = database.db;
    keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
    await appendAuditBatch(db, entries(1, 10));
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs the command on a tampered copy of the log (the tampering is rolled back afterwards). */
  const verifyTampered = (...statements: SQL[]) =>
    withTampering(
      db,
      async (tx) => {
        for (const statement of statements) await tx.execute(statement);
      },
      (tx) => verifyFromCli(tx),
    );

  it('signs a checkpoint when the log grew and prints it; prints the same one while it has not', async () => {
    const first = await checkpointFromCli(db, keyring);
    expect(first[0]).toBe('Signed a new checkpoint.');
    expect(first[1]).toBe('tree size  11');
    expect(first.join('\n')).toMatch(
      /root hash {2}[0-9a-f]{64}\ntime {7}\S+Z\nsignature {2}\S{88}\nkey id {5}[0-9a-f]{16}/,
    );
    const again = JSON.parse((await checkpointFromCli(db, keyring, { json: true }))[0]!);
    expect(again).toMatchObject({ treeSize: 11, signed: false, algorithm: 'Ed25519' });
    await appendAuditBatch(db, entries(13, 3)); // after 12, which records the checkpoint at 11
    expect((await checkpointFromCli(db, keyring))[1]).toBe('tree size  15');
  });

  it('passes an untouched log with exit status 0 and a one-line summary', async () => {
    const { exitCode, out, err } = await verifyFromCli(db);
    expect(exitCode).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^Transparency log intact: 16 entries, root [0-9a-f]{64}; 2 signed checkpoints match/);
    expect(out[0]).toContain('access log chain intact: 0 rows, 0 anchors match;');
  });

  it('fails with exit status 1 and names the first bad entry, however it was tampered with', async () => {
    const cases: [SQL[], string][] = [
      [[sql`update audit_entries set subject = 'user:someone-else' where seq = 6`], 'seq 6 (the entry does not match'],
      [
        [sql`delete from audit_details where seq = 9`, sql`delete from audit_entries where seq = 9`],
        'seq 9 (the entry is missing)',
      ],
      [
        [
          sql`insert into audit_entries select 17, recorded_at, actor_user_id, organisation_id, event_type, subject, details_hash, leaf_hash from audit_entries where seq = 2`,
          sql`insert into audit_details select 17, organisation_id, details from audit_details where seq = 2`,
        ],
        'seq 17 (the entry was not appended through the log)',
      ],
      [
        [
          sql`alter table audit_details drop constraint audit_details_seq_audit_entries_seq_fk`,
          sql`update audit_entries set seq = -1 where seq = 3`,
          sql`update audit_entries set seq = 3 where seq = 4`,
          sql`update audit_entries set seq = 4 where seq = -1`,
        ],
        'seq 3 (',
      ],
    ];
    for (const [statements, expected] of cases) {
      const { exitCode, out, err } = await verifyTampered(...statements);
      expect(exitCode, expected).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toContain(`homeward: first bad entry: ${expected}`);
    }
  });

  it('fails a log rewritten consistently, leaf hashes and head included, against the earlier checkpoint', async () => {
    // Entry 13 lies after the checkpoint at 11 (still matching) and before the one at 15 (no longer).
    const { exitCode, err } = await withTampering(
      db,
      async (tx) => {
        await tx.execute(sql`update audit_details set details = '{"keyId":"forged"}' where seq = 13`);
        await rehashEntry(tx, 13);
        await rebuildHead(tx);
      },
      (tx) => verifyFromCli(tx),
    );
    expect(exitCode).toBe(1);
    expect(err).toEqual([
      'homeward: first bad entry: seq 12 (the log from here on no longer matches the checkpoint signed at size 15)',
    ]);
  });

  it('with --checkpoint, fails a log cut below a checkpoint held outside, whose own record of it is gone too', async () => {
    const file = path.join(dataDir, 'held.json');
    fs.writeFileSync(file, JSON.stringify(presentCheckpoint((await latestCheckpoint(db))!)));
    expect((await verifyFromCli(db, { checkpoint: file })).exitCode).toBe(0);
    const { exitCode, err } = await withTampering(
      db,
      async (tx) => {
        await tx.execute(sql`delete from audit_details where seq > 12`);
        await tx.execute(sql`delete from audit_entries where seq > 12`);
        await tx.execute(sql`delete from audit_checkpoints where tree_size > 12`);
        await rebuildHead(tx);
      },
      (tx) => verifyFromCli(tx, { checkpoint: file }),
    );
    expect(exitCode).toBe(1);
    expect(err[0]).toMatch(
      new RegExp(
        `^homeward: the database's log does not contain the checkpoint in ${file} \\(size 15, root [0-9a-f]{64}\\): the log holds only 12 entries$`,
      ),
    );
  });

  it('tells a wrong node cache from a tampered entry, and rebuilds it with --repair-cache', async () => {
    const corrupted = async (tx: Database) => {
      await appendAuditBatch(tx, entries(16, 20));
      await tx.execute(sql`update audit_tree_nodes set hash = ${'ab'.repeat(32)} where level = 4 and index = 1`);
    };
    const plain = await withTampering(db, corrupted, (tx) => verifyFromCli(tx));
    expect(plain.exitCode).toBe(1);
    expect(plain.err).toEqual([
      'homeward: node cache: the stored tree node at level 4, index 1 does not match the entries ' +
        '(it covers entries from seq 17); the entries are intact; only the node cache, from which proofs are ' +
        'served, is wrong: `homeward audit verify --repair-cache` rebuilds it',
    ]);
    const repaired = await withTampering(db, corrupted, async (tx) => ({
      run: await verifyFromCli(tx, { repairCache: true }),
      node: await queryRows(tx, sql`select hash from audit_tree_nodes where level = 4 and index = 1`),
    }));
    expect(repaired.run.exitCode).toBe(0);
    expect(repaired.run.out[0]).toBe('Rebuilt the node cache from the entries (3 nodes).');
    expect(repaired.run.out[1]).toMatch(/^Transparency log intact: 36 entries/);
    expect(repaired.node).toEqual([{ hash: expect.not.stringMatching(/^(ab)+$/) }]);
  });

  it('names the first bad row of the access log', async () => {
    const { exitCode, err } = await withTampering(
      db,
      async (tx) => {
        await recordAccess(tx, { actor: null, recordType: 'person', recordId: ['p-1', 'p-2'], purpose: 'audit' });
        await tx.execute(sql`update access_log set record_id = 'p-3' where seq = 2`);
      },
      (tx) => verifyFromCli(tx),
    );
    expect(exitCode).toBe(1);
    expect(err).toEqual(['homeward: first bad access log row: access log seq 2 (the row does not match its hash)']);
  });

  it('prints the result as JSON on request, with the same exit status', async () => {
    const { exitCode, out } = await verifyFromCli(db, { json: true });
    expect(exitCode).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ ok: true, treeSize: 16, checkpointsVerified: 2 });
  });
});

describe('homeward audit (the real command)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-audit-'));
  const env = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  const homeward = (...args: string[]) =>
    run(process.execPath, [bin, ...args, '--data-dir', dataDir], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('signs, verifies, and exits 1 naming the entry once the stored log is altered', { timeout: 180_000 }, async () => {
    const signed = await homeward('audit', 'checkpoint');
    expect(signed.code).toBe(0);
    expect(signed.stdout).toContain('tree size  1\n');
    const intact = await homeward('audit', 'verify');
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toMatch(/^Transparency log intact: 2 entries, /); // the key's creation, the checkpoint's

    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`update audit_entries set subject = 'audit-signing-key:forged' where seq = 1`);
    await database.close();
    const tampered = await homeward('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toBe('');
    expect(tampered.stderr.trim()).toBe('homeward: first bad entry: seq 1 (the entry does not match its leaf hash)');
    expect((await homeward('audit', 'verify', '--no-such-option')).code).toBe(2);
  });
});
