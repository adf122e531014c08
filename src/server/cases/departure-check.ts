import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../platform/audit/head.ts';
import type { Database } from '../platform/db/client.ts';
import { dayOf } from './eligibility.ts';
import { checkOnBoard } from './movements.ts';
import { suspendHouseholds } from './suspensions.ts';
import { caseMovementHouseholds, caseMovements } from './tables.ts';

/**
 * The day's check: every movement planned to depart today has its households' eligibility checked again;
 * those that fail are taken off it and suspended (`zone_class_stale` when the zone's class went stale,
 * `eligibility_failed` otherwise), as departing would. Run by the timer below and callable from the CLI.
 * Answers how many households it suspended.
 */
export async function checkTodaysDepartures(
  db: Database,
  freshMonths: number,
  now: Date = new Date(),
): Promise<number> {
  const movements = await db
    .select({ id: caseMovements.id })
    .from(caseMovements)
    .where(and(eq(caseMovements.status, 'planned'), eq(caseMovements.departsOn, dayOf(now))));
  let suspended = 0;
  for (const { id } of movements) {
    suspended += await inTransaction(db, async (tx) => {
      const [movement] = await tx.select().from(caseMovements).where(eq(caseMovements.id, id)).for('update');
      if (movement?.status !== 'planned') return 0;
      const onBoard = await tx
        .select()
        .from(caseMovementHouseholds)
        .where(and(eq(caseMovementHouseholds.movementId, id), eq(caseMovementHouseholds.status, 'planned')));
      const failures = await checkOnBoard(tx, onBoard, { freshMonths, now });
      await suspendHouseholds(tx, id, failures, null, now);
      return failures.length;
    });
  }
  return suspended;
}

/**
 * Runs the day's check every HOMEWARD_DEPARTURE_CHECK_MINUTES (0 turns it off), as the checkpoint timer
 * (platform/audit/checkpoint-timer.ts) does: one run at a time, stopped and awaited when the app closes.
 * Registered by the movement routes (routes/movements.ts), so it runs wherever the API runs.
 */
export async function departureCheckTimer(app: FastifyInstance): Promise<void> {
  const minutes = app.platform.config.departureCheckMinutes;
  if (!minutes) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = checkTodaysDepartures(app.platform.database.db, app.platform.config.zoneClassFreshMonths)
      .then((suspended) => {
        if (suspended > 0) app.log.info({ suspended }, 'departure check suspended households');
      })
      .catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: unknown };
        app.log.error({ err: { type: name, code } }, 'the departure check failed');
      })
      .finally(() => {
        running = undefined;
      });
  };

  app.addHook('onReady', async () => {
    timer = setInterval(tick, minutes * 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
