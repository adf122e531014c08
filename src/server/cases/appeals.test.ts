import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { accessLog, auditEntries } from '../platform/audit/schema.ts';
import {
  createTestAccount,
  createTestOrganisation,
  signIn,
  type TestAccount,
  type TestClient,
} from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { decidedTestDecision } from './appeals-test-support.ts';
import { openDecision } from './decisions.ts';
import { caseAppeals, caseDecisions, caseHouseholds } from './tables.ts';
import { insertTestHousehold } from './test-support.ts';

/**
 * Appeals through the API: the deciding organisation's case worker lodges an appeal naming another
 * organisation; only that organisation's reviewers decide it, in writing; an overturned decision is taken again.
 */
let env: TestEnvironment;
let decider: string;
let reviewerOrg: string;
let noReviewersOrg: string;
let worker: TestAccount;
let caseWorker: TestClient;
let deciderCoordinator: TestClient;
let reviewer: TestClient;
let strangerWorker: TestClient;
const GROUNDS = 'The family was not told the road was open again';

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  decider = (await createTestOrganisation(env.app, { kind: 'civil_society' })).id;
  reviewerOrg = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  noReviewersOrg = (await createTestOrganisation(env.app, { kind: 'donor' })).id;
  const account = (roles: Parameters<typeof createTestAccount>[1] & object) => createTestAccount(env.app, roles);
  worker = await account({ roles: ['case_worker'], organisationId: decider });
  caseWorker = await signIn(env.app, worker);
  deciderCoordinator = await signIn(env.app, await account({ roles: ['coordinator'], organisationId: decider }));
  reviewer = await signIn(env.app, await account({ roles: ['coordinator'], organisationId: reviewerOrg }));
  strangerWorker = await signIn(env.app, await account({ roles: ['case_worker'], organisationId: noReviewersOrg }));
});
afterAll(() => env.close());

const setup = () => ({ db: env.database.db, keyring: env.app.platform.keyring, config: env.config });
const actor = () => ({ userId: worker.userId, organisationId: decider });
const decided = () => decidedTestDecision(setup(), { organisationId: decider, actor: actor() });
const lodge = (client: TestClient, decisionId: string, body: Record<string, unknown> = {}) =>
  client.request({
    method: 'POST',
    url: `/api/v1/cases/decisions/${decisionId}/appeals`,
    payload: { lodgedBy: 'person', grounds: GROUNDS, reviewerOrganisationId: reviewerOrg, ...body },
  });
const lodgedEntries = async () =>
  (await env.database.db.select().from(auditEntries).where(eq(auditEntries.eventType, 'cases.appeal_lodged'))).length;

describe('lodging an appeal', () => {
  it('refuses a reviewer from the deciding organisation, writing nothing', async () => {
    const { decisionId } = await decided();
    const before = await lodgedEntries();
    const response = await lodge(caseWorker, decisionId, { reviewerOrganisationId: decider });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', reason: 'reviewer_same_organisation' });
    expect(response.json().detail).toMatch(/another organisation/);
    expect(await env.database.db.select().from(caseAppeals).where(eq(caseAppeals.decisionId, decisionId))).toEqual([]);
    expect(await lodgedEntries()).toBe(before);
  });

  it('refuses an organisation nobody there may review appeals for', async () => {
    const { decisionId } = await decided();
    const response = await lodge(caseWorker, decisionId, { reviewerOrganisationId: noReviewersOrg });
    expect(response.json()).toMatchObject({ status: 409, reason: 'reviewer_not_reviewing' });
  });

  it('refuses an appeal of a decision still pending', async () => {
    const db = env.database.db;
    const household = await insertTestHousehold(db, env.app.platform.keyring, { organisationId: decider });
    const pending = await openDecision(db, {
      household,
      kind: 'eligibility',
      organisationId: decider,
      levels: env.config.serviceLevels,
      actor: actor(),
    });
    const response = await lodge(caseWorker, pending.id);
    expect(response.json()).toMatchObject({ status: 409, reason: 'decision_not_decided' });
  });

  it("answers 404 for another organisation's household, and for its list of appeals", async () => {
    const { decisionId, householdId } = await decided();
    expect((await lodge(strangerWorker, decisionId)).statusCode).toBe(404);
    const list = await strangerWorker.request({
      method: 'GET',
      url: `/api/v1/cases/households/${householdId}/appeals`,
    });
    expect(list.statusCode).toBe(404);
  });

  it('records the appeal with its due date, the grounds encrypted, and logs it; a second one waits', async () => {
    const { decisionId, householdId } = await decided();
    const response = await lodge(caseWorker, decisionId, { lodgedBy: 'representative' });
    expect(response.statusCode).toBe(201);
    const appeal = response.json();
    const due = new Date(Date.now() + env.config.serviceLevels.appeal * 86_400_000).toISOString().slice(0, 10);
    expect(appeal).toMatchObject({
      status: 'pending',
      lodgedBy: 'representative',
      grounds: GROUNDS,
      dueOn: due,
      reviewerOrganisationId: reviewerOrg,
      decision: { id: decisionId, organisationId: decider },
    });
    const [stored] = await env.database.db.select().from(caseAppeals).where(eq(caseAppeals.id, appeal.id));
    expect(stored!.groundsEnc).not.toContain('road');
    expect(await lodgedEntries()).toBeGreaterThan(0);
    expect((await lodge(caseWorker, decisionId)).json()).toMatchObject({ status: 409, reason: 'appeal_pending' });
    const list = await caseWorker.request({ method: 'GET', url: `/api/v1/cases/households/${householdId}/appeals` });
    expect(list.json().appeals).toHaveLength(1);
    expect(list.json().decisions).toEqual([expect.objectContaining({ id: decisionId, appealable: false })]);
  });
});

describe('reviewing an appeal', () => {
  it('refuses the deciding organisation, even its coordinator', async () => {
    const { decisionId } = await decided();
    const appeal = (await lodge(caseWorker, decisionId)).json();
    const response = await deciderCoordinator.request({
      method: 'POST',
      url: `/api/v1/cases/appeals/${appeal.id}/review`,
      payload: { outcome: 'upheld', reasons: 'We stand by it' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().reason).toBe('not_appeal_reviewer');
    const queue = await deciderCoordinator.request({ method: 'GET', url: '/api/v1/cases/appeals' });
    expect(queue.json()).toEqual([]);
  });

  it('needs a written outcome', async () => {
    const { decisionId } = await decided();
    const appeal = (await lodge(caseWorker, decisionId)).json();
    for (const reasons of [undefined, '', '   ']) {
      const response = await reviewer.request({
        method: 'POST',
        url: `/api/v1/cases/appeals/${appeal.id}/review`,
        payload: { outcome: 'upheld', ...(reasons === undefined ? {} : { reasons }) },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('body.reasons');
    }
    const [stored] = await env.database.db.select().from(caseAppeals).where(eq(caseAppeals.id, appeal.id));
    expect(stored!.status).toBe('pending');
  });

  it('refuses an outcome once the case was withdrawn or closed, and writes nothing', async () => {
    for (const closing of [{ stage: 'withdrawn' as const }, { stage: 'closed' as const, closedAt: new Date() }]) {
      const { decisionId, householdId } = await decided();
      const appeal = (await lodge(caseWorker, decisionId)).json();
      await env.database.db.update(caseHouseholds).set(closing).where(eq(caseHouseholds.id, householdId));
      const response = await reviewer.request({
        method: 'POST',
        url: `/api/v1/cases/appeals/${appeal.id}/review`,
        payload: { outcome: 'overturned', reasons: 'Too late to matter' },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ reason: 'appeal_case_closed', title: 'Case closed' });
      const [stored] = await env.database.db.select().from(caseAppeals).where(eq(caseAppeals.id, appeal.id));
      expect(stored!.status).toBe('pending');
      const reopened = await env.database.db
        .select()
        .from(caseDecisions)
        .where(and(eq(caseDecisions.householdId, householdId), eq(caseDecisions.status, 'pending')));
      expect(reopened).toEqual([]);
      // Nor can another appeal be lodged on it.
      expect((await lodge(caseWorker, decisionId)).json()).toMatchObject({ status: 409 });
    }
  });

  it('lists the pending appeals to the reviewer, overdue first', async () => {
    const { decisionId } = await decided();
    const late = (await lodge(caseWorker, decisionId)).json();
    await env.database.db.update(caseAppeals).set({ dueOn: '2020-01-01' }).where(eq(caseAppeals.id, late.id));
    const queue = (await reviewer.request({ method: 'GET', url: '/api/v1/cases/appeals' })).json();
    expect(queue[0]).toMatchObject({ id: late.id, overdue: true, dueOn: '2020-01-01', grounds: GROUNDS });
    expect(queue.slice(1).every((appeal: { overdue: boolean }) => !appeal.overdue)).toBe(true);
  });

  it('lets the reviewing organisation overturn it: the decision is taken again', async () => {
    const { decisionId, householdId } = await decided();
    const appeal = (await lodge(caseWorker, decisionId)).json();
    const response = await reviewer.request({
      method: 'POST',
      url: `/api/v1/cases/appeals/${appeal.id}/review`,
      payload: { outcome: 'overturned', reasons: 'The zone information given was out of date' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'decided', outcome: 'overturned', overdue: false });
    const db = env.database.db;
    const reopened = await db
      .select()
      .from(caseDecisions)
      .where(and(eq(caseDecisions.householdId, householdId), eq(caseDecisions.status, 'pending')));
    expect(reopened).toEqual([expect.objectContaining({ kind: 'eligibility', organisationId: decider })]);
    const [stored] = await db.select().from(caseAppeals).where(eq(caseAppeals.id, appeal.id));
    expect(stored!.outcomeEnc).not.toContain('zone');
    const decidedEntries = await db
      .select()
      .from(auditEntries)
      .where(
        and(eq(auditEntries.eventType, 'cases.appeal_decided'), eq(auditEntries.subject, `household:${householdId}`)),
      );
    expect(decidedEntries).toHaveLength(1);
    const again = await reviewer.request({
      method: 'POST',
      url: `/api/v1/cases/appeals/${appeal.id}/review`,
      payload: { outcome: 'upheld', reasons: 'Twice' },
    });
    expect(again.json()).toMatchObject({ status: 409, reason: 'appeal_decided' });
    // The household's case worker reads the written outcome.
    const list = await caseWorker.request({ method: 'GET', url: `/api/v1/cases/households/${householdId}/appeals` });
    expect(list.json().appeals[0]).toMatchObject({ reasons: 'The zone information given was out of date' });
    const reads = await db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.recordType, 'case_appeal'), eq(accessLog.recordId, appeal.id)));
    expect(reads.map((read) => read.actorUserId)).toContain(worker.userId);
  });

  it('answers 404 to a reviewer of an organisation that cannot see the appeal', async () => {
    const { decisionId } = await decided();
    const appeal = (await lodge(caseWorker, decisionId)).json();
    const outsider = await signIn(
      env.app,
      await createTestAccount(env.app, {
        roles: ['coordinator'],
        organisationId: (await createTestOrganisation(env.app)).id,
      }),
    );
    const response = await outsider.request({
      method: 'POST',
      url: `/api/v1/cases/appeals/${appeal.id}/review`,
      payload: { outcome: 'upheld', reasons: 'No' },
    });
    expect(response.statusCode).toBe(404);
  });
});
