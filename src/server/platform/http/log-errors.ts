/**
 * What may be logged about a failure. A failed query's error repeats the query's parameters (Drizzle's message
 * lists them all: an email, a display name, a password hash) and the database's own message and DETAIL quote
 * the values at fault, so for a database error only the query's text, the SQLSTATE code and where it was
 * raised are kept. Other errors keep their message.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  // A plain object was built for the log by whoever logged it; anything else thrown is named by its type only.
  if (!(error instanceof Error))
    return typeof error === 'object' && error !== null ? { ...error } : { type: typeof error };
  const query = findQuery(error);
  const code = sqlState(error);
  if (query !== undefined || code !== undefined) {
    // `sqlState`, not `code`: the logger redacts every `code` field (two-factor codes).
    return { type: error.name, sqlState: code, ...(query !== undefined ? { query } : {}), stack: framesOf(error) };
  }
  const { code: errorCode } = error as { code?: unknown };
  return { type: error.name, code: errorCode, message: error.message, stack: error.stack };
}

/** The SQL text of a failed query anywhere in the cause chain (Drizzle's DrizzleQueryError carries it). */
function findQuery(error: Error): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { query } = current as { query?: unknown };
    if (typeof query === 'string') return query;
    current = current.cause;
  }
  return undefined;
}

/** A PostgreSQL error's SQLSTATE (e.g. 22P05) on the error or anywhere in its cause chain; both drivers set `severity`. */
function sqlState(error: Error): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, severity } = current as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && severity !== undefined) return code;
    current = current.cause;
  }
  return undefined;
}

/** The stack without its first line, which repeats the message. */
function framesOf(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
}
