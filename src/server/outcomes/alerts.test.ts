import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { AlertPage, AlertView } from '../../shared/outcomes/schemas/alerts.ts';
import type { HouseholdTimeline } from '../../shared/outcomes/schemas/households.ts';
import type { ReferralPage, ReferralView } from '../../shared/outcomes/schemas/referrals.ts';
import { caseConsents } from '../cases/tables.ts';
import { accessLog, auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../platform/auth/test-support.ts';
import { dataSharingAgreements } from '../platform/policy/schema.ts';
import { createTestZones } from '../zones/test-support.ts';
import {
  FALLING_ANSWERS,
  type FollowedHousehold,
  GOOD_ANSWERS,
  insertFollowedHousehold,
  insertTestConsent,
  insertTestInstrument,
  writeTestRound,
} from './alerts-test-support.ts';
import { rescoreAll } from './rescore.ts';
import { outcomeAlerts, outcomeReferrals, outcomeResponses } from './tables.ts';

let env: TestEnvironment;
let worker: TestAccount;
let receiverAccount: TestAccount;
let client: TestClient;
let receiver: TestClient;
let outsider: TestClient;
let outsiderOrg: string;
let instrumentId: string;
let household: FollowedHousehold;
let consentId: string;
const db = () => env.database.db;
const tomorrowPlus = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(db());
  worker = await createTestAccount(env.app, { roles: ['case_worker'] });
  receiverAccount = await createTestAccount(env.app, { roles: ['case_worker'] });
  const other = await createTestAccount(env.app, { roles: ['case_worker', 'protection_officer'] });
  outsiderOrg = other.organisationId;
  client = await signIn(env.app, worker);
  receiver = await signIn(env.app, receiverAccount);
  outsider = await signIn(env.app, other);
  await db()
    .insert(dataSharingAgreements)
    .values({
      fromOrganisationId: worker.organisationId,
      toOrganisationId: receiverAccount.organisationId,
      purpose: 'service_referral',
      dataCategories: ['outcome'],
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
      createdBy: worker.userId,
    });
  instrumentId = await insertTestInstrument(db());
  household = await insertFollowedHousehold(db(), env.app.platform.keyring, {
    organisationId: worker.organisationId,
    userId: worker.userId,
  });
  consentId = await insertTestConsent(db(), household, worker.userId);
});
afterAll(() => env.close());

const round = (number: number, answers = GOOD_ANSWERS, target = household) =>
  writeTestRound(db(), env.app.platform.keyring, target, {
    instrumentId,
    organisationId: worker.organisationId,
    round: number,
    answers,
  });

const referral = (overrides: object = {}) => ({
  householdId: household.householdId,
  service: 'livelihoods',
  toOrganisationId: receiverAccount.organisationId,
  consentId,
  dueOn: tomorrowPlus(14),
  note: 'Lost his job at the brick factory; call after 5 pm',
  ...overrides,
});

describe('a falling household, from its alert to a referral followed to its outcome', () => {
  let alert: AlertView;
  let made: ReferralView;

  it('raises no alert on a first good round, and a score drop when the next round falls', async () => {
    const first = await round(1);
    expect(first?.scores.composite).toBe(1);
    expect(await db().select().from(outcomeAlerts)).toHaveLength(0);

    const second = await round(3, FALLING_ANSWERS);
    expect(second!.scores.economic!).toBeLessThan(0.3);
    const page = (await client.request({ method: 'GET', url: '/api/v1/outcomes/alerts' })).json<AlertPage>();
    expect(page.items.map((item) => item.kind)).toEqual(['score_drop']);
    const [drop] = page.items;
    expect(drop).toMatchObject({ householdId: household.householdId, reference: household.reference, status: 'open' });
    expect(String(drop!.detail.scores)).toContain('economic');
    expect(drop!.detail.threshold).toBe(0.15);

    // Audited with ids and the kind only, by the system.
    const [entry] = await db()
      .select({ details: auditDetails.details, actor: auditEntries.actorUserId })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'outcomes.alert_raised'));
    expect(entry!.actor).toBeNull();
    expect(entry!.details).toEqual({ alertId: drop!.id, householdId: household.householdId, kind: 'score_drop' });

    const read = await client.request({ method: 'GET', url: `/api/v1/outcomes/alerts/${drop!.id}` });
    expect(read.statusCode).toBe(200);
    alert = read.json<AlertView>();
    expect(alert.rounds.map((r) => [r.round, r.composite])).toEqual([
      [1, 1],
      [3, expect.any(Number)],
    ]);
    expect(alert.referralConsents).toEqual([{ id: consentId, givenOn: '2026-01-05' }]);
    const logged = await db().select().from(accessLog).where(eq(accessLog.recordType, 'outcome_response'));
    expect(logged.map((row) => row.recordId).sort()).toEqual(alert.rounds.map((r) => r.responseId).sort());
  });

  it('raises moderate distress the second round in a row, and not the first', async () => {
    await round(6, FALLING_ANSWERS);
    const kinds = (await client.request({ method: 'GET', url: '/api/v1/outcomes/alerts?kind=distress' }))
      .json<AlertPage>()
      .items.map((item) => [item.kind, item.round, item.detail.level]);
    expect(kinds).toEqual([['distress', 6, 'moderate']]);
  });

  it('filters the queue by zone (a P-code or any prefix of it) and by status', async () => {
    const list = async (query: string) =>
      (await client.request({ method: 'GET', url: `/api/v1/outcomes/alerts?${query}` })).json<AlertPage>().total;
    expect(await list('pcode=QM01')).toBe(2);
    expect(await list('pcode=QM0101')).toBe(2);
    expect(await list('pcode=QT')).toBe(0);
    expect(await list('status=closed')).toBe(0);
    const bad = await client.request({ method: 'GET', url: '/api/v1/outcomes/alerts?pcode=qm%27--' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows another organisation none of it', async () => {
    expect((await outsider.request({ method: 'GET', url: '/api/v1/outcomes/alerts' })).json<AlertPage>().total).toBe(0);
    const read = await outsider.request({ method: 'GET', url: `/api/v1/outcomes/alerts/${alert.id}` });
    expect(read.statusCode).toBe(404);
    expect(read.json()).toMatchObject({ code: 'not_found', reason: 'outcome_alert' });
    const timeline = await outsider.request({
      method: 'GET',
      url: `/api/v1/outcomes/households/${household.householdId}`,
    });
    expect(timeline.statusCode).toBe(404);
    const close = await outsider.request({
      method: 'POST',
      url: `/api/v1/outcomes/alerts/${alert.id}/close`,
      payload: { reason: 'resolved' },
    });
    expect(close.statusCode).toBe(404);
    const refer = await outsider.request({
      method: 'POST',
      url: '/api/v1/outcomes/referrals',
      payload: referral({ toOrganisationId: worker.organisationId }),
    });
    expect(refer.statusCode).toBe(404);
  });

  it('refuses a referral without the household’s consent, without an agreement, or due today', async () => {
    const post = (payload: object) => client.request({ method: 'POST', url: '/api/v1/outcomes/referrals', payload });
    const otherPurpose = await insertTestConsent(db(), household, worker.userId, 'case_management');
    for (const id of [otherPurpose, '0190aaaa-0000-7000-8000-000000000000']) {
      const refused = await post(referral({ alertId: alert.id, consentId: id }));
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'conflict', reason: 'referral_without_consent' });
    }
    const noAgreement = await post(referral({ toOrganisationId: outsiderOrg }));
    expect(noAgreement.json()).toMatchObject({ code: 'conflict', reason: 'referral_no_agreement' });
    const today = await post(referral({ dueOn: tomorrowPlus(0) }));
    expect(today.statusCode).toBe(400);
    expect(today.json().errors[0]).toMatchObject({ field: 'body.dueOn', code: 'not_in_future' });
    expect(await db().select().from(outcomeReferrals)).toHaveLength(0);
    const [stillOpen] = await db().select().from(outcomeAlerts).where(eq(outcomeAlerts.id, alert.id));
    expect(stillOpen!.status).toBe('open');
  });

  it('refers the household from the alert, which becomes referred, the note sealed', async () => {
    const response = await client.request({
      method: 'POST',
      url: '/api/v1/outcomes/referrals',
      payload: referral({ alertId: alert.id }),
    });
    expect(response.statusCode).toBe(201);
    made = response.json<ReferralView>();
    expect(made).toMatchObject({ status: 'sent', service: 'livelihoods', overdue: false, alertId: alert.id });
    const [row] = await db().select().from(outcomeReferrals).where(eq(outcomeReferrals.id, made.id));
    expect(row!.noteEnc).not.toContain('brick');
    const [referred] = await db().select().from(outcomeAlerts).where(eq(outcomeAlerts.id, alert.id));
    expect(referred!.status).toBe('referred');
  });

  it('puts the open alerts and the referral waiting for an answer on each organisation’s staff home', async () => {
    const workOf = async (as: TestClient) =>
      new Map(
        (await as.request({ method: 'GET', url: '/api/v1/me/work' }))
          .json<{ items: { kind: string; count: number }[] }>()
          .items.map((item) => [item.kind, item.count]),
      );
    const open = await db().select().from(outcomeAlerts).where(eq(outcomeAlerts.status, 'open'));
    expect((await workOf(client)).get('outcomes.alerts_open')).toBe(open.length);
    const received = await workOf(receiver);
    expect(received.get('outcomes.referrals_waiting')).toBe(1);
    expect(received.has('outcomes.alerts_open')).toBe(false);
    expect((await workOf(outsider)).has('outcomes.referrals_waiting')).toBe(false);
  });

  it('lets the receiving organisation see what the agreement allows, accept it and complete it', async () => {
    const received = (
      await receiver.request({ method: 'GET', url: '/api/v1/outcomes/referrals?side=received' })
    ).json<ReferralPage>();
    expect(received.items).toHaveLength(1);
    expect(received.items[0]).toMatchObject({
      reference: household.reference,
      service: 'livelihoods',
      note: referral().note,
    });
    // Nothing of the household's answers or scores reaches it.
    expect(JSON.stringify(received)).not.toMatch(/composite|indicators|distress/);
    const timeline = await receiver.request({
      method: 'GET',
      url: `/api/v1/outcomes/households/${household.householdId}`,
    });
    expect(timeline.statusCode).toBe(404);

    const update = (as: TestClient, payload: object) =>
      as.request({ method: 'POST', url: `/api/v1/outcomes/referrals/${made.id}/updates`, payload });
    // The referring organisation cannot answer its own referral; nor can anyone complete one not accepted.
    expect((await update(client, { status: 'accepted' })).statusCode).toBe(404);
    expect((await update(receiver, { status: 'completed' })).json()).toMatchObject({
      reason: 'referral_step_out_of_order',
    });
    expect((await update(receiver, { status: 'accepted' })).json<ReferralView>().status).toBe('accepted');
    const done = await update(receiver, { status: 'completed', note: 'Enrolled in the cash-for-work scheme' });
    expect(done.json<ReferralView>()).toMatchObject({ status: 'completed', closedAt: expect.any(String) });
    expect((await update(receiver, { status: 'not_completed' })).json()).toMatchObject({ reason: 'referral_closed' });

    const seen = (
      await client.request({ method: 'GET', url: `/api/v1/outcomes/referrals/${made.id}` })
    ).json<ReferralView>();
    expect(seen.updates.map((u) => [u.status, u.note])).toEqual([
      ['sent', null],
      ['accepted', null],
      ['completed', 'Enrolled in the cash-for-work scheme'],
    ]);
    expect((await outsider.request({ method: 'GET', url: `/api/v1/outcomes/referrals/${made.id}` })).statusCode).toBe(
      404,
    );
    const events = await db().select({ type: auditEntries.eventType }).from(auditEntries);
    expect(events.filter((e) => e.type === 'outcomes.referral_updated')).toHaveLength(2);
  });

  it('shows the household’s timeline: rounds, scores and why, alerts and referrals', async () => {
    const response = await client.request({
      method: 'GET',
      url: `/api/v1/outcomes/households/${household.householdId}`,
    });
    expect(response.statusCode).toBe(200);
    const timeline = response.json<HouseholdTimeline>();
    expect(timeline.rounds.map((r) => r.round)).toEqual([1, 3, 6]);
    const fell = timeline.rounds[1]!;
    expect(fell.explanation.economic.factors[0]).toMatchObject({ item: 'income_enough', answer: 'never', value: 0 });
    expect(timeline.alerts.map((a) => [a.kind, a.status])).toEqual([
      ['score_drop', 'referred'],
      ['distress', 'open'],
    ]);
    expect(timeline.referrals.map((r) => r.status)).toEqual(['completed']);
  });

  it('closes an alert once, with a reason', async () => {
    const [distress] = (
      await client.request({ method: 'GET', url: '/api/v1/outcomes/alerts?kind=distress' })
    ).json<AlertPage>().items;
    const close = (reason: string) =>
      client.request({ method: 'POST', url: `/api/v1/outcomes/alerts/${distress!.id}/close`, payload: { reason } });
    expect((await close('whatever')).statusCode).toBe(400);
    expect((await close('resolved')).json<AlertView>()).toMatchObject({ status: 'closed', closeReason: 'resolved' });
    expect((await close('resolved')).json()).toMatchObject({ reason: 'alert_closed' });
    const page = (await client.request({ method: 'GET', url: '/api/v1/outcomes/alerts' })).json<AlertPage>();
    expect(page.items.map((a) => a.status)).toEqual(['referred', 'closed']);
  });

  it('marks an open referral past its deadline overdue, and ends the receiver’s view when consent is withdrawn', async () => {
    const second = (
      await client.request({
        method: 'POST',
        url: '/api/v1/outcomes/referrals',
        payload: referral({ service: 'mhpss' }),
      })
    ).json<ReferralView>();
    await db().update(outcomeReferrals).set({ dueOn: '2026-01-01' }).where(eq(outcomeReferrals.id, second.id));
    const overdue = (
      await client.request({ method: 'GET', url: '/api/v1/outcomes/referrals?side=sent&overdue=true' })
    ).json<ReferralPage>();
    expect(overdue.items.map((r) => [r.id, r.overdue])).toEqual([[second.id, true]]);

    await db().update(caseConsents).set({ withdrawnAt: new Date() }).where(eq(caseConsents.id, consentId));
    const received = (
      await receiver.request({ method: 'GET', url: '/api/v1/outcomes/referrals?side=received' })
    ).json<ReferralPage>();
    expect(received.total).toBe(0);
    expect((await receiver.request({ method: 'GET', url: `/api/v1/outcomes/referrals/${second.id}` })).statusCode).toBe(
      404,
    );
    // The referring organisation still follows what it sent.
    expect(
      (await client.request({ method: 'GET', url: '/api/v1/outcomes/referrals?side=sent' })).json<ReferralPage>().total,
    ).toBe(2);
  });
});

describe('rescoreAll', () => {
  it('recomputes every round with new weights, and the same weights change nothing', async () => {
    const before = await db().select().from(outcomeResponses).where(eq(outcomeResponses.round, 3));
    const { responses } = await rescoreAll(db(), { economic: 1, social: 1, psychosocial: 1 });
    expect(responses).toBeGreaterThanOrEqual(3);
    const same = await db().select().from(outcomeResponses).where(eq(outcomeResponses.round, 3));
    expect(same[0]!.composite).toBe(before[0]!.composite);
    await rescoreAll(db(), { economic: 1, social: 0, psychosocial: 0 });
    const [economicOnly] = await db()
      .select()
      .from(outcomeResponses)
      .where(and(eq(outcomeResponses.round, 3), eq(outcomeResponses.householdId, household.householdId)));
    expect(economicOnly!.composite).toBeCloseTo(economicOnly!.economic!, 5);
  });
});

describe('alerts and referrals under attack or in bulk', () => {
  it('raises a later round’s alerts against an earlier one stored in the same batch', async () => {
    const other = await insertFollowedHousehold(db(), env.app.platform.keyring, {
      organisationId: worker.organisationId,
      userId: worker.userId,
    });
    const { writeResponses } = await import('./response-writer.ts');
    const { inTransaction } = await import('../platform/audit/head.ts');
    const row = (round: number, answers: typeof GOOD_ANSWERS) => ({
      instrumentId,
      submissionId: `batch-${other.householdId}-${round}`,
      population: 'returnee' as const,
      followUpId: other.followUps[round]!,
      householdId: other.householdId,
      organisationId: worker.organisationId,
      pcode: 'QM0101',
      stateCode: 'QM',
      cohort: '2026-01',
      round,
      collectedOn: '2026-06-01',
      source: 'import' as const,
      answers,
      headSex: 'female',
      headAgeGroup: '40-59' as const,
      disability: false,
      recordedBy: null,
    });
    await inTransaction(db(), (tx) =>
      writeResponses(tx, env.app.platform.keyring, [row(1, GOOD_ANSWERS), row(3, FALLING_ANSWERS)]),
    );
    const kinds = await db()
      .select({ kind: outcomeAlerts.kind })
      .from(outcomeAlerts)
      .where(eq(outcomeAlerts.householdId, other.householdId));
    expect(kinds.map((k) => k.kind)).toEqual(['score_drop']);
    // The same import again creates nothing and raises nothing more.
    await inTransaction(db(), (tx) =>
      writeResponses(tx, env.app.platform.keyring, [row(1, GOOD_ANSWERS), row(3, FALLING_ANSWERS)]),
    );
    expect(
      await db().select().from(outcomeAlerts).where(eq(outcomeAlerts.householdId, other.householdId)),
    ).toHaveLength(1);
  });

  it('refuses a note too long, a NUL, another household’s consent and unknown fields, naming the field', async () => {
    const post = (payload: object) => client.request({ method: 'POST', url: '/api/v1/outcomes/referrals', payload });
    const long = await post(referral({ note: 'x'.repeat(2001) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('body.note');
    const nul = await post(referral({ note: 'a\u0000b' }));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0]).toMatchObject({ field: 'body.note', code: 'nul_character' });
    const extra = await post({ ...referral(), organisationId: outsiderOrg });
    expect(extra.statusCode).toBe(400);
    const neighbour = await insertFollowedHousehold(db(), env.app.platform.keyring, {
      organisationId: worker.organisationId,
      userId: worker.userId,
    });
    const theirs = await insertTestConsent(db(), neighbour, worker.userId);
    const wrong = await post(referral({ consentId: theirs }));
    expect(wrong.json()).toMatchObject({ code: 'conflict', reason: 'referral_without_consent' });
    expect(JSON.stringify(wrong.json())).not.toContain(neighbour.reference);
    // The household's own standing consent, and the same request goes through.
    const fresh = await insertTestConsent(db(), household, worker.userId);
    expect((await post(referral({ consentId: fresh }))).statusCode).toBe(201);
  });
});
