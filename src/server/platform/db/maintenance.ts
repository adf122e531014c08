import type { DatabaseHandle } from './client.ts';

/**
 * After a bulk write on the embedded database: what autovacuum does on a PostgreSQL server within a minute of
 * one, which the embedded engine never does by itself. `VACUUM (ANALYZE)` clears the dead row versions a
 * rolled-back or replaced load leaves (at the end of the time-ordered id indexes, where the planner reads the
 * columns' real extremes for every join it plans: without it, planning an exact search on a million people read
 * some 300 pages), marks the pages all-visible, and gives the planner statistics. Answers the seconds it took,
 * or null on PostgreSQL, whose autovacuum does it.
 */
export async function tidyAfterBulkWrite(handle: DatabaseHandle): Promise<number | null> {
  if (handle.kind !== 'embedded' || !handle.pglite) return null;
  const started = performance.now();
  await handle.pglite.exec('vacuum (analyze)');
  return (performance.now() - started) / 1000;
}
