import { createHmac } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
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

export type RateScope = 'submit' | 'lookup' | 'sms' | 'follow-up-link' | 'consultation-comment';

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
 * cannot all slip under the limit. Requests that arrive together share one statement (see CounterBatcher).
 */
export async function spend(db: Database, key: string, limit: number, now: Date, weight = 1): Promise<void> {
  const windowStart = hourOf(now);
  const count =
    (db as unknown) instanceof PgTransaction
      ? (await addCounts(db, windowStart, new Map([[key, weight]]))).get(key)!
      : await batcherFor(db).add(key, windowStart, weight);
  if (count > limit) {
    throw rateLimited(Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000)));
  }
}

/** Adds each key's weight in one statement and returns each key's count after it. */
async function addCounts(db: Database, windowStart: Date, weights: Map<string, number>): Promise<Map<string, number>> {
  const rows = await db
    .insert(gatewayRateCounters)
    .values([...weights].map(([key, count]) => ({ key, windowStart, count })))
    .onConflictDoUpdate({
      target: [gatewayRateCounters.key, gatewayRateCounters.windowStart],
      set: { count: sql`${gatewayRateCounters.count} + excluded.count` },
    })
    .returning({ key: gatewayRateCounters.key, count: gatewayRateCounters.count });
  return new Map(rows.map((row) => [row.key, row.count]));
}

interface PendingSpend {
  key: string;
  windowStart: Date;
  weight: number;
  resolve: (count: number) => void;
  reject: (error: unknown) => void;
}

/**
 * A burst of anonymous requests (the burst the limits exist for) would otherwise queue one upsert each. The
 * spends that arrive while a statement runs are summed per key and added in the next one; each request is then
 * given the count as it stood after its own weight, in arrival order, so the limit falls exactly where it would
 * one statement at a time.
 */
class CounterBatcher {
  private pending: PendingSpend[] = [];
  private running = false;
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  add(key: string, windowStart: Date, weight: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, windowStart, weight, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.pending.splice(0, 500);
        const windows = Map.groupBy(batch, (item) => item.windowStart.getTime());
        for (const items of windows.values()) {
          const weights = new Map<string, number>();
          for (const item of items) weights.set(item.key, (weights.get(item.key) ?? 0) + item.weight);
          try {
            const after = await addCounts(this.db, items[0]!.windowStart, weights);
            // Walk back from the last arrival: each request's count is the total less what came after it.
            const later = new Map<string, number>();
            for (const item of items.toReversed()) {
              const following = later.get(item.key) ?? 0;
              item.resolve((after.get(item.key) ?? 0) - following);
              later.set(item.key, following + item.weight);
            }
          } catch (error) {
            for (const item of items) item.reject(error);
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const counterBatchers = new WeakMap<Database, CounterBatcher>();

function batcherFor(db: Database): CounterBatcher {
  let batcher = counterBatchers.get(db);
  if (!batcher) {
    batcher = new CounterBatcher(db);
    counterBatchers.set(db, batcher);
  }
  return batcher;
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
