import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { allCheckpoints } from './checkpoint.ts';
import { appendAudit } from './log.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ checkpointIntervalSeconds: 1 });
});
afterAll(() => env.close());

const entry = (n: number) => ({
  type: 'audit.signing_key_created' as const,
  actor: null,
  subject: `audit-signing-key:t${n}`,
  details: { keyId: `t${n}` },
});

async function checkpointSizesAfter(milliseconds: number): Promise<number[]> {
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  return (await allCheckpoints(env.database.db)).map((c) => c.treeSize);
}

describe('the checkpoint timer', () => {
  it('signs when the log grew, and only then', async () => {
    await appendAudit(env.database.db, entry(1));
    const first = await checkpointSizesAfter(1600);
    expect(first).toHaveLength(1);
    expect(await checkpointSizesAfter(1200)).toEqual(first);
    await appendAudit(env.database.db, entry(2));
    const second = await checkpointSizesAfter(1600);
    // The entry that records the first checkpoint, and the one appended since.
    expect(second).toEqual([...first, first[0]! + 2]);
  });

  it('stops when the app closes', async () => {
    await env.app.close();
    await appendAudit(env.database.db, entry(3));
    const before = await allCheckpoints(env.database.db);
    expect((await checkpointSizesAfter(1500)).length).toBe(before.length);
  });
});
