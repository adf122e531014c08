import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { type IncomingSubmission, receiveSubmission } from './submissions.ts';
import { gatewaySmsOutbox, gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * Handling an item through the API: acknowledged, assigned, investigated, answered and closed, each step in
 * order; the answer read back with the receipt code; a closed item refusing replies; a referral moving the item
 * and telling the submitter; the text shown as typed; the audit free of what was written.
 */
let env: TestEnvironment;
let centre: string;
let partner: string;
let worker: TestClient;
let workerId: string;
let partnerWorker: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  partner = (await createTestOrganisation(env.app, { kind: 'un_agency', name: 'Partner Agency' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre });
  const account = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: centre });
  workerId = account.userId;
  worker = await signIn(env.app, account);
  partnerWorker = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['case_worker'], organisationId: partner }),
  );
});
afterAll(() => env.close());

const SECRET = 'The guard at the crossing kept my papers <script>alert("x")</script>';

async function submit(over: Partial<IncomingSubmission> = {}) {
  return receiveSubmission(
    { db: env.database.db, platform: env.app.platform },
    {
      kind: 'complaint',
      complaintCategory: 'misconduct',
      aboutNamedPerson: false,
      disclosure: 'anonymous',
      text: SECRET,
      language: 'ar',
      contactConsent: false,
      channel: 'web',
      ...over,
    },
    null,
  );
}

const post = (client: TestClient, url: string, payload: Record<string, unknown> = {}) =>
  client.request({ method: 'POST', url: `/api/v1/gateway/submissions/${url}`, payload });
const statusByCode = (code: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/public/gateway/receipts/status',
    payload: { code },
    remoteAddress: '10.7.0.1',
  });

describe('handling an item', () => {
  it('takes it through every step in order, and the submitter reads the answer with their code', async () => {
    const { submissionId, receiptCode } = await submit();
    const acknowledged = await post(worker, `${submissionId}/acknowledge`);
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', nextStep: 'assign', acknowledgedInTime: true });
    const assigned = await post(worker, `${submissionId}/assign`, { assigneeId: workerId });
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignee: { id: workerId, name: 'Test Person' } });
    expect((await post(worker, `${submissionId}/investigate`, { note: 'Called the crossing' })).json().status).toBe(
      'investigating',
    );
    const answer = 'We spoke to the crossing; your papers are waiting at the office.';
    const responded = await post(worker, `${submissionId}/respond`, { text: answer });
    expect(responded.statusCode).toBe(200);
    expect(responded.json().messages).toEqual([
      expect.objectContaining({ from: 'staff', text: answer, delivery: 'receipt' }),
    ]);
    const read = await statusByCode(receiptCode);
    expect(read.json()).toMatchObject({ status: 'responded', messages: [{ from: 'staff', text: answer }] });
    const closed = await post(worker, `${submissionId}/close`, { satisfaction: 'satisfied', note: 'By phone' });
    expect(closed.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied', dueAt: null, overdue: false });
    expect(closed.json().history.map((line: { entry: string }) => line.entry)).toEqual([
      'received',
      'acknowledged',
      'assigned',
      'investigating',
      'responded',
      'closed',
    ]);
    expect(closed.json().history.at(-1)).toMatchObject({ note: 'By phone', by: { id: workerId } });
  });

  it('refuses a step out of order with the reason, and changes nothing', async () => {
    const { submissionId } = await submit();
    const early = await post(worker, `${submissionId}/assign`, { assigneeId: workerId });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'conflict', reason: 'gateway_acknowledge_first' });
    expect(early.json().detail).toContain('Acknowledge');
    await post(worker, `${submissionId}/acknowledge`);
    const again = await post(worker, `${submissionId}/acknowledge`);
    expect(again.json().reason).toBe('gateway_already_acknowledged');
    const answer = await post(worker, `${submissionId}/respond`, { text: 'Too soon' });
    expect(answer.json().reason).toBe('gateway_investigate_first');
    const close = await post(worker, `${submissionId}/close`, {});
    expect(close.json().reason).toBe('gateway_answer_first');
    const [row] = await env.database.db
      .select()
      .from(gatewaySubmissions)
      .where(eq(gatewaySubmissions.id, submissionId));
    expect(row!.status).toBe('acknowledged');
  });

  it('answers in the reader’s language when a step is refused', async () => {
    const { submissionId } = await submit();
    const response = await worker.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${submissionId}/close`,
      payload: {},
      headers: { 'accept-language': 'ar' },
    });
    expect(response.json().detail).toBe('يجب الرد على مقدّم الطلب قبل إغلاقه.');
  });

  it('refuses an assignee who does not handle the inbox of this organisation', async () => {
    const { submissionId } = await submit();
    await post(worker, `${submissionId}/acknowledge`);
    const outsider = await createTestAccount(env.app, { roles: ['case_worker'], organisationId: partner });
    const response = await post(worker, `${submissionId}/assign`, { assigneeId: outsider.userId });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.assigneeId', code: 'not_a_handler' }),
    ]);
  });

  it('refuses a reply to a closed item with 409, on the staff side and the submitter’s', async () => {
    const { submissionId, receiptCode } = await submit();
    await post(worker, `${submissionId}/acknowledge`);
    await post(worker, `${submissionId}/assign`, { assigneeId: workerId });
    await post(worker, `${submissionId}/investigate`);
    await post(worker, `${submissionId}/respond`, { text: 'Answered' });
    await post(worker, `${submissionId}/close`);
    const reply = await post(worker, `${submissionId}/messages`, { text: 'One more thing' });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().reason).toBe('gateway_handling_closed');
    const added = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/information',
      payload: { code: receiptCode, text: 'Me again' },
      remoteAddress: '10.7.0.2',
    });
    expect(added.statusCode).toBe(409);
    expect((await statusByCode(receiptCode)).json().messages).toHaveLength(1);
  });

  it('sends a reply by SMS as well when the submitter gave a number and agreed', async () => {
    const { submissionId } = await submit({
      disclosure: 'open',
      contact: { phone: '+964 750 555 0101' },
      contactConsent: true,
    });
    const reply = await post(worker, `${submissionId}/messages`, { text: 'Please call us back' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().messages.at(-1)).toMatchObject({ delivery: 'sms', text: 'Please call us back' });
    expect(reply.json().contact).toMatchObject({ phone: '+964 750 555 0101' });
    const queued = await env.database.db
      .select()
      .from(gatewaySmsOutbox)
      .where(eq(gatewaySmsOutbox.submissionId, submissionId));
    expect(queued).toHaveLength(1);
    expect(JSON.stringify(queued)).not.toContain('7505550101');
    expect(JSON.stringify(queued)).not.toContain('750 555');
  });

  it('shows the text exactly as typed, as plain text', async () => {
    const { submissionId } = await submit();
    const item = await worker.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` });
    expect(item.headers['content-type']).toContain('application/json');
    expect(item.json().text).toBe(SECRET);
  });
});

describe('referring an item', () => {
  it('moves it to the other organisation, which sees it as received, and tells the submitter in their language', async () => {
    const { submissionId, receiptCode } = await submit({ language: 'ar' });
    await post(worker, `${submissionId}/acknowledge`);
    const referred = await post(worker, `${submissionId}/refer`, { organisationId: partner, note: 'Their area' });
    expect(referred.statusCode).toBe(200);
    expect(referred.json()).toMatchObject({ organisation: { id: partner, name: 'Partner Agency' } });
    const gone = await worker.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` });
    expect(gone.statusCode).toBe(404);
    const there = await partnerWorker.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` });
    expect(there.statusCode).toBe(200);
    expect(there.json()).toMatchObject({ status: 'received', referrals: 1, assignee: null, acknowledgedAt: null });
    const read = (await statusByCode(receiptCode)).json();
    expect(read).toMatchObject({ status: 'received', referred: true });
    expect(read.messages.at(-1).text).toContain('منظمة أخرى');
  });

  it('refuses referring to the same organisation or to one that does not exist', async () => {
    const { submissionId } = await submit();
    expect((await post(worker, `${submissionId}/refer`, { organisationId: centre })).json().reason).toBe(
      'gateway_refer_same_organisation',
    );
    const unknown = await post(worker, `${submissionId}/refer`, {
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.organisationId', code: 'unknown_organisation' });
  });

  it('refuses sending a sensitive item to an organisation without protection officers', async () => {
    await insertRoutingRule(env.database.db, { organisationId: centre, sensitive: true });
    const officer = await signIn(
      env.app,
      await createTestAccount(env.app, { roles: ['protection_officer'], organisationId: centre }),
    );
    const { submissionId } = await submit({ complaintCategory: 'sexual_exploitation_abuse' });
    const refused = await post(officer, `${submissionId}/refer`, { organisationId: partner });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe('gateway_refer_not_protecting');
  });
});

describe('the audit of handling', () => {
  it('records each step with ids and codes, never the text, a reply or a note', async () => {
    const types = (await env.database.db.select({ type: auditEntries.eventType }).from(auditEntries)).map(
      (row) => row.type,
    );
    for (const type of [
      'gateway.submission_acknowledged',
      'gateway.submission_assigned',
      'gateway.submission_investigating',
      'gateway.submission_responded',
      'gateway.submission_closed',
      'gateway.reply_sent',
      'gateway.submission_referred',
    ]) {
      expect(types).toContain(type);
    }
    const details = JSON.stringify(await env.database.db.select().from(auditDetails));
    for (const text of [
      'guard at the crossing',
      'papers are waiting',
      'By phone',
      'Their area',
      'call us back',
      // The phone given (a bare '555' could be part of an id).
      '750 555 0101',
      '7505550101',
    ]) {
      expect(details).not.toContain(text);
    }
  });
});
