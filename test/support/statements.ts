import type { DatabaseHandle } from '../../src/server/platform/db/client.ts';

/**
 * How many statements `run` sends outside a transaction on the embedded database, where each one waits its
 * turn behind every other request's (bench/mixed.ts); `undefined` on PostgreSQL, which runs them side by side.
 */
export async function countStatements(
  database: DatabaseHandle,
  run: () => Promise<unknown>,
): Promise<number | undefined> {
  const pglite = database.pglite;
  if (!pglite) {
    await run();
    return undefined;
  }
  const exclusive = pglite._runExclusiveQuery.bind(pglite);
  let statements = 0;
  pglite._runExclusiveQuery = (statement) => {
    statements++;
    return exclusive(statement);
  };
  try {
    await run();
  } finally {
    pglite._runExclusiveQuery = exclusive;
  }
  return statements;
}
