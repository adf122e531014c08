import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/app.ts';
import { type Database, type DatabaseHandle, queryRows } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { readHead } from './head.ts';
import { AuditEntryError, appendAudit, appendAuditBatch } from './log.ts';
import { MerkleFrontier, treeHash } from './merkle.ts';
import { auditEntries } from './schema.ts';

let database: DatabaseHandle;
let dataDir: string;
let db: Database;
beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  db = database.db;
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const actor = { userId: newId(), organisationId: newId() };
const keyEntry = (n: number) => ({
  type: 'audit.signing_key_created' as const,
  actor,
  subject: `audit-signing-key:k${n}`,
  details: { keyId: `k${n}` },
});

describe('appending to the transparency log', () => {
  it('numbers entries from 1 without gaps, also when a transaction rolls back', async () => {
    const first = await appendAudit(db, keyEntry(1));
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, keyEntry(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const second = await db.transaction((tx) => appendAudit(tx, keyEntry(3)));
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect((await readHead(db))?.treeSize).toBe(2);
  });

  it('numbers concurrent appends in one order, each seq once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => db.transaction((tx) => appendAudit(tx, keyEntry(10 + i)))),
    );
    const seqs = results.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps in the head the root of the tree of the stored leaf hashes', async () => {
    await appendAuditBatch(
      db,
      Array.from({ length: 40 }, (_, i) => keyEntry(100 + i)),
    );
    const rows = await db.select({ leafHash: auditEntries.leafHash }).from(auditEntries).orderBy(asc(auditEntries.seq));
    const head = await readHead(db);
    const frontier = new MerkleFrontier(
      head!.treeSize,
      head!.frontier.map((h) => Buffer.from(h, 'hex')),
    );
    expect(head!.treeSize).toBe(50);
    expect(frontier.root().equals(treeHash(rows.map((r) => Buffer.from(r.leafHash, 'hex'))))).toBe(true);
  });

  it('stores the canonical details and their hash', async () => {
    const [row] = await queryRows<{ details: string; details_hash: string; leaf_hash: string }>(
      db,
      sql`select d.details::text as details, e.details_hash, e.leaf_hash from audit_entries e join audit_details d using (seq) where e.seq = 1`,
    );
    expect(row!.details).toBe('{"keyId":"k1"}');
    expect(row!.details_hash).toBe(createHash('sha256').update('{"keyId":"k1"}').digest('hex'));
  });

  it('writes a large batch the same way as a small one: entries, canonical details, tree nodes', async () => {
    const before = (await readHead(db))!.treeSize;
    const appended = await appendAuditBatch(db, [
      ...Array.from({ length: 300 }, (_, i) => keyEntry(1000 + i)),
      { ...keyEntry(1300), actor: null },
    ]);
    expect(appended.map((a) => a.seq)).toEqual(Array.from({ length: 301 }, (_, i) => before + 1 + i));
    const rows = await db.select().from(auditEntries).orderBy(asc(auditEntries.seq));
    const head = await readHead(db);
    const frontier = new MerkleFrontier(
      head!.treeSize,
      head!.frontier.map((h) => Buffer.from(h, 'hex')),
    );
    expect(frontier.root().equals(treeHash(rows.map((r) => Buffer.from(r.leafHash, 'hex'))))).toBe(true);
    const stored = await queryRows<{ details: string; actor_user_id: string | null }>(
      db,
      sql`select d.details::text as details, e.actor_user_id from audit_entries e join audit_details d using (seq)
        where e.seq > ${before + 299} order by e.seq`,
    );
    expect(stored).toEqual([
      { details: '{"keyId":"k1299"}', actor_user_id: actor.userId },
      { details: '{"keyId":"k1300"}', actor_user_id: null },
    ]);
    const nodes = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_tree_nodes where level = 4 and index < ${Math.floor(head!.treeSize / 16)}`,
    );
    expect(nodes[0]!.n).toBe(Math.floor(head!.treeSize / 16));
  });

  it('refuses details that do not match the event type, subjects that are not ids, and writes nothing', async () => {
    const before = (await readHead(db))!.treeSize;
    await expect(appendAudit(db, { ...keyEntry(1), details: { keyId: 'Jane Doe' } })).rejects.toThrow(AuditEntryError);
    await expect(
      appendAudit(db, { ...keyEntry(1), details: { keyId: 'k1', name: 'x' } as { keyId: string } }),
    ).rejects.toThrow(/details for audit.signing_key_created/);
    await expect(appendAudit(db, { ...keyEntry(1), subject: 'Jane Doe' })).rejects.toThrow(/subject/);
    await expect(
      appendAudit(db, { ...keyEntry(1), type: 'no.such_event' as 'audit.signing_key_created' }),
    ).rejects.toThrow(/unknown audit event type/);
    expect((await readHead(db))!.treeSize).toBe(before);
  });
});
