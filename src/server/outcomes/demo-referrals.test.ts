import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { standingConsents } from '../cases/consent-check.ts';
import { createTestAccount } from '../platform/auth/test-support.ts';
import type { DemoContext } from '../platform/module.ts';
import { createTestZones } from '../zones/test-support.ts';
import {
  FALLING_ANSWERS,
  GOOD_ANSWERS,
  insertFollowedHousehold,
  insertTestInstrument,
  writeTestRound,
} from './alerts-test-support.ts';
import { loadDemoReferrals } from './demo-referrals.ts';
import { outcomeAlerts, outcomeReferrals } from './tables.ts';

let env: TestEnvironment;
let context: DemoContext;

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await createTestZones(db);
  const worker = await createTestAccount(env.app, { roles: ['case_worker'] });
  const field = await createTestAccount(env.app, { roles: ['field_monitor'] });
  const instrumentId = await insertTestInstrument(db);
  for (let i = 0; i < 4; i++) {
    const household = await insertFollowedHousehold(db, env.app.platform.keyring, {
      organisationId: worker.organisationId,
      userId: worker.userId,
    });
    for (const [round, answers] of [
      [1, GOOD_ANSWERS],
      [3, FALLING_ANSWERS],
    ] as const) {
      await writeTestRound(db, env.app.platform.keyring, household, {
        instrumentId,
        organisationId: worker.organisationId,
        round,
        answers,
      });
    }
  }
  context = {
    db,
    keyring: env.app.platform.keyring,
    scale: 'small',
    now: new Date(),
    people: { case_worker: { userId: worker.userId, organisationId: worker.organisationId } },
    accounts: { field_monitor_cso: { userId: field.userId, organisationId: field.organisationId } },
    organisations: {},
  };
});
afterAll(() => env.close());

describe('loadDemoReferrals', () => {
  it('refers the falling households with their consent, follows some to their outcome, leaves one overdue', async () => {
    expect(await loadDemoReferrals(context, { households: 3 })).toEqual({ referrals: 3 });
    const referrals = await env.database.db.select().from(outcomeReferrals).orderBy(asc(outcomeReferrals.createdAt));
    const statuses = referrals.map((r) => r.status).sort();
    expect(statuses).toEqual(['accepted', 'completed', 'sent']);
    const overdue = referrals.find((r) => r.status === 'sent')!;
    expect(overdue.dueOn < new Date().toISOString().slice(0, 10)).toBe(true);
    const alerts = await env.database.db.select().from(outcomeAlerts).where(eq(outcomeAlerts.status, 'referred'));
    expect(alerts).toHaveLength(3);
    // The fourth household has consented but is not referred: its alert is still open, waiting.
    const open = await env.database.db.select().from(outcomeAlerts).where(eq(outcomeAlerts.status, 'open'));
    const waiting = [...new Set(open.map((alert) => alert.householdId))];
    expect(waiting).toHaveLength(1);
    expect(referrals.map((r) => r.householdId)).not.toContain(waiting[0]);
    expect(await standingConsents(env.database.db, waiting[0]!, 'service_referral')).toHaveLength(1);
    // Loading again adds nothing.
    expect(await loadDemoReferrals(context, { households: 3 })).toEqual({ referrals: 3 });
    expect(await env.database.db.select().from(outcomeReferrals)).toHaveLength(3);
    expect(await standingConsents(env.database.db, waiting[0]!, 'service_referral')).toHaveLength(1);
  });
});
