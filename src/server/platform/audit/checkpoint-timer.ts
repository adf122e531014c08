import type { FastifyInstance } from 'fastify';
import { signCheckpoint } from './checkpoint.ts';

/**
 * Signs a checkpoint every HOMEWARD_CHECKPOINT_INTERVAL_SECONDS when the log grew (0 turns it off). Closing
 * the app stops the timer and waits for a signature in progress, before the database closes.
 */
export async function checkpointTimer(app: FastifyInstance): Promise<void> {
  const seconds = app.platform.config.checkpointIntervalSeconds;
  if (!seconds) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    const { database, keyring } = app.platform;
    running = signCheckpoint(database.db, keyring, { pinnedKeyId: app.platform.config.auditSigningKeyId })
      .then((result) => {
        if (result?.signed)
          app.log.info({ treeSize: result.checkpoint.treeSize }, 'transparency log checkpoint signed');
      })
      .catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: unknown };
        app.log.error({ err: { type: name, code } }, 'signing a transparency log checkpoint failed');
      })
      .finally(() => {
        running = undefined;
      });
  };

  app.addHook('onReady', async () => {
    timer = setInterval(tick, seconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
