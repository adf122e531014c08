import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

/**
 * Inserts rows through one JSON parameter (`json_populate_recordset`), which takes each column's type from the
 * table itself. For large batches, binding thousands of parameters costs the query builder more than the database
 * spends inserting the rows. Each row names its columns by their database names, and every row names the same
 * ones: the first row's keys are the columns written. A column left out gets its default.
 */
export async function insertJsonRows(
  db: Database,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(
    Object.keys(rows[0]!).map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(sql`insert into ${table} (${columns})
    select ${columns} from json_populate_recordset(null::${table}, ${JSON.stringify(rows)}::json)`);
}
