import fs from 'node:fs';
import { eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { type Keyring, openKeyring } from '../crypto/keyring.ts';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { recordAccess } from './access.ts';
import { ACCESS_ANCHOR_EVENT, accessChainHash } from './access-chain.ts';
import { signCheckpoint } from './checkpoint.ts';
import { accessLog, accessLogHead } from './schema.ts';
import { withTampering } from './test-support.ts';
import { type VerifyLogResult, verifyLog } from './verify.ts';

let database: DatabaseHandle;
let dataDir: string;
let db: Database;
let keyring: Keyring;
const actor = { userId: newId(), organisationId: newId() };

const read = (recordId: string | string[], purpose = 'case_management') =>
  recordAccess(db, { actor, recordType: 'person', recordId, purpose });
const run = async (tx: Database, statement: SQL) => {
  await tx.execute(statement);
};
const verifyAfter = (tamper: (tx: Database) => Promise<void>) => withTampering(db, tamper, (tx) => verifyLog(tx));
const failure = (result: VerifyLogResult) =>
  result.ok ? { ok: true } : { part: result.part, seq: result.firstBadSeq, reason: result.reason };
const anchorEntries = () =>
  queryRows<{ seq: number; details: string }>(
    db,
    sql`select e.seq::int as seq, d.details::text as details from audit_entries e join audit_details d using (seq)
        where e.event_type = ${ACCESS_ANCHOR_EVENT} order by e.seq`,
  );

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  db = database.db;
  keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
  // Five rows, anchored when the checkpoint is signed; then four more that no anchor covers yet.
  await read('p-1');
  await read(['p-2', 'p-3', 'p-4']);
  await read('p-5', 'protection_follow_up');
  await signCheckpoint(db, keyring);
  await read(['p-6', 'p-7']);
  await read(['p-8', 'p-9']);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the access log hash chain', () => {
  it('anchors the head in the transparency log when a checkpoint is signed, once per move', async () => {
    const anchors = await anchorEntries();
    expect(anchors.map((anchor) => JSON.parse(anchor.details).size)).toEqual([5]);
    const [row] = await queryRows<{ hash: string }>(db, sql`select hash from access_log where seq = 5`);
    expect(JSON.parse(anchors[0]!.details).headHash).toBe(row!.hash);
    const result = await withTampering(
      db,
      async (tx) => {
        await signCheckpoint(tx, keyring);
        await signCheckpoint(tx, keyring);
      },
      async (tx) =>
        (await queryRows(tx, sql`select 1 from audit_entries where event_type = ${ACCESS_ANCHOR_EVENT}`)).length,
    );
    expect(result).toBe(2);
  });

  it('passes an untouched chain, counting its rows and the anchors it matches', async () => {
    const result = await verifyLog(db);
    expect(result).toMatchObject({ ok: true, accessLog: { size: 9, anchorsMatched: 1 } });
  });

  it('names an edited row', async () => {
    const result = await verifyAfter((tx) => run(tx, sql`update access_log set purpose = 'audit' where seq = 3`));
    expect(failure(result)).toEqual({ part: 'access_log', seq: 3, reason: 'access_entry_altered' });
    expect(result.ok || result.message).toBe('access log seq 3 (the row does not match its hash)');
  });

  it('names a deleted row, in the middle or at the end', async () => {
    const middle = await verifyAfter((tx) => run(tx, sql`delete from access_log where seq = 4`));
    expect(failure(middle)).toEqual({ part: 'access_log', seq: 4, reason: 'access_entry_missing' });
    const last = await verifyAfter((tx) => run(tx, sql`delete from access_log where seq = 9`));
    expect(failure(last)).toEqual({ part: 'access_log', seq: 9, reason: 'access_entry_missing' });
  });

  it('names the first of two rows whose places were swapped', async () => {
    const result = await verifyAfter(async (tx) => {
      await run(tx, sql`update access_log set seq = -2 where seq = 2`);
      await run(tx, sql`update access_log set seq = 2 where seq = 6`);
      await run(tx, sql`update access_log set seq = 6 where seq = -2`);
    });
    expect(failure(result)).toEqual({ part: 'access_log', seq: 2, reason: 'access_entry_altered' });
  });

  it('names a row that no longer links to the one before', async () => {
    const result = await verifyAfter(async (tx) => {
      // Its hash is right for what it holds, but what it holds as the hash before is not row 6's.
      const [row] = await tx.select().from(accessLog).where(eq(accessLog.seq, 7));
      const prevHash = 'ab'.repeat(32);
      const hash = accessChainHash({ ...row!, prevHash });
      await run(tx, sql`update access_log set prev_hash = ${prevHash}, hash = ${hash} where seq = 7`);
    });
    expect(failure(result)).toEqual({ part: 'access_log', seq: 7, reason: 'access_link_broken' });
  });

  it('fails a consistently rewritten chain against its anchor, and an unanchored tail against the head', async () => {
    const rewrite = (from: number, head: boolean) => async (tx: Database) => {
      await run(tx, sql`update access_log set purpose = 'audit' where seq = ${from}`);
      for (let seq = from; seq <= 9; seq++) await rehash(tx, seq, head);
    };
    expect(failure(await verifyAfter(rewrite(2, true)))).toEqual({
      part: 'access_log',
      seq: 1,
      reason: 'access_anchor_mismatch',
    });
    expect(failure(await verifyAfter(rewrite(7, false)))).toEqual({
      part: 'access_log',
      seq: 6,
      reason: 'access_head_mismatch',
    });
  });

  it('keeps the chain linear when many reads are recorded at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => read([`c-${i}-a`, `c-${i}-b`])));
    const result = await verifyLog(db);
    expect(result).toMatchObject({ ok: true, accessLog: { size: 33 } });
  });

  it('chains the rows an older database holds, as the migration does', async () => {
    const migration = fs.readFileSync(
      new URL('../../../../drizzle/0005_access-log-chain.sql', import.meta.url),
      'utf8',
    );
    const block = migration.slice(migration.indexOf('DO $$'), migration.indexOf('$$;') + 3);
    const { rows, head } = await withTampering(
      db,
      async (tx) => {
        // What the rows were before the chain: the same fields, no seq or hashes, no head.
        await run(tx, sql`drop index access_log_seq`);
        for (const column of ['seq', 'prev_hash', 'hash']) {
          await run(tx, sql.raw(`alter table access_log alter column ${column} drop not null`));
        }
        await run(tx, sql`update access_log set seq = null, prev_hash = null, hash = null`);
        await run(tx, sql`delete from access_log_head`);
        await run(tx, sql.raw(block));
      },
      async (tx) => ({
        rows: await tx.select().from(accessLog).orderBy(accessLog.seq),
        head: await tx.select().from(accessLogHead),
      }),
    );
    let prevHash = '0'.repeat(64);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ seq: i + 1, prevHash });
      expect(row.hash).toBe(accessChainHash({ ...row, prevHash }));
      prevHash = row.hash;
    });
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(head).toEqual([expect.objectContaining({ size: rows.length, headHash: prevHash })]);
  });
});

/**
 * What an attacker who knows the format can do: recompute a row's link and hash from the row before, and the
 * head with it (a rewrite of rows after the last anchor that also rewrites the head is what the next anchor,
 * or a witness of the checkpoint that holds it, catches).
 */
async function rehash(tx: Database, seq: number, head = true): Promise<void> {
  const [row] = await tx.select().from(accessLog).where(eq(accessLog.seq, seq));
  const [before] = await tx
    .select()
    .from(accessLog)
    .where(eq(accessLog.seq, seq - 1));
  const prevHash = before?.hash ?? '0'.repeat(64);
  const hash = accessChainHash({ ...row!, prevHash });
  await tx.execute(sql`update access_log set prev_hash = ${prevHash}, hash = ${hash} where seq = ${seq}`);
  if (head) await tx.execute(sql`update access_log_head set head_hash = ${hash} where size = ${seq}`);
}
