import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/app.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { rescoreFromCli } from './outcomes-rescore.ts';

describe('homeward outcomes rescore (in process)', () => {
  let database: DatabaseHandle;
  let dataDir: string;
  beforeAll(async () => {
    ({ database, dataDir } = await createTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says how many rounds it recomputed, with which weights, and logs it', async () => {
    expect(await rescoreFromCli(database.db, { economic: 1, social: 1, psychosocial: 2 })).toEqual([
      'Recomputed the scores of 0 rounds with the weights economic 1, social 1, psychosocial 2.',
    ]);
    const types = (await database.db.select({ type: auditEntries.eventType }).from(auditEntries)).map((e) => e.type);
    expect(types).toContain('outcomes.scores_recomputed');
  });
});
