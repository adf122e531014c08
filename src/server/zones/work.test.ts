import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { WorkItem } from '../../shared/work.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { upsertZones } from './gazetteer.ts';
import { currentPeriod } from './support.ts';
import { monthsBefore } from './work.ts';

/**
 * Each role's pending work (`GET /api/v1/me/work`) and what keeps a period from being published
 * (`GET /api/v1/periods/:period/waiting`), through the API, on a month of the field team's work: values of last
 * month and this one from the monitoring centre and a civil-society network, decided in part by an independent
 * monitor.
 */
let env: TestEnvironment;
let centreMonitor: TestClient;
let networkMonitor: TestClient;
let coordinator: TestClient;
let verifier: TestClient;
let centreVerifier: TestClient;
let centreAdministrator: TestClient;
let networkAdministrator: TestClient;
let centre: { id: string; name: string };
let network: { id: string; name: string };
let monitors: { id: string; name: string };
const THIS_MONTH = currentPeriod();
const LAST_MONTH = monthsBefore(THIS_MONTH, 1);
const EARLIER = monthsBefore(THIS_MONTH, 2);
const ids: Record<string, string> = {};

const work = async (client: TestClient) => {
  const response = await client.request({ method: 'GET', url: '/api/v1/me/work' });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: WorkItem[] }).items;
};
const item = (items: WorkItem[], kind: string) => {
  const found = items.find((candidate) => candidate.kind === kind);
  expect(found, kind).toBeDefined();
  return found!;
};

async function record(client: TestClient, key: string, values: Record<string, unknown>) {
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/observations',
    payload: { value: 2, source: 'monitoring_visit', method: 'Visit with the local council', ...values },
  });
  expect(response.statusCode, JSON.stringify(response.json())).toBe(201);
  ids[key] = response.json().id;
}

async function decide(key: string, decision: string, reason?: string) {
  const response = await verifier.request({
    method: 'POST',
    url: `/api/v1/observations/${ids[key]}/verification`,
    payload: { decision, ...(reason ? { reason } : {}) },
  });
  expect(response.statusCode).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnvironment();
  await upsertZones(env.database.db, [
    { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
    { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
    { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder' }, population: 12000 },
    { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 8000 },
  ]);
  centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  network = await createTestOrganisation(env.app, { kind: 'civil_society' });
  monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  const as = async (roles: Parameters<typeof createTestAccount>[1] extends infer O ? O : never) =>
    signIn(env.app, await createTestAccount(env.app, roles));
  centreMonitor = await as({ roles: ['field_monitor'], organisationId: centre.id });
  networkMonitor = await as({ roles: ['field_monitor'], organisationId: network.id });
  coordinator = await as({ roles: ['coordinator'], organisationId: centre.id });
  verifier = await as({ roles: ['verifier'], organisationId: monitors.id });
  centreVerifier = await as({ roles: ['verifier'], organisationId: centre.id });
  centreAdministrator = await as({ roles: ['administrator'], organisationId: centre.id });
  networkAdministrator = await as({ roles: ['administrator'], organisationId: network.id });

  // Last month the centre gave three values; a verifier asked evidence for one and rejected another.
  await record(centreMonitor, 'mines', { pcode: 'QM0101', indicator: 'mines_uxo_on_routes', period: LAST_MONTH });
  await record(centreMonitor, 'safety', {
    pcode: 'QM0101',
    indicator: 'perceived_safety',
    period: LAST_MONTH,
    value: 60,
  });
  await record(centreMonitor, 'birch', {
    pcode: 'QM0102',
    indicator: 'perceived_safety',
    period: LAST_MONTH,
    value: 70,
  });
  await decide('mines', 'request_evidence', 'Attach the clearance team’s report.');
  await decide('safety', 'reject', 'The survey counted only the men of the village.');
  // This month the centre gave one again; the network one of its own.
  await record(centreMonitor, 'minesNow', { pcode: 'QM0101', indicator: 'mines_uxo_on_routes', period: THIS_MONTH });
  await record(networkMonitor, 'network', {
    pcode: 'QM0102',
    indicator: 'food_consumption',
    period: THIS_MONTH,
    value: 80,
  });
  // An earlier month, assessed with nothing waiting: ready to publish.
  const assessed = await coordinator.request({
    method: 'POST',
    url: '/api/v1/assessments',
    payload: { period: EARLIER },
  });
  expect(assessed.statusCode).toBe(200);
});
afterAll(() => env.close());

describe('a field monitor’s work', () => {
  it('lists the evidence requests and rejections of their organisation with the verifier’s reasons', async () => {
    const items = await work(centreMonitor);
    expect(items.map((i) => i.kind)).toEqual(['zones.evidence_requested', 'zones.rejected', 'zones.values_due']);
    const requested = item(items, 'zones.evidence_requested');
    expect(requested).toMatchObject({ count: 1, role: 'field_monitor' });
    expect(requested.entries[0]).toMatchObject({
      subject: { code: 'QM0101', name: { en: 'Alder' } },
      indicator: 'mines_uxo_on_routes',
      indicatorName: expect.objectContaining({ en: expect.stringMatching(/mine/i) }),
      period: LAST_MONTH,
      reason: 'Attach the clearance team’s report.',
    });
    const rejected = item(items, 'zones.rejected');
    expect(rejected.count).toBe(1);
    expect(rejected.entries[0]).toMatchObject({
      indicator: 'perceived_safety',
      reason: 'The survey counted only the men of the village.',
      href: 'zones/QM0101',
    });
  });

  it('lists the values still due this month in the zones the organisation reports on', async () => {
    const due = item(await work(centreMonitor), 'zones.values_due');
    // Alder's mines are given this month and its rejected safety value does not make it "theirs";
    // Birch's perceived safety of last month is still due.
    expect(due.count).toBe(1);
    expect(due.entries).toEqual([
      expect.objectContaining({ subject: { code: 'QM0102', name: { en: 'Birch' } }, count: 1, period: THIS_MONTH }),
    ]);
    expect(due.entries[0]!.href).toBe('zones/observations/new?pcode=QM0102');
    expect(due.entryCount).toBe(1);
  });

  it('a rejection stops being work once a new value replaces it, and a due value once it is given', async () => {
    await record(centreMonitor, 'safetyAgain', {
      pcode: 'QM0101',
      indicator: 'perceived_safety',
      period: LAST_MONTH,
      value: 55,
    });
    await record(centreMonitor, 'birchNow', {
      pcode: 'QM0102',
      indicator: 'perceived_safety',
      period: THIS_MONTH,
      value: 71,
    });
    const items = await work(centreMonitor);
    expect(item(items, 'zones.rejected').count).toBe(0);
    // Alder's perceived safety, given again for last month, is now due this month too; Birch's is given.
    const due = item(items, 'zones.values_due');
    expect(due.entries.map((e) => [e.subject?.code, e.count])).toEqual([['QM0101', 1]]);
  });

  it('another organisation’s field monitor sees none of it', async () => {
    const items = await work(networkMonitor);
    expect(item(items, 'zones.evidence_requested').count).toBe(0);
    expect(item(items, 'zones.rejected').count).toBe(0);
    // The network gave values only this month: nothing of earlier months to give again.
    expect(item(items, 'zones.values_due').count).toBe(0);
    expect(JSON.stringify(items)).not.toContain('clearance team');
  });
});

describe('a verifier’s work', () => {
  it('counts what waits for their organisation, never their own organisation’s values', async () => {
    const independent = item(await work(verifier), 'zones.to_verify');
    // birch, minesNow, network, safetyAgain, birchNow: pending, none of them the monitors' own.
    expect(independent.count).toBe(5);
    expect(independent.entries[0]).toMatchObject({
      subject: { code: 'QM0102' },
      indicator: 'perceived_safety',
      period: LAST_MONTH,
      organisation: centre.name,
    });
    const own = await work(centreVerifier);
    expect(own.map((i) => i.kind)).toEqual(['zones.to_verify']);
    expect(item(own, 'zones.to_verify')).toMatchObject({ count: 1, entries: [{ organisation: network.name }] });
  });
});

describe('a coordinator’s work', () => {
  it('counts the values that keep periods from publication and names the periods ready to publish', async () => {
    const items = await work(coordinator);
    // The coordinator also decides cases: the returnee-cases module's items follow the zones' own.
    expect(items.map((i) => i.kind).filter((kind) => kind.startsWith('zones.'))).toEqual([
      'zones.awaiting_verification',
      'zones.ready_to_publish',
    ]);
    const waiting = item(items, 'zones.awaiting_verification');
    // Last month: birch, safetyAgain (pending) and mines (evidence asked for); this month: minesNow, network, birchNow.
    expect(waiting.count).toBe(6);
    expect(waiting.entries.map((e) => [e.period, e.count])).toEqual([
      [THIS_MONTH, 3],
      [LAST_MONTH, 3],
    ]);
    expect(waiting.entries[1]!.href).toBe(`zones/review?period=${LAST_MONTH}`);
    // Two entries stand for the six observations: a screen says how many more entries, not observations.
    expect(waiting.entryCount).toBe(2);
    const ready = item(items, 'zones.ready_to_publish');
    expect(ready.entries.map((e) => e.period)).toEqual([EARLIER]);
    expect(ready.count).toBe(1);
  });

  it('lists each waiting value of a period with its organisation and who can act on it', async () => {
    const response = await coordinator.request({ method: 'GET', url: `/api/v1/periods/${LAST_MONTH}/waiting` });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBe(3);
    const byId = new Map(page.items.map((i: { id: string }) => [i.id, i]));
    // Waiting for a verifier: every organisation with a verifier but the submitting one.
    expect(byId.get(ids.birch)).toMatchObject({
      pcode: 'QM0102',
      zoneName: { en: 'Birch' },
      status: 'pending',
      organisation: { id: centre.id, name: centre.name },
      actors: [{ id: monitors.id, name: monitors.name }],
      reason: null,
    });
    // Waiting for evidence: the submitting organisation, with the verifier's request.
    expect(byId.get(ids.mines)).toMatchObject({
      status: 'more_evidence',
      actors: [{ id: centre.id, name: centre.name }],
      reason: 'Attach the clearance team’s report.',
    });
    const paged = await coordinator.request({
      method: 'GET',
      url: `/api/v1/periods/${LAST_MONTH}/waiting?limit=1&offset=1`,
    });
    expect(paged.json()).toMatchObject({ total: 3, items: [expect.objectContaining({ period: LAST_MONTH })] });
  });

  it('the waiting list is the publisher’s: field monitors and verifiers are refused', async () => {
    for (const client of [centreMonitor, verifier]) {
      const refused = await client.request({ method: 'GET', url: `/api/v1/periods/${LAST_MONTH}/waiting` });
      expect(refused.statusCode).toBe(403);
    }
    const bad = await coordinator.request({ method: 'GET', url: '/api/v1/periods/2026-13/waiting' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('publishing a month that has not ended', () => {
  it('says whether the month is over and refuses to publish a running month without an explicit confirmation', async () => {
    const review = await coordinator.request({ method: 'GET', url: `/api/v1/periods/${EARLIER}/review` });
    expect(review.json().monthEnded).toBe(true);
    const running = await coordinator.request({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { period: THIS_MONTH },
    });
    expect(running.json().monthEnded).toBe(false);

    const refused = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: THIS_MONTH },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', reason: 'month_not_ended' });
    expect(refused.json().detail).toContain(THIS_MONTH);
    // Confirmed, the month is still held back by what waits for a verifier.
    const confirmed = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: THIS_MONTH, confirmMonthNotEnded: true },
    });
    expect(confirmed.json()).toMatchObject({ reason: 'unverified_observations' });
    const notTrue = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: THIS_MONTH, confirmMonthNotEnded: false },
    });
    expect(notTrue.statusCode).toBe(400);

    // A month that is over needs no confirmation.
    const past = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: EARLIER },
    });
    expect(past.statusCode).toBe(201);
    const after = item(await work(coordinator), 'zones.ready_to_publish');
    expect(after.count).toBe(0);
  });
});

describe('an administrator’s work', () => {
  it('lists accounts without a chosen password or two-factor sign-in, within the administrator’s reach', async () => {
    const pending = await createTestAccount(env.app, {
      roles: ['field_monitor'],
      organisationId: network.id,
      password: null,
    });
    const noTotp = await createTestAccount(env.app, { roles: ['coordinator'], organisationId: centre.id, totp: false });

    const everywhere = await work(centreAdministrator);
    expect(everywhere.map((i) => i.kind)).toEqual([
      'accounts.password_not_chosen',
      'accounts.two_factor_missing',
      'agreements.expiring',
    ]);
    const password = item(everywhere, 'accounts.password_not_chosen');
    expect(password.entries.map((e) => e.subject?.code)).toContain(pending.email);
    expect(password.entries.find((e) => e.subject?.code === pending.email)?.href).toBe(
      `administration/users/${pending.userId}`,
    );
    expect(item(everywhere, 'accounts.two_factor_missing').entries.map((e) => e.subject?.code)).toContain(noTotp.email);

    // The network's administrator reaches only the network's people.
    const scoped = await work(networkAdministrator);
    expect(item(scoped, 'accounts.password_not_chosen').entries.map((e) => e.subject?.code)).toEqual([pending.email]);
    expect(item(scoped, 'accounts.two_factor_missing').count).toBe(0);
    // An administrator has no zones work, and a field monitor no accounts work.
    expect(scoped.some((i) => i.kind.startsWith('zones.'))).toBe(false);
    expect((await work(centreMonitor)).some((i) => i.kind.startsWith('accounts.'))).toBe(false);
  });

  it('lists data-sharing agreements that end within 30 days', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const created = await centreAdministrator.request({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: {
        fromOrganisationId: centre.id,
        toOrganisationId: network.id,
        purpose: 'statistics',
        dataCategories: ['case'],
        expiresAt: inTenDays,
      },
    });
    expect(created.statusCode).toBe(201);
    const ending = item(await work(centreAdministrator), 'agreements.expiring');
    expect(ending.count).toBe(1);
    expect(ending.entries[0]).toMatchObject({ organisation: centre.name, subject: { name: { en: network.name } } });
  });

  it('answers 401 to nobody signed in', async () => {
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/v1/me/work' });
    expect(anonymous.statusCode).toBe(401);
  });
});
