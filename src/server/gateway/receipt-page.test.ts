import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { publicFormServer, type RenderedPage } from '../../../test/support/public-form.ts';
import type { ReceiptPageAnswer } from '../../web/public/gateway/answers.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { receiptForm } from './receipt-page.ts';
import { receiveSubmission } from './submissions.ts';
import { gatewayMessages, gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * The receipt page's forms as a browser without JavaScript posts them: the status and messages, the refusal of a
 * wrong code (the same as a malformed one), the wait, adding information and saying how satisfied, and never
 * the code in what comes back.
 */
const LOOKUPS_PER_HOUR = 9;
let env: TestEnvironment;
let web: FastifyInstance;
let rendered: RenderedPage[] = [];
let code: string;
let submissionId: string;
let organisationId: string;

beforeAll(async () => {
  env = await createTestEnvironment({ gatewayLookupsPerHour: LOOKUPS_PER_HOUR });
  organisationId = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  await insertRoutingRule(env.database.db, { organisationId });
  const receipt = await receiveSubmission(
    { db: env.database.db, platform: env.app.platform },
    {
      kind: 'complaint',
      complaintCategory: 'misconduct',
      disclosure: 'anonymous',
      text: 'Typed by a submitter: <script>alert(1)</script>',
      language: 'ar',
      aboutNamedPerson: false,
      contactConsent: false,
      channel: 'web',
    },
    null,
  );
  code = receipt.receiptCode;
  submissionId = receipt.submissionId;
  ({ web, rendered } = await publicFormServer(env, receiptForm, 'ar'));
});
afterAll(async () => {
  await web.close();
  await env.close();
});

let address = 0;
const post = (fields: Record<string, string>, from = `10.5.0.${++address}`) => {
  rendered.length = 0;
  return web.inject({
    method: 'POST',
    url: '/feedback/receipt',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: from,
  });
};
const page = () => rendered[0]!.forms['gateway-receipt']!;
const answer = () => page().answer as Extract<ReceiptPageAnswer, { status?: unknown }>;
/** The code as someone might type it from paper in Arabic: Eastern Arabic digits, in groups. */
const eastern = (digits: string) =>
  digits.replace(/\d/g, (digit) => String.fromCodePoint(0x0660 + Number(digit))).replace(/(.{4})(?=.)/g, '$1 ');

describe('the receipt page without JavaScript', () => {
  it('shows the status and messages for a code typed in Eastern Arabic digits, and never sends the code back', async () => {
    const response = await post({ action: 'status', code: eastern(code) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(rendered[0]!.url).toBe('/feedback/receipt');
    expect(answer().status).toMatchObject({ kind: 'complaint', status: 'received', open: true, messages: [] });
    expect(JSON.stringify(rendered)).not.toContain(code);
  });

  it('refuses a wrong code and a malformed one with the same words next to the code (404)', async () => {
    const wrong = `${code.slice(0, 15)}${(Number(code[15]) + 1) % 10}`;
    for (const typed of [wrong, '1234', 'not a code at all']) {
      const response = await post({ action: 'status', code: typed });
      expect(response.statusCode).toBe(404);
      expect(page()).toEqual({ values: { action: 'status' }, errors: { code: 'gatewayPortal.receipt.notRecognised' } });
      expect(JSON.stringify(rendered)).not.toContain(typed);
    }
    const empty = await post({ action: 'status', code: '' });
    expect(empty.statusCode).toBe(422);
    expect(page().errors).toEqual({ code: 'gatewayPortal.receipt.codeRequired' });
  });

  it('adds information to the open item, which the status then shows as text', async () => {
    const response = await post({ action: 'add', code, text: 'More: <b>the guard</b> came back' });
    expect(response.statusCode).toBe(200);
    expect(answer().done).toBe('added');
    expect(answer().status!.messages).toEqual([
      { from: 'submitter', text: 'More: <b>the guard</b> came back', at: expect.any(String) },
    ]);
    // Without text, the status shows with the error beside the form to add.
    const empty = await post({ action: 'add', code, text: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(page().errors).toEqual({ text: 'gatewayPortal.form.textRequired' });
    expect(answer().status).toMatchObject({ kind: 'complaint' });
  });

  it('refuses satisfaction before an answer, then takes it once answered (409, then 200)', async () => {
    const early = await post({ action: 'rate', code, satisfaction: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(answer().refused).toBe('not_answered');
    await env.database.db.insert(gatewayMessages).values({
      submissionId,
      author: 'staff',
      organisationId,
      bodyEnc: await env.app.platform.keyring.encrypt(env.database.db, 'narrative', 'Reply: <script>x()</script>'),
    });
    await env.database.db
      .update(gatewaySubmissions)
      .set({ status: 'responded', respondedAt: new Date() })
      .where(eq(gatewaySubmissions.id, submissionId));
    const rated = await post({ action: 'rate', code, satisfaction: 'partly_satisfied' });
    expect(rated.statusCode).toBe(200);
    expect(answer()).toMatchObject({ done: 'rated', status: { satisfaction: 'partly_satisfied' } });
    expect(answer().status!.messages.at(-1)).toMatchObject({ from: 'staff', text: 'Reply: <script>x()</script>' });
  });

  it('refuses information added to a closed item politely, showing where it stands (409), keeping the text', async () => {
    await env.database.db
      .update(gatewaySubmissions)
      .set({ status: 'closed', closedAt: new Date() })
      .where(eq(gatewaySubmissions.id, submissionId));
    const before = (await env.database.db.select().from(gatewayMessages)).length;
    const response = await post({ action: 'add', code, text: 'One more thing' });
    expect(response.statusCode).toBe(409);
    expect(answer()).toMatchObject({ refused: 'closed', status: { status: 'closed', open: false } });
    expect(page().values).toEqual({ action: 'add', text: 'One more thing' });
    expect((await env.database.db.select().from(gatewayMessages)).length).toBe(before);
  });

  it('answers a NUL in the code with the page, not an error page', async () => {
    const response = await post({ action: 'status', code: `${code}\u0000` });
    expect(response.statusCode).toBe(422);
    expect(page().errors).toEqual({ code: 'gatewayPortal.receipt.unreadable' });
  });

  it('limits guessing: past the allowance the page says how long to wait (429), even for the right code', async () => {
    const from = '10.44.0.1';
    let last = 0;
    for (let attempt = 0; attempt < 5 && last !== 429; attempt++) {
      last = (await post({ action: 'status', code: '0000 0000 0000 0000' }, from)).statusCode;
    }
    expect(last).toBe(429);
    const blocked = await post({ action: 'status', code }, from);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(page().answer).toEqual({ retryAfterSeconds: expect.any(Number) });
  });
});
