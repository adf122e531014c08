import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock } from './lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database or a transaction: service functions take this and never import a global. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'embedded' | 'postgres';

export const migrationsFolder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** The embedded engine, when there is one (backup and test templates use it). */
  pglite?: PGlite;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Take the single-owner lock on the embedded data directory (every CLI command and the server do). */
  lock?: boolean;
  /** Load the embedded database from a dump instead of the data directory (test copies). */
  loadDataDir?: Blob;
  /**
   * `small`: start the embedded engine with a 16 MB buffer pool instead of its 128 MB, for a command that reads and
   * writes little (a migration, a small file). The engine touches every page of its pool as it starts: the larger
   * pool costs about half a second of page faults at each start. Data and results are the same.
   */
  bufferPool?: 'small' | 'default';
}

/** The engine's own start parameters, with a 16 MB buffer pool. */
const SMALL_POOL_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openEmbedded(options);
}

async function openEmbedded(options: OpenOptions): Promise<DatabaseHandle> {
  const release = options.lock === false || options.loadDataDir ? () => {} : acquireDataDirLock(options.dataDir);
  let pglite: PGlite;
  try {
    const startParams = options.bufferPool === 'small' ? { startParams: SMALL_POOL_START } : {};
    pglite = options.loadDataDir
      ? await PGlite.create({ loadDataDir: options.loadDataDir, ...startParams })
      : await PGlite.create({ dataDir: path.join(options.dataDir, 'pgdata'), ...startParams });
  } catch (error) {
    release();
    throw error;
  }
  turnBetweenStatements(pglite);
  parseTimesOnce(pglite);
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    pglite,
    migrate: async () => {
      if (!(await migrationsApplied(db)))
        await migratePglite(db as Parameters<typeof migratePglite>[0], { migrationsFolder });
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * The embedded engine runs each statement on the event loop's own thread, and its query lock hands the next
 * waiting statement its turn in a microtask: under load, every queued statement ran back to back before the
 * server read another socket, so even /health waited hundreds of milliseconds (bench/mixed.ts). Each
 * statement now lets the event loop turn once before it runs.
 */
function turnBetweenStatements(pglite: PGlite): void {
  const exclusive = pglite._runExclusiveQuery.bind(pglite);
  pglite._runExclusiveQuery = (statement) =>
    exclusive(async () => {
      await nextTurn();
      return statement();
    });
}

/**
 * The types drizzle has the embedded engine leave as the database's text (it converts them itself): timestamp,
 * timestamptz, interval and date, and their arrays (drizzle-orm/pglite/session.js).
 */
const TEXT_TYPES = new Set(['1114', '1184', '1186', '1082', '1231', '1115', '1185', '1187', '1182']);
const asText = (value: string) => value;

type QueryOptions = { parsers?: Record<number, (value: string, type: number) => unknown> } | undefined;

/** The options without `parsers` when they ask for exactly TEXT_TYPES, each leaving its text as it is. */
function withoutTextParsers<O extends QueryOptions>(options: O): O {
  const parsers = options?.parsers;
  if (!parsers) return options;
  const types = Object.keys(parsers);
  const onlyText =
    types.length === TEXT_TYPES.size &&
    types.every((type) => TEXT_TYPES.has(type) && parsers[+type]!('0', +type) === '0');
  return onlyText ? { ...options, parsers: undefined } : options;
}

/**
 * drizzle sends those nine parsers with every query, and the engine then copies its whole table of 300-odd parsers
 * to add them for that one query: about 0.15 ms each time, a third of what a small select costs in all. They are
 * set in the engine's own table once instead, and a query asking for just them is passed on without. Results are
 * the same: nothing else reads rows through the engine's table (the server's other statements, COPY, VACUUM and
 * CHECKPOINT, return none).
 */
function parseTimesOnce(pglite: PGlite): void {
  for (const type of TEXT_TYPES) pglite.parsers[Number(type)] = asText;
  const query = pglite.query.bind(pglite);
  pglite.query = (text, params, options) => query(text, params, withoutTextParsers(options));
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (callback) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = (text, params, options) => txQuery(text, params, withoutTextParsers(options));
      return callback(tx);
    });
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: 'homeward' } });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      if (!(await migrationsApplied(db))) {
        await migratePostgres(db as Parameters<typeof migratePostgres>[0], { migrationsFolder });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Whether the database already holds the latest migration: the newest row of drizzle's migrations table has the
 * latest journal entry's time and the hash of its SQL file. Two small queries and one file read, where drizzle's
 * migrator reads and hashes every migration file and runs four statements and a transaction. When this answers
 * false the migrator runs and decides as always (it applies the migrations newer than the newest row).
 */
export async function migrationsApplied(db: Database): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const latest = journal.entries.at(-1);
  if (!latest) return false;
  const [table] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!table?.present) return false;
  const [stored] = await queryRows<{ hash: string; created_at: string | number | null }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!stored || Number(stored.created_at) !== latest.when) return false;
  // Hashed as drizzle's migrator hashes it: SHA-256 of the file's text, hex.
  const text = fs.readFileSync(path.join(migrationsFolder, `${latest.tag}.sql`)).toString();
  return createHash('sha256').update(text).digest('hex') === stored.hash;
}

/** Raw SQL rows, the same shape on both drivers (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
