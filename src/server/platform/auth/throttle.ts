import { createHmac } from 'node:crypto';
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.ts';
import { type Database, queryRows } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { type DeviceCookie, trustedDeviceKey } from './device.ts';
import { loginFailures } from './schema.ts';

/**
 * Failed sign-in backoff, after OWASP's device-cookie scheme. Every failure counts against the account. A
 * device that signed in to that account before (a valid device cookie, not locked out) counts its failures
 * against its own counter; any other client counts against its address, which many people may share (an
 * office behind NAT). So one person failing from a shared address blocks the address for unknown devices only,
 * never for the colleagues whose browsers signed in there before.
 *
 * Counters are keyed by keyed hashes, so neither an email address nor an IP address is ever stored. Unknown
 * email addresses are counted like real ones, so the counters reveal nothing about which accounts exist.
 */
export interface ThrottleKeys {
  account: string;
  /** The trusted device's counter (`d:`) or the address's (`c:`). */
  client: string;
}

/** What a sign-in attempt says about where it comes from: the address and the device cookie it carried. */
export interface Client {
  address: string;
  device?: DeviceCookie | undefined;
}

/** Many people may share one address (an office behind NAT), so an address may fail more often than an account. */
const ADDRESS_ALLOWANCE_FACTOR = 4;
const FIRST_BLOCK_SECONDS = 30;
const LONGEST_BLOCK_SECONDS = 3600;
/** A counter that has seen no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 3600 * 1000;

/**
 * The address's counter key: an HMAC under a key derived from the keyring's secret and the UTC day, so that
 * the counters of one address cannot be linked from one day to the next (they start again at midnight UTC).
 */
async function addressKey(db: Database, keyring: Keyring, address: string, now: Date): Promise<string> {
  const dayKey = await keyring.blindIndex(db, 'login-throttle', `address-key:${now.toISOString().slice(0, 10)}`);
  return `c:${createHmac('sha256', dayKey).update(address, 'utf8').digest().subarray(0, 16).toString('base64url')}`;
}

/**
 * Decides which counters this attempt answers to, and refuses it with 429 and Retry-After while the account,
 * or (for an untrusted client) the address, is in its backoff period. A device cookie locked out by its own
 * failures is trusted no more: the address's limit applies to it again.
 */
export async function openThrottle(
  db: Database,
  keyring: Keyring,
  email: string,
  client: Client,
  now: Date,
): Promise<ThrottleKeys> {
  const account = `a:${await keyring.blindIndex(db, 'login-throttle', `account:${email}`)}`;
  const [address, device] = await Promise.all([
    addressKey(db, keyring, client.address, now),
    trustedDeviceKey(db, keyring, account, client.device),
  ]);
  const rows = await db
    .select({ key: loginFailures.key, blockedUntil: loginFailures.blockedUntil })
    .from(loginFailures)
    .where(inArray(loginFailures.key, device ? [account, address, device] : [account, address]));
  const blockedUntil = (key: string) => rows.find((row) => row.key === key)?.blockedUntil?.getTime() ?? 0;
  const trusted = device !== undefined && blockedUntil(device) <= now.getTime();
  const until = Math.max(blockedUntil(account), trusted ? 0 : blockedUntil(address));
  if (until > now.getTime()) throw rateLimited(Math.ceil((until - now.getTime()) / 1000));
  return { account, client: trusted ? device : address };
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
  const isAddress = keys.client.startsWith('c:');
  await count(db, keys.client, isAddress ? maxAttempts * ADDRESS_ALLOWANCE_FACTOR : maxAttempts, now);
  // Counters nobody has failed against for a day carry no information any more.
  await db.delete(loginFailures).where(lt(loginFailures.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}

async function count(db: Database, key: string, allowed: number, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`INSERT INTO ${loginFailures} (key, failures, last_failure_at) VALUES (${key}, 1, ${now.toISOString()}::timestamptz)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN ${loginFailures.lastFailureAt} < ${stale}::timestamptz THEN 1
                          ELSE ${loginFailures.failures} + 1 END,
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

/** A successful sign-in clears the account's counter and a trusted device's (an address keeps its own). */
export async function clearAccountFailures(db: Database, keys: ThrottleKeys): Promise<void> {
  const cleared = keys.client.startsWith('d:') ? [keys.account, keys.client] : [keys.account];
  await db.delete(loginFailures).where(inArray(loginFailures.key, cleared));
}
