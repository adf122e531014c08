import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { VERSION } from '../../version.ts';
import { type Database, queryRows } from '../db/client.ts';
import { listTables, quoteIdent } from './tables.ts';

export const BACKUP_FORMAT = 'homeward-backup/1';
const PAGE_ROWS = 2_000;

export interface BackupHeader {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  homewardVersion: string;
  createdAt: string;
  /** The last applied migration: a backup restores only into a database at the same schema. */
  schema: string;
  /** Fingerprint of the master key the data keys in this file are wrapped with (the key itself is never written). */
  masterKeyId: string;
  tables: string[];
}

export interface BackupSummary {
  tables: Record<string, number>;
  bytes: number;
}

export async function latestMigration(db: Database): Promise<string> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.hash ?? 'none';
}

/**
 * Writes every table to a gzip'd JSON-lines file: a header, pages of rows per table, and a closing line with
 * row counts and the SHA-256 of everything before it, so truncation and corruption are detected on restore.
 * Encrypted columns are copied as stored: personal data stays encrypted in the file. Rows are read in one
 * repeatable-read transaction, a consistent snapshot even while PostgreSQL keeps serving.
 */
export async function writeBackup(db: Database, file: string, masterKeyId: string): Promise<BackupSummary> {
  const temporary = `${file}.partial`;
  const gzip = createGzip();
  const output = fs.createWriteStream(temporary, { mode: 0o600 });
  const piped = gzip.pipe(output);
  const digest = createHash('sha256');
  const write = async (record: object) => {
    const line = `${JSON.stringify(record)}\n`;
    digest.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  try {
    const counts = await db.transaction(
      async (tx) => {
        const tables = (await listTables(tx)).filter((table) => !table.derived);
        const header: BackupHeader = {
          kind: 'header',
          format: BACKUP_FORMAT,
          homewardVersion: VERSION,
          createdAt: new Date().toISOString(),
          schema: await latestMigration(tx),
          masterKeyId,
          tables: tables.map((table) => table.name),
        };
        await write(header);
        const counts: Record<string, number> = {};
        for (const table of tables) {
          counts[table.name] = 0;
          const [key] = table.primaryKey;
          const keyset = table.primaryKey.length === 1 && key !== undefined;
          const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdent).join(', ') : 'ctid';
          let last: unknown = null;
          for (let offset = 0; ; offset += PAGE_ROWS) {
            const where = keyset && last !== null ? sql`WHERE ${sql.raw(quoteIdent(key))} > ${last}` : sql``;
            const page = keyset ? sql`` : sql`OFFSET ${offset}`;
            const rows = await queryRows<{ row: Record<string, unknown> }>(
              tx,
              sql`SELECT row_to_json(t) AS row FROM (SELECT * FROM ${sql.raw(quoteIdent(table.name))} ${where}
                  ORDER BY ${sql.raw(order)} LIMIT ${PAGE_ROWS} ${page}) t`,
            );
            if (rows.length === 0) break;
            const parsed = rows.map(({ row }) => (typeof row === 'string' ? JSON.parse(row) : row));
            await write({ kind: 'rows', table: table.name, rows: parsed });
            counts[table.name] = (counts[table.name] ?? 0) + rows.length;
            if (keyset) last = parsed.at(-1)?.[key];
            if (rows.length < PAGE_ROWS) break;
          }
        }
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const end = { kind: 'end', tables: counts, sha256: digest.digest('hex') };
    gzip.end(`${JSON.stringify(end)}\n`);
    await finished(piped);
    fs.renameSync(temporary, file);
    return { tables: counts, bytes: fs.statSync(file).size };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
