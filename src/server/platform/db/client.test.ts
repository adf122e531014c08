import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/app.ts';
import type { DatabaseHandle } from './client.ts';

let database: DatabaseHandle;
let dataDir: string;
beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('statements on the embedded database', () => {
  // The embedded engine runs on the server's own thread: a queue of statements that never let the event loop
  // turn kept every other request (even /health) waiting until the whole queue was done.
  it('let the event loop turn while others wait their turn', async ({ skip }) => {
    if (database.kind !== 'embedded') skip('PostgreSQL runs statements in its own processes');
    const finished: number[] = [];
    const statements = Array.from({ length: 20 }, (_, i) =>
      database.db.execute(sql`select ${i}::int as n`).then(() => finished.push(i)),
    );
    let finishedBeforeTurn = -1;
    const turn = new Promise<void>((resolve) =>
      setImmediate(() => {
        finishedBeforeTurn = finished.length;
        resolve();
      }),
    );
    await Promise.all([...statements, turn]);
    expect(finished).toHaveLength(20);
    expect(finishedBeforeTurn).toBeLessThan(2);
  });
});
