import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { accessLog, auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { receiveSubmission } from './submissions.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * Revealing a confidential submitter: a written request by a protection officer, approved by a second one (never
 * the one who asked), then the contact for the officer who asked alone, each reading logged.
 */
let env: TestEnvironment;
let first: TestClient;
let firstId: string;
let second: TestClient;
let worker: TestClient;
let foreignOfficer: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = (await createTestOrganisation(env.app)).id;
  const other = (await createTestOrganisation(env.app)).id;
  await insertRoutingRule(env.database.db, { organisationId: centre });
  const officer = () => createTestAccount(env.app, { roles: ['protection_officer'], organisationId: centre });
  const firstAccount = await officer();
  firstId = firstAccount.userId;
  first = await signIn(env.app, firstAccount);
  second = await signIn(env.app, await officer());
  worker = await signIn(env.app, await createTestAccount(env.app, { roles: ['case_worker'], organisationId: centre }));
  foreignOfficer = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['protection_officer'], organisationId: other }),
  );
});
afterAll(() => env.close());

const PHONE = '+964 770 987 6543';
const submit = async (disclosure: 'confidential' | 'anonymous') => {
  const receipt = await receiveSubmission(
    { db: env.database.db, platform: env.app.platform },
    {
      kind: 'protection_request',
      aboutNamedPerson: false,
      disclosure,
      text: 'My neighbour is threatened',
      language: 'fr',
      contactConsent: false,
      channel: 'web',
      ...(disclosure === 'confidential' ? { contact: { name: 'Amal', phone: PHONE } } : {}),
    },
    null,
  );
  // Acknowledged and assigned to the first officer, whose item it then is.
  const url = `/api/v1/gateway/submissions/${receipt.submissionId}`;
  await first.request({ method: 'POST', url: `${url}/acknowledge`, payload: {} });
  await first.request({ method: 'POST', url: `${url}/assign`, payload: { assigneeId: firstId } });
  return receipt;
};

describe('revealing a confidential submitter', () => {
  it('keeps the contact out of the item, and gives it only after a second officer approves', async () => {
    const { submissionId } = await submit('confidential');
    const item = await first.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` });
    expect(item.json()).toMatchObject({ disclosure: 'confidential', contact: null });
    expect(item.body).not.toContain('770 987 6543');
    expect(item.body).not.toContain('Amal');
    const early = await first.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}/contact` });
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toBe('gateway_reveal_not_approved');

    const empty = await first.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${submissionId}/reveal-requests`,
      payload: { justification: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    const asked = await first.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${submissionId}/reveal-requests`,
      payload: { justification: 'Imminent threat: we must call to arrange relocation' },
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json().revealRequests[0];
    expect(request).toMatchObject({ status: 'pending', mine: true });

    const own = await first.request({ method: 'POST', url: `/api/v1/gateway/reveal-requests/${request.id}/approve` });
    expect(own.statusCode).toBe(409);
    expect(own.json().reason).toBe('gateway_reveal_own_request');
    expect(own.json().detail).toContain('another protection officer');

    const approved = await second.request({
      method: 'POST',
      url: `/api/v1/gateway/reveal-requests/${request.id}/approve`,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().revealRequests[0]).toMatchObject({ status: 'approved', mine: false });
    const secondReads = await second.request({
      method: 'GET',
      url: `/api/v1/gateway/submissions/${submissionId}/contact`,
    });
    expect(secondReads.statusCode).toBe(409);

    const contact = await first.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}/contact` });
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).toEqual({ name: 'Amal', phone: PHONE, email: null });
    const reads = await env.database.db.select().from(accessLog).where(eq(accessLog.recordType, 'gateway_contact'));
    expect(reads).toHaveLength(1);
    const entries = (await env.database.db.select({ type: auditEntries.eventType }).from(auditEntries)).map(
      (row) => row.type,
    );
    expect(entries).toEqual(
      expect.arrayContaining(['gateway.reveal_requested', 'gateway.reveal_decided', 'gateway.contact_viewed']),
    );
    const details = JSON.stringify(await env.database.db.select().from(auditDetails));
    expect(details).not.toContain('Imminent');
    expect(details).not.toContain('770 987 6543');
    const history = (await first.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` })).json()
      .history;
    expect(history.map((line: { entry: string }) => line.entry)).toEqual([
      'received',
      'acknowledged',
      'assigned',
      'reveal_requested',
      'reveal_approved',
      'contact_viewed',
    ]);
  });

  it('ends the officer’s sight of the contact when the item is given to someone else', async () => {
    const { submissionId } = await submit('confidential');
    const url = `/api/v1/gateway/submissions/${submissionId}`;
    const request = (
      await first.request({ method: 'POST', url: `${url}/reveal-requests`, payload: { justification: 'Relocation' } })
    ).json().revealRequests[0];
    await second.request({ method: 'POST', url: `/api/v1/gateway/reveal-requests/${request.id}/approve` });
    expect((await first.request({ method: 'GET', url: `${url}/contact` })).statusCode).toBe(200);
    const handlers = (await first.request({ method: 'GET', url: '/api/v1/gateway/handlers' })).json();
    const other = handlers.find(
      (person: { id: string; protectionOfficer: boolean }) => person.protectionOfficer && person.id !== firstId,
    );
    await first.request({ method: 'POST', url: `${url}/assign`, payload: { assigneeId: other.id } });
    const after = await first.request({ method: 'GET', url: `${url}/contact` });
    expect(after.statusCode).toBe(409);
    expect(after.json().reason).toBe('gateway_reveal_not_assignee');
  });

  it('refuses a second pending request, a request decided twice, and a refused one gives nothing', async () => {
    const { submissionId } = await submit('confidential');
    const ask = (client: TestClient) =>
      client.request({
        method: 'POST',
        url: `/api/v1/gateway/submissions/${submissionId}/reveal-requests`,
        payload: { justification: 'Follow-up visit' },
      });
    const request = (await ask(first)).json().revealRequests[0];
    expect((await ask(first)).json().reason).toBe('gateway_reveal_pending');
    expect((await ask(second)).json().reason).toBe('gateway_reveal_not_assignee');
    const refused = await second.request({
      method: 'POST',
      url: `/api/v1/gateway/reveal-requests/${request.id}/refuse`,
    });
    expect(refused.json().revealRequests[0].status).toBe('refused');
    const again = await second.request({
      method: 'POST',
      url: `/api/v1/gateway/reveal-requests/${request.id}/approve`,
    });
    expect(again.json().reason).toBe('gateway_reveal_decided');
    const contact = await first.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}/contact` });
    expect(contact.statusCode).toBe(409);
  });

  it('has nothing to reveal for an anonymous submitter, and keeps requests from other roles and organisations', async () => {
    const anonymous = (await submit('anonymous')).submissionId;
    const nothing = await first.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${anonymous}/reveal-requests`,
      payload: { justification: 'Curious' },
    });
    expect(nothing.json().reason).toBe('gateway_reveal_not_confidential');
    const { submissionId } = await submit('confidential');
    const byWorker = await worker.request({
      method: 'POST',
      url: `/api/v1/gateway/submissions/${submissionId}/reveal-requests`,
      payload: { justification: 'Need it' },
    });
    expect(byWorker.statusCode).toBe(403);
    const request = (
      await first.request({
        method: 'POST',
        url: `/api/v1/gateway/submissions/${submissionId}/reveal-requests`,
        payload: { justification: 'Need it' },
      })
    ).json().revealRequests[0];
    const foreign = await foreignOfficer.request({
      method: 'POST',
      url: `/api/v1/gateway/reveal-requests/${request.id}/approve`,
    });
    expect(foreign.statusCode).toBe(404);
    const workerView = await worker.request({ method: 'GET', url: `/api/v1/gateway/submissions/${submissionId}` });
    expect(workerView.json().revealRequests).toEqual([]);
  });
});
