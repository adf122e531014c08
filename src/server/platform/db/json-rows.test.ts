import fs from 'node:fs';
import { asc, sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/app.ts';
import type { DatabaseHandle } from './client.ts';
import { insertJsonRows } from './json-rows.ts';

const samples = pgTable('json_rows_samples', {
  id: uuid('id').primaryKey(),
  count: integer('count'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  flagged: boolean('flagged').notNull().default(true),
  note: text('note'),
});

let database: DatabaseHandle;
let dataDir: string;
beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  await database.db.execute(sql`create table json_rows_samples (id uuid primary key, count integer,
    at timestamptz not null, flagged boolean not null default true, note text)`);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('rows inserted through one JSON parameter', () => {
  it('take their types from the table, nulls as nulls, and a column left out gets its default', async () => {
    const at = new Date('2026-11-30T21:15:00.123Z');
    await insertJsonRows(database.db, samples, [
      { id: '00000000-0000-4000-8000-000000000001', count: 3, at, note: 'قول "quoted" \\ and\nnewline' },
      { id: '00000000-0000-4000-8000-000000000002', count: null, at, note: null },
    ]);
    expect(await database.db.select().from(samples).orderBy(asc(samples.id))).toEqual([
      { id: '00000000-0000-4000-8000-000000000001', count: 3, at, flagged: true, note: 'قول "quoted" \\ and\nnewline' },
      { id: '00000000-0000-4000-8000-000000000002', count: null, at, flagged: true, note: null },
    ]);
  });

  it('writes nothing when a row breaks a constraint, and nothing for no rows', async () => {
    await expect(
      insertJsonRows(database.db, samples, [
        { id: '00000000-0000-4000-8000-000000000003', at: new Date() },
        { id: '00000000-0000-4000-8000-000000000004', at: null },
      ]),
    ).rejects.toThrow();
    await insertJsonRows(database.db, samples, []);
    expect(await database.db.select().from(samples)).toHaveLength(2);
  });
});
