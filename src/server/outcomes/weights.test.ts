import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { HouseholdTimeline } from '../../shared/outcomes/schemas/households.ts';
import { createTestAccount, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import {
  FALLING_ANSWERS,
  insertFollowedHousehold,
  insertTestInstrument,
  writeTestRound,
} from './alerts-test-support.ts';
import { outcomeResponses } from './tables.ts';

let env: TestEnvironment;
let client: TestClient;

beforeAll(async () => {
  // The composite of the economic and social dimensions only.
  env = await createTestEnvironment({ outcomeScoreWeights: { economic: 1, social: 1, psychosocial: 0 } });
  await createTestZones(env.database.db);
  const worker = await createTestAccount(env.app, { roles: ['case_worker'] });
  client = await signIn(env.app, worker);
  const household = await insertFollowedHousehold(env.database.db, env.app.platform.keyring, {
    organisationId: worker.organisationId,
    userId: worker.userId,
  });
  await writeTestRound(env.database.db, env.app.platform.keyring, household, {
    instrumentId: await insertTestInstrument(env.database.db),
    organisationId: worker.organisationId,
    round: 1,
    answers: { ...FALLING_ANSWERS, distress: 'severe', belonging: 'never' },
  });
});
afterAll(() => env.close());

describe('the configured weights', () => {
  it('score new rounds, and explain the composite with them', async () => {
    const [row] = await env.database.db.select().from(outcomeResponses).where(eq(outcomeResponses.round, 1));
    expect(row!.composite!).toBeCloseTo((row!.economic! + row!.social!) / 2, 5);
    expect(row!.composite!).not.toBeCloseTo((row!.economic! + row!.social! + row!.psychosocial!) / 3, 3);
    const timeline = (
      await client.request({ method: 'GET', url: `/api/v1/outcomes/households/${row!.householdId}` })
    ).json<HouseholdTimeline>();
    expect(timeline.rounds[0]!.explanation.composite.factors.map((f) => f.item).sort()).toEqual(['economic', 'social']);
  });
});
