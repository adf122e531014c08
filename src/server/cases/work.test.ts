import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { NoticePage } from '../../shared/cases/schemas.ts';
import type { MyWork } from '../../shared/work.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { decidedTestDecision } from './appeals-test-support.ts';
import { caseAppeals, caseNotices } from './tables.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
});
afterAll(() => env.close());

/** Each account signs in once (a one-time code is not taken twice), then reads its work as often as asked. */
const clients = new Map<string, TestClient>();
const clientOf = async (account: TestAccount) => {
  const client = clients.get(account.userId) ?? (await signIn(env.app, account));
  clients.set(account.userId, client);
  return client;
};
const workOf = async (account: TestAccount) => {
  const client = await clientOf(account);
  const response = await client.request({ method: 'GET', url: '/api/v1/me/work' });
  expect(response.statusCode, response.body).toBe(200);
  return new Map(response.json<MyWork>().items.map((item) => [item.kind, item]));
};

describe('the staff home’s case counts', () => {
  it('counts the organisation’s unread notices and the pending appeals it reviews, only when there are some', async () => {
    const db = env.database.db;
    const officer = await createTestAccount(env.app, { roles: ['protection_officer'] });
    const worker = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: officer.organisationId });
    const monitor = await createTestAccount(env.app, {
      roles: ['field_monitor'],
      organisationId: officer.organisationId,
    });
    const other = await createTestAccount(env.app, { roles: ['protection_officer'] });
    const quiet = await createTestAccount(env.app, { roles: ['protection_officer'] });
    const setup = { db, keyring: env.app.platform.keyring, config: env.config };
    const decided = async (account: TestAccount) =>
      decidedTestDecision(setup, {
        organisationId: account.organisationId,
        actor: { userId: account.userId, organisationId: account.organisationId },
      });

    // Notices: two unread and one read for the officer's organisation, one unread for the other's.
    const ours = await decided(worker);
    const theirs = await decided(other);
    const notice = (householdId: string, organisationId: string, readAt: Date | null = null) => ({
      householdId,
      organisationId,
      kind: 'movement_suspended',
      detail: { reason: 'zone_downgraded' },
      readAt,
    });
    await db
      .insert(caseNotices)
      .values([
        notice(ours.householdId, officer.organisationId),
        notice(ours.householdId, officer.organisationId),
        notice(ours.householdId, officer.organisationId, new Date()),
        notice(theirs.householdId, other.organisationId),
      ]);

    // Appeals: two pending and one decided for the officer's organisation to review, one pending for the other's.
    const appeal = async (reviewer: TestAccount, status: 'pending' | 'decided') => {
      const decision = await decided(reviewer === officer ? other : worker);
      await db.insert(caseAppeals).values({
        decisionId: decision.decisionId,
        householdId: decision.householdId,
        lodgedBy: 'person',
        groundsEnc: 'sealed',
        reviewerOrganisationId: reviewer.organisationId,
        dueOn: '2030-01-01',
        status,
        recordedBy: worker.userId,
      });
    };
    await appeal(officer, 'pending');
    await appeal(officer, 'pending');
    await appeal(officer, 'decided');
    await appeal(other, 'pending');

    const officerWork = await workOf(officer);
    expect(officerWork.get('cases.notices_unread')).toMatchObject({
      count: 2,
      href: 'cases/notices',
      role: 'protection_officer',
    });
    expect(officerWork.get('cases.appeals_to_review')).toMatchObject({
      count: 2,
      href: 'cases/appeals',
      role: 'protection_officer',
    });
    // A case worker reads the notices but reviews no appeal; a field monitor reads no case.
    const workerWork = await workOf(worker);
    expect(workerWork.get('cases.notices_unread')).toMatchObject({ count: 2, role: 'case_worker' });
    expect(workerWork.has('cases.appeals_to_review')).toBe(false);
    const monitorWork = await workOf(monitor);
    expect(monitorWork.has('cases.notices_unread')).toBe(false);
    const otherWork = await workOf(other);
    expect(otherWork.get('cases.notices_unread')?.count).toBe(1);
    expect(otherWork.get('cases.appeals_to_review')?.count).toBe(1);
    // With nothing waiting, neither is listed (not even as clear).
    const quietWork = await workOf(quiet);
    expect(quietWork.has('cases.notices_unread')).toBe(false);
    expect(quietWork.has('cases.appeals_to_review')).toBe(false);

    // A protection officer, who cannot open the Movements screen, reads the notices and marks them read.
    const client = await clientOf(officer);
    const notices = await client.request({ method: 'GET', url: '/api/v1/cases/notices?unread=true&limit=50' });
    expect(notices.statusCode, notices.body).toBe(200);
    const page = notices.json<NoticePage>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(officerWork.get('cases.notices_unread')?.count);
    const read = await client.request({ method: 'POST', url: `/api/v1/cases/notices/${page.items[0]!.id}/read` });
    expect(read.statusCode, read.body).toBe(200);
    expect((await workOf(officer)).get('cases.notices_unread')?.count).toBe(1);
  });
});
