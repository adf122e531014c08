import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { createTestAccount, createTestOrganisation } from '../platform/auth/test-support.ts';
import { registerErrorHandling } from '../platform/http/problem.ts';
import { acceptFormBodies, type RenderPage } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { createTestZones } from '../zones/test-support.ts';
import { type DecidedTestDecision, decidedTestDecision } from './appeals-test-support.ts';
import { caseStatusForm } from './status-page.ts';

/**
 * The status page's form as a browser without JavaScript posts it: the page comes back with the answer, the
 * refusal or the wait, and never with the code. A stand-in renderer records what the page would be given.
 */
const MAX_ATTEMPTS = 2;
let env: TestEnvironment;
let web: FastifyInstance;
let household: DecidedTestDecision;
let rendered: { url: string; forms: Record<string, FormState>; status: number }[] = [];

beforeAll(async () => {
  env = await createTestEnvironment({ loginMaxAttempts: MAX_ATTEMPTS });
  await createTestZones(env.database.db);
  const organisationId = (await createTestOrganisation(env.app)).id;
  const worker = await createTestAccount(env.app, { roles: ['case_worker'], organisationId });
  household = await decidedTestDecision(
    { db: env.database.db, keyring: env.app.platform.keyring, config: env.config },
    { organisationId, actor: { userId: worker.userId, organisationId }, stage: 'eligible' },
  );
  web = Fastify({ logger: false });
  registerErrorHandling(web);
  web.addHook('onRequest', async (request) => {
    request.ctx = {
      db: env.database.db,
      actor: null,
      requestId: request.id,
      language: 'en',
      platform: env.app.platform,
    };
  });
  acceptFormBodies(web);
  const render: RenderPage = async (_request, reply, url, sent) => {
    rendered.push({ url, ...sent });
    return reply.code(sent.status).type('text/html').send('<main></main>');
  };
  caseStatusForm(web, render);
  await web.ready();
});
afterAll(async () => {
  await web.close();
  await env.close();
});

const post = (fields: Record<string, string>, from = '10.1.1.1') => {
  rendered = [];
  return web.inject({
    method: 'POST',
    url: '/cases/status',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: from,
  });
};

describe('the status page form without JavaScript', () => {
  it('answers with the page showing the status, keeping the reference and never the code', async () => {
    const response = await post({ reference: household.reference, code: household.statusCode });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const [page] = rendered;
    expect(page!.url).toBe('/cases/status');
    expect(page!.forms['case-status']).toEqual({
      values: { reference: household.reference },
      errors: {},
      answer: { status: expect.objectContaining({ reference: household.reference, stage: 'eligible' }) },
    });
    expect(JSON.stringify(page)).not.toContain(household.statusCode);
  });

  it('names the missing field with a catalogue key (422)', async () => {
    const response = await post({ reference: household.reference });
    expect(response.statusCode).toBe(422);
    expect(rendered[0]!.forms['case-status']!.errors).toEqual({ code: 'caseStatus.form.codeRequired' });
  });

  it('shows a wrong code as the code field’s error (404), then the wait (429) once guessing is limited', async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const response = await post({ reference: household.reference, code: '12345' }, `10.2.2.${attempt}`);
      expect(response.statusCode).toBe(404);
      expect(rendered[0]!.forms['case-status']!.errors).toEqual({ code: 'caseStatus.form.notRecognised' });
      expect(JSON.stringify(rendered)).not.toContain('12345');
    }
    const blocked = await post({ reference: household.reference, code: household.statusCode }, '10.3.3.3');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(rendered[0]!.forms['case-status']!.answer).toEqual({ retryAfterSeconds: expect.any(Number) });
  });
});
