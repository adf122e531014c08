import { createHmac } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { rateLimited } from '../platform/auth/throttle.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { gatewayRateCounters } from './tables.ts';

/**
 * Flood control for the gateway's anonymous routes, without knowing who anyone is. A client is counted under an
 * HMAC of its address with a key derived from the keyring and the UTC day: the address itself is never stored
 * or logged, and one day's counters cannot be linked to the next day's. Counts are kept per hour.
 */
const HOUR_MS = 3600_000;

export type RateScope = 'submit' | 'lookup' | 'sms';

const dayKeys = new WeakMap<Keyring, { day: string; key: Promise<string> }>();

function dayKey(db: Database, keyring: Keyring, now: Date): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  const cached = dayKeys.get(keyring);
  if (cached?.day === day) return cached.key;
  const key = keyring.blindIndex(db, 'gateway-rate', `address-key:${day}`);
  dayKeys.set(keyring, { day, key });
  key.catch(() => dayKeys.delete(keyring));
  return key;
}

/** The counter's key for this scope and client today: `submit:` and 22 characters of keyed hash. */
export async function clientKey(
  db: Database,
  keyring: Keyring,
  scope: RateScope,
  client: string,
  now: Date,
): Promise<string> {
  const key = await dayKey(db, keyring, now);
  return `${scope}:${createHmac('sha256', key).update(client, 'utf8').digest().subarray(0, 16).toString('base64url')}`;
}

const hourOf = (now: Date) => new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);

/**
 * Adds `weight` to the client's count for this hour and refuses with 429 (and the seconds until the next hour)
 * once the count passes `limit`. The count is added in the same statement that reads it, so concurrent requests
 * cannot all slip under the limit.
 */
export async function spend(db: Database, key: string, limit: number, now: Date, weight = 1): Promise<void> {
  const windowStart = hourOf(now);
  const [row] = await db
    .insert(gatewayRateCounters)
    .values({ key, windowStart, count: weight })
    .onConflictDoUpdate({
      target: [gatewayRateCounters.key, gatewayRateCounters.windowStart],
      set: { count: sql`${gatewayRateCounters.count} + ${weight}` },
    })
    .returning({ count: gatewayRateCounters.count });
  if ((row?.count ?? 0) > limit) {
    throw rateLimited(Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000)));
  }
}

/** The seconds to wait when the client has already reached `limit` this hour, or null; counts nothing. */
export async function exhausted(db: Database, key: string, limit: number, now: Date): Promise<number | null> {
  const windowStart = hourOf(now);
  const [row] = await db
    .select({ count: gatewayRateCounters.count })
    .from(gatewayRateCounters)
    .where(and(eq(gatewayRateCounters.key, key), eq(gatewayRateCounters.windowStart, windowStart)));
  if ((row?.count ?? 0) < limit) return null;
  return Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000));
}

/** Drops counters older than a day (run by the daily job): yesterday's keys can never be met again. */
export async function forgetOldCounters(db: Database, now: Date): Promise<void> {
  await db
    .delete(gatewayRateCounters)
    .where(lt(gatewayRateCounters.windowStart, new Date(now.getTime() - 24 * HOUR_MS)));
}

/**
 * Forgets yesterday's counters every hour, wherever the public routes run (registered by routes/public.ts); one run
 * at a time, stopped and awaited when the app closes, as the departure check's timer is.
 */
export async function counterCleanupTimer(app: FastifyInstance): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = forgetOldCounters(app.platform.database.db, new Date())
      .catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: unknown };
        app.log.error({ err: { type: name, code } }, 'forgetting old gateway counters failed');
      })
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    timer = setInterval(tick, HOUR_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
