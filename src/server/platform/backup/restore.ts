import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import { BACKUP_FORMAT, type BackupHeader, latestMigration } from './backup.ts';
import { listTables, quoteIdent } from './tables.ts';

/** A backup that cannot be restored, with a message that says why (corruption, wrong key, wrong schema…). */
export class RestoreError extends Error {}

type BackupLine =
  | BackupHeader
  | { kind: 'rows'; table: string; rows: Record<string, unknown>[] }
  | { kind: 'end'; tables: Record<string, number>; sha256: string };

/** Streams the records of a backup file, checking each line, the running SHA-256 and the closing line. */
async function* readBackup(file: string): AsyncGenerator<BackupLine> {
  if (!fs.existsSync(file)) throw new RestoreError(`No backup file at ${file}.`);
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  // Errors reach the loop below through readline; once it stops reading, later ones are of no interest.
  gunzip.on('error', () => {});
  const lines = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  const digest = createHash('sha256');
  let lineNumber = 0;
  let ended = false;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (ended) throw new RestoreError(`The backup file has data after its closing line (line ${lineNumber}).`);
      let record: BackupLine;
      try {
        record = JSON.parse(line) as BackupLine;
      } catch {
        throw new RestoreError(`The backup file is corrupted: line ${lineNumber} is not valid JSON.`);
      }
      if (lineNumber === 1 && (record.kind !== 'header' || record.format !== BACKUP_FORMAT)) {
        throw new RestoreError(`This is not a Homeward backup (expected format ${BACKUP_FORMAT}).`);
      }
      if (record.kind === 'end') {
        if (record.sha256 !== digest.digest('hex')) {
          throw new RestoreError('The backup file is corrupted: its checksum does not match its contents.');
        }
        ended = true;
      } else {
        digest.update(`${line}\n`);
      }
      yield record;
    }
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code?.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new RestoreError(`The backup file is corrupted or truncated (${(error as Error).message}).`);
    }
    throw error;
  } finally {
    lines.close();
    source.destroy();
    gunzip.destroy();
  }
  if (lineNumber === 0) throw new RestoreError('The backup file is empty.');
  if (!ended) throw new RestoreError('The backup file is truncated: its closing line is missing.');
}

export interface RestoreOptions {
  masterKeyId: string;
  /** Replace whatever the database holds; otherwise it must be empty. */
  replace: boolean;
  /** Checks the restored transparency log inside the restore transaction; a failure undoes the restore. */
  verify: (tx: Database) => Promise<{ ok: boolean; message: string }>;
}

/**
 * Restores a backup all-or-nothing: the whole file is checked first (format, checksum, schema, master key),
 * then every row is written in one transaction that also verifies the transparency log before it commits.
 * Any failure leaves the database exactly as it was.
 */
export async function restoreBackup(db: Database, file: string, options: RestoreOptions) {
  let header: BackupHeader | undefined;
  const expected: Record<string, number> = {};
  for await (const record of readBackup(file)) {
    if (record.kind === 'header') header = record;
    else if (record.kind === 'rows') expected[record.table] = (expected[record.table] ?? 0) + record.rows.length;
    else if (JSON.stringify(sortKeys(record.tables)) !== JSON.stringify(sortKeys(expected))) {
      throw new RestoreError('The backup file is corrupted: its row counts do not match its contents.');
    }
  }
  if (!header) throw new RestoreError('The backup file has no header.');
  if (header.masterKeyId !== options.masterKeyId) {
    throw new RestoreError(
      `This backup was made with master key ${header.masterKeyId}, but the master key in use is ${options.masterKeyId}. ` +
        'Set HOMEWARD_MASTER_KEY (or the data directory key file) to the key the backup was made with.',
    );
  }
  const schema = await latestMigration(db);
  if (header.schema !== schema) {
    throw new RestoreError(
      `This backup was made by Homeward ${header.homewardVersion} with another database schema; ` +
        'restore it with that version, then upgrade.',
    );
  }

  return db.transaction(async (tx) => {
    const tables = await listTables(tx);
    const known = new Set(tables.filter((table) => !table.derived).map((table) => table.name));
    const unknown = header.tables.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new RestoreError(`The backup holds tables this database lacks: ${unknown.join(', ')}.`);
    const occupied: string[] = [];
    for (const table of tables) {
      const [row] = await queryRows<{ present: boolean }>(
        tx,
        sql`SELECT EXISTS (SELECT 1 FROM ${sql.raw(quoteIdent(table.name))}) AS present`,
      );
      if (row?.present) occupied.push(table.name);
    }
    if (occupied.length > 0) {
      if (!options.replace) {
        throw new RestoreError(
          `The database already holds data (${occupied.join(', ')}). Restore into an empty data directory or database, or pass --replace.`,
        );
      }
      await tx.execute(sql.raw(`TRUNCATE ${tables.map((table) => quoteIdent(table.name)).join(', ')} CASCADE`));
    }
    const restored: Record<string, number> = {};
    for await (const record of readBackup(file)) {
      if (record.kind !== 'rows') continue;
      const table = quoteIdent(record.table);
      await tx.execute(
        sql`INSERT INTO ${sql.raw(table)} SELECT * FROM json_populate_recordset(NULL::${sql.raw(table)}, ${JSON.stringify(record.rows)}::json)`,
      );
      restored[record.table] = (restored[record.table] ?? 0) + record.rows.length;
    }
    await resetSequences(tx);
    const verdict = await options.verify(tx);
    if (!verdict.ok) throw new RestoreError(`The restored transparency log does not verify: ${verdict.message}`);
    return { tables: restored, createdAt: header.createdAt, verification: verdict.message };
  });
}

function sortKeys(record: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Serial and identity columns continue after the restored rows. */
async function resetSequences(tx: Database): Promise<void> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    tx,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  for (const { table_name, column_name } of columns) {
    const table = quoteIdent(table_name);
    const column = quoteIdent(column_name);
    await tx.execute(
      sql.raw(
        `SELECT setval(pg_get_serial_sequence('${table.replaceAll("'", "''")}', '${column_name.replaceAll("'", "''")}'),
           COALESCE((SELECT max(${column}) FROM ${table}), 0) + 1, false)`,
      ),
    );
  }
}
