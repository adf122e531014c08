import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';

export interface TableInfo {
  name: string;
  /** Primary key columns; keyset pagination is used when there is exactly one. */
  primaryKey: string[];
  /**
   * Kept by the database itself (a trigger) from other tables: a backup leaves it out, a restore empties it
   * and the trigger fills it again. Its migration marks it with a table comment starting `derived:`.
   */
  derived: boolean;
}

/** Every table of the application schema, parents before children, so rows can be restored in order. */
export async function listTables(db: Database): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string; derived: boolean }>(
    db,
    sql`SELECT tablename AS name,
          coalesce(obj_description(format('%I.%I', schemaname, tablename)::regclass, 'pg_class') LIKE 'derived:%',
            false) AS derived
        FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT child.relname AS child, parent.relname AS parent
        FROM pg_constraint c
        JOIN pg_class child ON child.oid = c.conrelid
        JOIN pg_class parent ON parent.oid = c.confrelid
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.conrelid <> c.confrelid`,
  );
  const keys = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT t.relname AS table_name, a.attname AS column_name
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indisprimary AND t.relnamespace = 'public'::regnamespace
        ORDER BY t.relname, array_position(i.indkey::int2[], a.attnum)`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const edge of edges) if (edge.child === name) visit(edge.parent);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name);
  const derived = new Set(tables.filter((table) => table.derived).map((table) => table.name));
  return ordered.map((name) => ({
    name,
    primaryKey: keys.filter((key) => key.table_name === name).map((key) => key.column_name),
    derived: derived.has(name),
  }));
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
