import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.ts';
import { type Database, queryRows } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { loginFailures } from './schema.ts';

/**
 * Failed sign-in backoff. One counter per account and one per client address, each keyed by a blind index
 * (keyed HMAC) so that neither an email address nor an IP address is ever stored. Unknown email addresses
 * are counted like real ones, so the counters reveal nothing about which accounts exist.
 */
export interface ThrottleKeys {
  account: string;
  address: string;
}

/** Many people may share one address (an office behind NAT), so an address may fail more often than an account. */
const ADDRESS_ALLOWANCE_FACTOR = 4;
const FIRST_BLOCK_SECONDS = 30;
const LONGEST_BLOCK_SECONDS = 3600;
/** A counter that has seen no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;

export async function throttleKeys(
  db: Database,
  keyring: Keyring,
  email: string,
  address: string,
): Promise<ThrottleKeys> {
  const [account, client] = await Promise.all([
    keyring.blindIndex(db, 'login-throttle', `account:${email}`),
    keyring.blindIndex(db, 'login-throttle', `address:${address}`),
  ]);
  return { account: `a:${account}`, address: `c:${client}` };
}

/** Refuses the attempt with 429 and Retry-After while either counter is in its backoff period. */
export async function checkThrottle(db: Database, keys: ThrottleKeys, now: Date): Promise<void> {
  const rows = await db
    .select({ blockedUntil: loginFailures.blockedUntil })
    .from(loginFailures)
    .where(inArray(loginFailures.key, [keys.account, keys.address]));
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) throw rateLimited(Math.ceil((until - now.getTime()) / 1000));
}

export function rateLimited(seconds: number): AppError {
  const wait = Math.max(1, seconds);
  return new AppError('rate_limited', { params: { seconds: wait }, headers: { 'retry-after': String(wait) } });
}

/** Seconds of backoff after `failures` failures against an allowance of `allowed` (0 while within it). */
export function backoffSeconds(failures: number, allowed: number): number {
  if (failures < allowed) return 0;
  return Math.min(LONGEST_BLOCK_SECONDS, FIRST_BLOCK_SECONDS * 2 ** Math.min(failures - allowed, 20));
}

export async function recordFailure(db: Database, keys: ThrottleKeys, maxAttempts: number, now: Date): Promise<void> {
  await count(db, keys.account, maxAttempts, now);
  await count(db, keys.address, maxAttempts * ADDRESS_ALLOWANCE_FACTOR, now);
  // Counters nobody has failed against for a day carry no information any more.
  await db.delete(loginFailures).where(lt(loginFailures.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}

async function count(db: Database, key: string, allowed: number, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`INSERT INTO login_failures (key, failures, last_failure_at) VALUES (${key}, 1, ${now.toISOString()}::timestamptz)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN login_failures.last_failure_at < ${stale}::timestamptz THEN 1
                          ELSE login_failures.failures + 1 END,
          last_failure_at = EXCLUDED.last_failure_at
        RETURNING failures`,
  );
  const seconds = backoffSeconds(Number(row?.failures ?? 1), allowed);
  if (seconds > 0) {
    await db
      .update(loginFailures)
      .set({ blockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(eq(loginFailures.key, key));
  }
}

/** A successful sign-in clears the account's counter (the address keeps its own). */
export async function clearAccountFailures(db: Database, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, keys.account));
}
