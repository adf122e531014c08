import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { accessLog } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { type IncomingSubmission, receiveSubmission } from './submissions.ts';
import { gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * The inbox: the organisation's items, earliest due first, without their text; filters; overdue items flagged;
 * sensitive items listed and opened only by protection officers, counted for everyone else; another
 * organisation's items not found.
 */
let env: TestEnvironment;
let centre: string;
let worker: TestClient;
let workerId: string;
let officer: TestClient;
let outsider: TestClient;
const DAY = 86_400_000;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  const other = (await createTestOrganisation(env.app, { kind: 'un_agency' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre });
  await insertRoutingRule(env.database.db, { organisationId: other, kind: 'appeal' });
  const account = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: centre });
  workerId = account.userId;
  worker = await signIn(env.app, account);
  officer = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['protection_officer'], organisationId: centre }),
  );
  outsider = await signIn(env.app, await createTestAccount(env.app, { roles: ['case_worker'], organisationId: other }));
});
afterAll(() => env.close());

const submit = (over: Partial<IncomingSubmission> = {}, now?: Date) =>
  receiveSubmission(
    { db: env.database.db, platform: env.app.platform },
    {
      kind: 'concern',
      aboutNamedPerson: false,
      disclosure: 'anonymous',
      text: 'Water point broken in the camp',
      language: 'en',
      contactConsent: false,
      channel: 'web',
      ...over,
    },
    null,
    now ? { now } : {},
  );
const list = (client: TestClient, query = '') =>
  client.request({ method: 'GET', url: `/api/v1/gateway/submissions${query}` });

describe('the inbox', () => {
  let old: string;
  let fresh: string;
  let sea: string;
  let appeal: string;
  beforeAll(async () => {
    old = (await submit({ pcode: 'QM0101' }, new Date(Date.now() - 5 * DAY))).submissionId;
    fresh = (await submit({ kind: 'complaint', complaintCategory: 'misconduct' })).submissionId;
    sea = (
      await submit({
        kind: 'complaint',
        complaintCategory: 'sexual_exploitation_abuse',
        text: 'A volunteer asked for favours',
      })
    ).submissionId;
    appeal = (await submit({ kind: 'appeal' })).submissionId;
  });

  it('lists the organisation’s items, overdue first, with due dates and no text', async () => {
    const response = await list(worker);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const page = response.json();
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([old, fresh]);
    expect(page.items[0]).toMatchObject({
      status: 'received',
      nextStep: 'acknowledge',
      overdue: true,
      pcode: 'QM0101',
    });
    expect(page.items[1]).toMatchObject({ overdue: false, kind: 'complaint', complaintCategory: 'misconduct' });
    expect(new Date(page.items[1].dueAt).getTime() - new Date(page.items[1].receivedAt).getTime()).toBe(2 * DAY);
    expect(response.body).not.toContain('Water point');
    expect(page.items).not.toContainEqual(expect.objectContaining({ id: appeal }));
  });

  it('filters by kind, zone, overdue and the caller’s own items', async () => {
    const ids = async (query: string) =>
      (await list(worker, query)).json().items.map((item: { id: string }) => item.id);
    expect(await ids('?kind=complaint')).toEqual([fresh]);
    expect(await ids('?pcode=QM01')).toEqual([old]);
    expect(await ids('?overdue=true')).toEqual([old]);
    expect(await ids('?overdue=false')).toEqual([fresh]);
    expect(await ids('?mine=true')).toEqual([]);
    await worker.request({ method: 'POST', url: `/api/v1/gateway/submissions/${fresh}/acknowledge`, payload: {} });
    await worker.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${fresh}/assign`,
      payload: { assigneeId: workerId },
    });
    expect(await ids('?mine=true')).toEqual([fresh]);
    expect(await ids('?status=assigned')).toEqual([fresh]);
    const bad = await list(worker, '?status=lost');
    expect(bad.statusCode).toBe(400);
  });

  it('pages by keyset, with the total of them all', async () => {
    const first = (await list(officer, '?limit=2')).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = (await list(officer, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((item: { id: string }) => item.id);
    expect(new Set(all)).toEqual(new Set([old, fresh, sea]));
    expect((await list(officer, '?cursor=nonsense')).statusCode).toBe(400);
  });

  it('shows a case worker only how many sensitive items there are', async () => {
    const page = (await list(worker)).json();
    expect(page).toMatchObject({ total: 2, sensitiveHidden: 1 });
    expect(page.items).not.toContainEqual(expect.objectContaining({ id: sea }));
    const opened = await worker.request({ method: 'GET', url: `/api/v1/gateway/submissions/${sea}` });
    expect(opened.statusCode).toBe(404);
    const step = await worker.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${sea}/acknowledge`,
      payload: {},
    });
    expect(step.statusCode).toBe(404);
  });

  it('lists and opens sensitive items for the protection officer, and logs the reading', async () => {
    const page = (await list(officer)).json();
    expect(page).toMatchObject({ sensitiveHidden: 0 });
    expect(page.items).toContainEqual(expect.objectContaining({ id: sea, sensitive: true }));
    const opened = await officer.request({ method: 'GET', url: `/api/v1/gateway/submissions/${sea}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ text: 'A volunteer asked for favours', contact: null });
    const reads = await env.database.db.select().from(accessLog).where(eq(accessLog.recordId, sea));
    expect(reads).toEqual([
      expect.objectContaining({ recordType: 'gateway_submission', purpose: 'protection_follow_up' }),
    ]);
  });

  it('assigns a sensitive item only to a protection officer', async () => {
    await officer.request({ method: 'POST', url: `/api/v1/gateway/submissions/${sea}/acknowledge`, payload: {} });
    const response = await officer.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${sea}/assign`,
      payload: { assigneeId: workerId },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].code).toBe('not_a_protection_officer');
    const handlers = (await officer.request({ method: 'GET', url: '/api/v1/gateway/handlers' })).json();
    expect(handlers).toContainEqual(expect.objectContaining({ id: workerId, protectionOfficer: false }));
    expect(handlers.filter((person: { protectionOfficer: boolean }) => person.protectionOfficer)).toHaveLength(1);
  });

  it('does not find another organisation’s item, in the list or by id', async () => {
    const theirs = (await list(outsider)).json();
    expect(theirs.items.map((item: { id: string }) => item.id)).toEqual([appeal]);
    const response = await outsider.request({ method: 'GET', url: `/api/v1/gateway/submissions/${old}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', reason: 'gateway_submission' });
    const step = await outsider.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${old}/acknowledge`,
      payload: {},
    });
    expect(step.statusCode).toBe(404);
    const [row] = await env.database.db.select().from(gatewaySubmissions).where(eq(gatewaySubmissions.id, old));
    expect(row!.status).toBe('received');
  });

  it('records an acknowledgement after its due date as late, and counts the next step from it', async () => {
    const late = (await submit({}, new Date(Date.now() - 3 * DAY))).submissionId;
    const response = await worker.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${late}/acknowledge`,
      payload: {},
    });
    const item = response.json();
    expect(item).toMatchObject({
      status: 'acknowledged',
      acknowledgedInTime: false,
      overdue: false,
      nextStep: 'assign',
    });
    expect(new Date(item.dueAt).getTime() - new Date(item.acknowledgedAt).getTime()).toBe(3 * DAY);
    expect(item.dueDates.map((due: { step: string }) => due.step)).toEqual([
      'assign',
      'investigate',
      'respond',
      'close',
    ]);
  });

  it('counts the open and overdue items on the staff home', async () => {
    const work = (await worker.request({ method: 'GET', url: '/api/v1/me/work' })).json();
    const gateway = work.items.filter((item: { kind: string }) => item.kind.startsWith('gateway.'));
    expect(gateway).toEqual([
      expect.objectContaining({ kind: 'gateway.items_open', count: 3 }),
      expect.objectContaining({ kind: 'gateway.items_overdue', count: 1 }),
    ]);
  });
});
