import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Decision, DecisionQueue, HouseholdDecisions } from '../../shared/cases/schemas.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { dayAfter, openDecision } from './decisions.ts';
import { dayOf } from './eligibility.ts';
import { caseConditionsAddressed, caseDecisions, caseHouseholds, caseVoluntarinessFiles } from './tables.ts';
import { insertTestHousehold } from './test-support.ts';

let env: TestEnvironment;
let worker: TestAccount;
let client: TestClient;
let coordinator: TestClient;
let outsider: TestAccount;
let outsiderClient: TestClient;
const now = new Date();
const today = dayOf(now);
/** The period `back` months before this one: each test publishes a newer class than the last, all fresh. */
const period = (back: number) => {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return month.toISOString().slice(0, 7);
};
const lastMonth = dayAfter(now, -30);
const db = () => env.database.db;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(db());
  worker = await createTestAccount(env.app, { roles: ['case_worker'] });
  const coordinatorAccount = await createTestAccount(env.app, {
    roles: ['coordinator'],
    organisationId: worker.organisationId,
  });
  outsider = await createTestAccount(env.app, { roles: ['case_worker'] });
  client = await signIn(env.app, worker);
  coordinator = await signIn(env.app, coordinatorAccount);
  outsiderClient = await signIn(env.app, outsider);
});
afterAll(() => env.close());

const post = (as: TestClient, url: string, payload: object) =>
  as.request({ method: 'POST', url: `/api/v1${url}`, payload });

/**
 * A household of one adult whose file went through every step through the API, its cooling-off then moved into
 * the past (as if the days had gone by): what stays between it and eligibility is the zone.
 */
async function declaredHousehold(publicationId: string, organisationId = worker.organisationId, as = client) {
  const household = await insertTestHousehold(db(), env.app.platform.keyring, {
    organisationId,
    members: [{ relationship: 'head', dateOfBirth: '1985-03-03' }],
  });
  const person = `/cases/households/${household.id}/people/${household.personIds[0]}`;
  await post(as, `${person}/intention`, { on: lastMonth });
  await post(as, `${person}/counselling-sessions`, { heldOn: lastMonth, language: 'ar', private: true });
  expect((await post(as, `${person}/zone-information`, { language: 'ar', publicationId })).statusCode).toBe(200);
  const signed = await post(as, `${person}/declaration`, { signedOn: today, witness: 'A witness', language: 'ar' });
  expect(signed.statusCode, signed.body).toBe(200);
  await db()
    .update(caseVoluntarinessFiles)
    .set({ coolingOffEndsOn: dayAfter(now, -1) })
    .where(eq(caseVoluntarinessFiles.householdId, household.id));
  const decisions = (
    await as.request({ method: 'GET', url: `/api/v1/cases/households/${household.id}/decisions` })
  ).json<HouseholdDecisions>().decisions;
  expect(decisions).toHaveLength(1);
  return { ...household, decision: decisions[0]! };
}

const decide = (as: TestClient, decision: Decision, outcome: string, rationale = 'Every rule is met') =>
  post(as, `/cases/decisions/${decision.id}/decision`, { outcome, rationale });

describe('decisions', () => {
  it('refuses to find a household eligible while the zone is not conducive: the guard cannot be overridden', async () => {
    const { publicationId } = await publishTestClasses(db(), worker, period(2), { QM0101: 'not_conducive' });
    const { id, decision } = await declaredHousehold(publicationId);
    const eligibility = (
      await client.request({ method: 'GET', url: `/api/v1/cases/households/${id}/eligibility` })
    ).json();
    expect(eligibility.eligible).toBe(false);
    expect(eligibility.rows.filter((row: { passed: boolean }) => !row.passed)).toEqual([
      expect.objectContaining({ rule: 'destination_safe', reason: 'not_conducive', overridable: false }),
    ]);

    const refused = await decide(client, decision, 'eligible');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'not_eligible' });
    expect(refused.json().detail).toContain('destination_safe');
    const [pending] = await db().select().from(caseDecisions).where(eq(caseDecisions.id, decision.id));
    expect(pending).toMatchObject({ status: 'pending', outcome: null, rationaleEnc: null });

    const notEligible = await decide(client, decision, 'not_eligible', 'The zone is not conducive to return');
    expect(notEligible.statusCode).toBe(200);
    expect(notEligible.json<Decision>()).toMatchObject({
      status: 'decided',
      outcome: 'not_eligible',
      rationale: 'The zone is not conducive to return',
    });
    expect(notEligible.json<Decision>().eligibility!.at(-1)).toMatchObject({ rule: 'destination_safe', passed: false });
    const [household] = await db().select().from(caseHouseholds).where(eq(caseHouseholds.id, id));
    expect(household!.stage).toBe('not_eligible');
    expect((await decide(client, decision, 'not_eligible')).json()).toMatchObject({ reason: 'decision_decided' });
  });

  it('finds a household eligible only once the conditions of the class in force are addressed', async () => {
    const { publicationId } = await publishTestClasses(db(), worker, period(1), { QM0101: 'conditionally_conducive' });
    const { id, decision } = await declaredHousehold(publicationId);
    expect((await decide(client, decision, 'eligible')).json()).toMatchObject({ reason: 'not_eligible' });
    const wrongKind = await decide(client, decision, 'approved');
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({ reason: 'outcome_for_kind' });

    const addressed = await post(client, `/cases/households/${id}/conditions`, {
      publicationId,
      how: 'Shelter repaired before return',
    });
    expect(addressed.statusCode).toBe(200);
    const [stored] = await db()
      .select()
      .from(caseConditionsAddressed)
      .where(eq(caseConditionsAddressed.householdId, id));
    expect(stored).toMatchObject({ publicationId, pcode: 'QM0101' });
    expect(stored!.howEnc).not.toContain('Shelter');

    const eligible = await decide(client, decision, 'eligible');
    expect(eligible.statusCode, eligible.body).toBe(200);
    expect(eligible.json<Decision>().eligibility!.every((row) => row.passed)).toBe(true);
    const [household] = await db().select().from(caseHouseholds).where(eq(caseHouseholds.id, id));
    expect(household!.stage).toBe('eligible');
  });

  it('refuses a decision on a withdrawn or closed case, and by another organisation than the responsible one', async () => {
    const { publicationId } = await publishTestClasses(db(), worker, period(0), { QM0101: 'conducive' });
    const withdrawn = await declaredHousehold(publicationId);
    await post(client, `/cases/households/${withdrawn.id}/people/${withdrawn.personIds[0]}/withdrawal`, {});
    const refused = await decide(client, withdrawn.decision, 'not_eligible');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: 'case_closed' });

    const closed = await declaredHousehold(publicationId);
    await db().update(caseHouseholds).set({ stage: 'closed', closedAt: now }).where(eq(caseHouseholds.id, closed.id));
    expect((await decide(client, closed.decision, 'eligible')).json()).toMatchObject({ reason: 'case_closed' });
    const [still] = await db().select().from(caseDecisions).where(eq(caseDecisions.id, closed.decision.id));
    expect(still!.status).toBe('pending');

    // Another organisation does not see the household at all.
    const open = await declaredHousehold(publicationId);
    const hidden = await decide(outsiderClient, open.decision, 'eligible');
    expect(hidden.statusCode).toBe(404);
    expect(
      (await outsiderClient.request({ method: 'GET', url: `/api/v1/cases/households/${open.id}/decisions` }))
        .statusCode,
    ).toBe(404);
    // A decision another organisation is responsible for is not the caller's to take, even on its own case.
    await db()
      .update(caseDecisions)
      .set({ organisationId: outsider.organisationId })
      .where(eq(caseDecisions.id, open.decision.id));
    const notResponsible = await decide(client, open.decision, 'eligible');
    expect(notResponsible.statusCode).toBe(403);
    expect(notResponsible.json()).toMatchObject({ reason: 'not_responsible' });
  });

  it('lists the organisation’s pending decisions overdue first, and every overdue one to coordinators', async () => {
    const levels = env.config.serviceLevels;
    const open = async (organisationId: string, daysAgo: number, kind: 'registration' | 'departure') => {
      const household = await insertTestHousehold(db(), env.app.platform.keyring, { organisationId });
      const opened = await openDecision(db(), {
        household,
        kind,
        organisationId,
        levels,
        actor: { userId: worker.userId, organisationId },
        now: dayAgo(daysAgo),
      });
      return { ...household, decisionId: opened.id, dueOn: opened.dueOn };
    };
    const dayAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const recent = await open(worker.organisationId, 1, 'registration');
    const late = await open(worker.organisationId, levels.registration + 5, 'registration');
    const later = await open(worker.organisationId, levels.departure + 2, 'departure');
    const theirs = await open(outsider.organisationId, levels.registration + 9, 'registration');

    const queue = (await client.request({ method: 'GET', url: '/api/v1/cases/decisions' })).json<DecisionQueue>();
    const ids = queue.decisions.map((decision) => decision.id);
    expect(ids).not.toContain(theirs.decisionId);
    const mine = [late, later, recent].map((item) => item.decisionId);
    expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
    const lateRow = queue.decisions.find((decision) => decision.id === late.decisionId)!;
    expect(lateRow).toMatchObject({ overdue: true, daysOverdue: 5, dueOn: late.dueOn, reference: late.reference });
    expect(queue.decisions.find((decision) => decision.id === recent.decisionId)).toMatchObject({
      overdue: false,
      daysOverdue: 0,
    });
    // Overdue ones come first, whatever else the queue holds.
    const firstOnTime = queue.decisions.findIndex((decision) => !decision.overdue);
    expect(queue.decisions.slice(firstOnTime).every((decision) => !decision.overdue)).toBe(true);

    const departures = (
      await client.request({ method: 'GET', url: '/api/v1/cases/decisions?kind=departure' })
    ).json<DecisionQueue>();
    expect(departures.decisions.map((decision) => decision.kind)).toEqual(['departure']);

    const overdue = (
      await coordinator.request({ method: 'GET', url: '/api/v1/cases/decisions?view=overdue' })
    ).json<DecisionQueue>();
    const overdueIds = overdue.decisions.map((decision) => decision.id);
    expect(overdueIds).toContain(theirs.decisionId);
    expect(overdueIds).not.toContain(recent.decisionId);
    expect(overdue.decisions.find((decision) => decision.id === theirs.decisionId)).toMatchObject({
      reachable: false,
      daysOverdue: 9,
    });
    const workerOverdue = await client.request({ method: 'GET', url: '/api/v1/cases/decisions?view=overdue' });
    expect(workerOverdue.statusCode).toBe(403);

    // The staff home counts them: the organisation's decisions due, and every overdue one for a coordinator.
    const work = async (as: TestClient) =>
      new Map(
        (await as.request({ method: 'GET', url: '/api/v1/me/work' }))
          .json<{ items: { kind: string; count: number }[] }>()
          .items.map((item) => [item.kind, item.count]),
      );
    expect((await work(client)).get('cases.decisions_due')).toBe(queue.total);
    expect((await work(coordinator)).get('cases.decisions_overdue')).toBe(overdue.total);
  });
  it('pages the whole queue by cursor, without duplicate or gap, its counts the whole queue’s', async () => {
    const levels = env.config.serviceLevels;
    const pager = await createTestAccount(env.app, { roles: ['case_worker'] });
    const pagerClient = await signIn(env.app, pager);
    const opened: string[] = [];
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
    // Days ago each decision was opened: several on the same instant (same due date and opening time), so that
    // only the id tells them apart; some overdue, some not.
    const ages = [0, 1, 1, 1, 1, 1, 2, 3, levels.registration + 1, levels.registration + 1, levels.registration + 1];
    for (const [index, daysAgo] of [...ages, ...ages, 4, 5, 6].entries()) {
      const household = await insertTestHousehold(db(), env.app.platform.keyring, {
        organisationId: pager.organisationId,
      });
      const sameInstant = new Date(Math.floor(at(daysAgo).getTime() / 1000) * 1000);
      const decision = await openDecision(db(), {
        household,
        kind: index % 4 === 0 ? 'departure' : 'registration',
        organisationId: pager.organisationId,
        levels,
        actor: { userId: pager.userId, organisationId: pager.organisationId },
        now: sameInstant,
      });
      opened.push(decision.id);
    }
    // Opening times finer than a millisecond, as the database's default gives them, survive the cursor.
    await db()
      .update(caseDecisions)
      .set({ openedAt: sql`${caseDecisions.openedAt} + interval '7 microseconds'` })
      .where(inArray(caseDecisions.id, opened.slice(0, 3)));
    const overdueCount = (
      await db().select({ dueOn: caseDecisions.dueOn }).from(caseDecisions).where(inArray(caseDecisions.id, opened))
    ).filter((row) => row.dueOn < today).length;
    expect(overdueCount).toBeGreaterThan(0);

    const walk = async (query: string, limit: number) => {
      const seen: DecisionQueue['decisions'] = [];
      let cursor: string | null = null;
      let pages = 0;
      const counts = new Set<string>();
      do {
        const response = await pagerClient.request({
          method: 'GET',
          url: `/api/v1/cases/decisions?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        });
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<DecisionQueue>();
        expect(page.decisions.length).toBeLessThanOrEqual(limit);
        seen.push(...page.decisions);
        cursor = page.nextCursor;
        pages += 1;
        expect(pages).toBeLessThan(100);
        if (cursor) expect(page.decisions).toHaveLength(limit);
        counts.add(`${page.total}/${page.overdue}`);
      } while (cursor);
      return { seen, pages, counts: [...counts] };
    };
    const { seen, pages, counts } = await walk('', 4);
    // Every page counts the whole queue.
    expect(counts).toEqual([`${opened.length}/${overdueCount}`]);
    expect(pages).toBe(Math.ceil(opened.length / 4));
    const ids = seen.map((decision) => decision.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...opened].sort());
    // The order is the single page's order: overdue first, by due date.
    const whole = (
      await pagerClient.request({ method: 'GET', url: '/api/v1/cases/decisions?limit=200' })
    ).json<DecisionQueue>();
    expect(whole.nextCursor).toBeNull();
    expect(ids).toEqual(whole.decisions.map((decision) => decision.id));
    const dues = seen.map((decision) => decision.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(seen.findLastIndex((decision) => decision.overdue)).toBe(overdueCount - 1);

    // The filter by kind pages the same way, its counts the filtered queue's.
    const departures = await walk('&kind=departure', 2);
    expect(departures.seen.every((decision) => decision.kind === 'departure')).toBe(true);
    expect(departures.counts).toHaveLength(1);
    expect(departures.counts[0]).toMatch(new RegExp(`^${departures.seen.length}/`));
    expect(departures.seen.length).toBe(opened.filter((_, index) => index % 4 === 0).length);

    // Without a limit, a page holds 50.
    const byDefault = (
      await pagerClient.request({ method: 'GET', url: '/api/v1/cases/decisions' })
    ).json<DecisionQueue>();
    expect(byDefault.decisions).toHaveLength(Math.min(50, opened.length));
  });

  it('refuses a bad limit or cursor with a problem, never a server error', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'limit=ten',
      'limit=1.5',
      'cursor=nope',
      'cursor=',
      'cursor=2026-13-45.1.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      'cursor=2026-01-01.12.not-an-id',
      'cursor=0000-01-01.1.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      'cursor=2026-01-01.99999999999999999999.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
      `cursor=${'x'.repeat(500)}`,
    ]) {
      const response = await client.request({ method: 'GET', url: `/api/v1/cases/decisions?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(response.json().errors.map((error: { field: string }) => error.field)[0]).toMatch(
        /^querystring\.(limit|cursor)/,
      );
    }
    const valid = await client.request({
      method: 'GET',
      url: '/api/v1/cases/decisions?limit=1&cursor=2026-01-01.1767225600000000.0190a4b6-6f1e-7c3a-9b1d-2f4e5a6b7c8d',
    });
    expect(valid.statusCode, valid.body).toBe(200);
  });
});
