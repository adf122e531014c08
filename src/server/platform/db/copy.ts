import type { Transaction } from '@electric-sql/pglite';
import type { Database } from './client.ts';

/**
 * COPY … FROM for a transaction on the embedded database: the plain fast way to load many rows (no statement
 * to parse, no parameters to bind per row). PGlite reads the rows from a Blob (`from '/dev/blob'`).
 * Answers undefined on PostgreSQL, whose driver streams COPY differently: callers there insert as before.
 */
export type CopyRows = (target: string, lines: readonly string[]) => Promise<void>;

export function copyRowsInto(tx: Database): CopyRows | undefined {
  const client = (tx as unknown as { session?: { client?: Partial<Transaction> } }).session?.client;
  // A PGlite transaction is the only client here with `exec` and `closed` beside `query`.
  if (!client || typeof client.query !== 'function' || typeof client.exec !== 'function' || !('closed' in client)) {
    return undefined;
  }
  const query = client.query.bind(client);
  return async (target, lines) => {
    if (lines.length === 0) return;
    await query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([`${lines.join('\n')}\n`]) });
  };
}

/** A value as COPY's text format reads it: `\N` for null; backslash, tab and line breaks escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? '\\\\')
    : text;
}
