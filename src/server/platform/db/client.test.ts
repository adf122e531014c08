import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/app.ts';
import { type DatabaseHandle, migrationsApplied, openDatabase, queryRows } from './client.ts';

let database: DatabaseHandle;
let dataDir: string;
beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('statements on the embedded database', () => {
  // The embedded engine runs on the server's own thread: a queue of statements that never let the event loop
  // turn kept every other request (even /health) waiting until the whole queue was done.
  it('let the event loop turn while others wait their turn', async ({ skip }) => {
    if (database.kind !== 'embedded') skip('PostgreSQL runs statements in its own processes');
    const finished: number[] = [];
    const statements = Array.from({ length: 20 }, (_, i) =>
      database.db.execute(sql`select ${i}::int as n`).then(() => finished.push(i)),
    );
    let finishedBeforeTurn = -1;
    const turn = new Promise<void>((resolve) =>
      setImmediate(() => {
        finishedBeforeTurn = finished.length;
        resolve();
      }),
    );
    await Promise.all([...statements, turn]);
    expect(finished).toHaveLength(20);
    expect(finishedBeforeTurn).toBeLessThan(2);
  });

  // The engine is told once, not with every query, to leave dates and times as text for drizzle to convert.
  it('read dates, times and intervals as before, in and out of a transaction, and other types still parsed', async () => {
    const read = (db: DatabaseHandle['db']) =>
      queryRows<{ at: string; day: string; span: string; n: number; flag: boolean; doc: unknown }>(
        db,
        sql`select '2026-03-01 10:30:00.123+00'::timestamptz as at, '2026-03-01'::date as day,
          '2 days 03:00:00'::interval as span,
          42::int as n, true as flag, '{"a": [1]}'::jsonb as doc`,
      );
    const outside = await read(database.db);
    const inside = await database.db.transaction((tx) => read(tx as unknown as DatabaseHandle['db']));
    for (const [row] of [outside, inside]) {
      expect(typeof row!.at).toBe('string');
      expect(new Date(row!.at).toISOString()).toBe('2026-03-01T10:30:00.123Z');
      expect(row!.day).toBe('2026-03-01');
      expect(row!.span).toBe('2 days 03:00:00');
      expect(row!.n).toBe(42);
      expect(row!.flag).toBe(true);
      expect(row!.doc).toEqual({ a: [1] });
    }
  });
});

describe('migrations at open', () => {
  // A command on an existing data directory checks the newest stored migration instead of running drizzle's
  // migrator; the check must never skip a migration the database lacks.
  it('are found applied on a migrated database, and not once the newest stored migration differs', async () => {
    expect(await migrationsApplied(database.db)).toBe(true);
    const [newest] = await queryRows<{ id: number; hash: string }>(
      database.db,
      sql`select id, hash from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await database.db.execute(sql`update drizzle.__drizzle_migrations set hash = 'edited' where id = ${newest!.id}`);
    expect(await migrationsApplied(database.db)).toBe(false);
    await database.db.execute(
      sql`update drizzle.__drizzle_migrations set hash = ${newest!.hash} where id = ${newest!.id}`,
    );
    await database.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where id = ${newest!.id}`,
    );
    expect(await migrationsApplied(database.db)).toBe(false);
    await database.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where id = ${newest!.id}`,
    );
    expect(await migrationsApplied(database.db)).toBe(true);
  });

  it('are applied to a new embedded database, with the small buffer pool, and then found applied', async ({ skip }) => {
    if (process.env.HOMEWARD_TEST_DATABASE_URL) skip('an embedded data directory');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-migrate-'));
    try {
      const fresh = await openDatabase({ dataDir: dir, bufferPool: 'small' });
      try {
        expect(await migrationsApplied(fresh.db)).toBe(false);
        await fresh.migrate();
        expect(await migrationsApplied(fresh.db)).toBe(true);
        const [pool] = await queryRows<{ shared_buffers: string }>(fresh.db, sql`show shared_buffers`);
        expect(pool?.shared_buffers).toBe('16MB');
        const [table] = await queryRows<{ present: boolean }>(
          fresh.db,
          sql`select to_regclass('zones') is not null as present`,
        );
        expect(table?.present).toBe(true);
      } finally {
        await fresh.close();
      }
      // Opened again with the engine's default pool, the same data, already migrated.
      const again = await openDatabase({ dataDir: dir });
      try {
        expect(await migrationsApplied(again.db)).toBe(true);
        const [pool] = await queryRows<{ shared_buffers: string }>(again.db, sql`show shared_buffers`);
        expect(pool?.shared_buffers).toBe('128MB');
      } finally {
        await again.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
