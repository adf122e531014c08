import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { createTestAccount, createTestOrganisation, type TestAccount } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { decidedTestDecision } from './appeals-test-support.ts';

/** The public timelines through the API: figures from the decisions as they stand, small groups hidden. */
let env: TestEnvironment;
let worker: TestAccount;
let organisationId: string;

beforeAll(async () => {
  env = await createTestEnvironment({ disclosureThreshold: 3 });
  await createTestZones(env.database.db);
  organisationId = (await createTestOrganisation(env.app, { kind: 'civil_society' })).id;
  worker = await createTestAccount(env.app, { roles: ['case_worker'], organisationId });
});
afterAll(() => env.close());

const DAY = 86_400_000;
/** A registration decision `days` after the household registered on 2026-03-01, opened that day (due in 14). */
const registration = (days: number, stateCode = 'QM') => {
  const registeredAt = new Date('2026-03-01T09:00:00Z');
  return decidedTestDecision(
    { db: env.database.db, keyring: env.app.platform.keyring, config: env.config },
    {
      organisationId,
      actor: { userId: worker.userId, organisationId },
      kind: 'registration',
      stateCode,
      registeredAt,
      openedAt: registeredAt,
      decidedAt: new Date(registeredAt.getTime() + days * DAY),
    },
  );
};
const timelines = async () => {
  const response = await env.app.inject({ method: 'GET', url: '/api/v1/public/cases/timelines' });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('the public timelines', () => {
  it('gives medians and shares within the service level, updated as decisions are made, small groups hidden', async () => {
    for (const days of [3, 10, 20]) await registration(days);
    await registration(5, 'QT');
    const first = await timelines();
    expect(first.threshold).toBe(3);
    expect(first.stateNames).toEqual({ QM: { en: 'Marenland' } });
    type Row = { stateCode: string; withinServiceLevel: number | null };
    const row = (body: { byStateMonth: Row[] }, state: string) =>
      body.byStateMonth.find((cell) => cell.stateCode === state);
    expect(row(first, 'QT')).toMatchObject({
      decisions: null,
      medianDays: null,
      withinServiceLevel: null,
      suppressed: 'primary',
    });
    // The kind's total is published, so QM's three would give QT's one away: QM is hidden too.
    expect(row(first, 'QM')).toMatchObject({ decisions: null, medianDays: null, suppressed: 'secondary' });
    expect(first.byKind.find((cell: { kind: string }) => cell.kind === 'registration')).toMatchObject({
      decisions: 4,
      medianDays: 7.5,
      withinServiceLevel: 0.75,
    });

    // Two more decisions in QT: the group reaches the threshold and shows at the next read.
    await registration(7, 'QT');
    await registration(9, 'QT');
    const second = await timelines();
    expect(row(second, 'QM')).toMatchObject({ kind: 'registration', month: '2026-03', decisions: 3, medianDays: 10 });
    expect(row(second, 'QM')!.withinServiceLevel).toBeCloseTo(2 / 3, 3);
    expect(row(second, 'QT')).toMatchObject({ decisions: 3, medianDays: 7, withinServiceLevel: 1, suppressed: null });
    expect(second.byKind.find((row: { kind: string }) => row.kind === 'registration')).toMatchObject({
      decisions: 6,
      medianDays: 8,
    });
  });
});
