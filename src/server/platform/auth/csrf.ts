import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { csrfTokens } from './schema.ts';
import { hashToken, isWellFormedToken, newToken } from './tokens.ts';

/** Requests that change something: each must carry a fresh CSRF token when it comes from a cookie session. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** A page may hold a few tokens at once (several open forms); older ones beyond this are dropped. */
const OUTSTANDING_PER_SESSION = 50;

/**
 * A new single-use token bound to the session; only its hash is stored. Storing it and dropping the oldest
 * are one statement: on the embedded database each statement waits its turn behind every other request's
 * (bench/mixed.ts). The deletion does not see the row being inserted, so it keeps one fewer of the others.
 */
export async function issueCsrfToken(db: Database, sessionId: string): Promise<string> {
  const token = newToken();
  await db.execute(sql`
    with issued as (insert into ${csrfTokens} (token_hash, session_id) values (${hashToken(token)}, ${sessionId}))
    delete from ${csrfTokens} where session_id = ${sessionId} and token_hash not in (
      select token_hash from ${csrfTokens} where session_id = ${sessionId}
      order by created_at desc limit ${OUTSTANDING_PER_SESSION - 1})`);
  return token;
}

/**
 * Uses up a token: true only when it was issued to this session and not used before. The check and the
 * deletion are one statement, so of two requests racing with the same token only one passes.
 */
export async function consumeCsrfToken(db: Database, sessionId: string, token: string | undefined): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const used = await db
    .delete(csrfTokens)
    .where(and(eq(csrfTokens.tokenHash, hashToken(token)), eq(csrfTokens.sessionId, sessionId)))
    .returning({ tokenHash: csrfTokens.tokenHash });
  return used.length === 1;
}
