import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { publicFormServer, type RenderedPage } from '../../../test/support/public-form.ts';
import type { SubmitPageAnswer } from '../../web/public/gateway/answers.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { receiptStatus } from './receipt-status.ts';
import { submitForm } from './submit-page.ts';
import { gatewayRateCounters, gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * The submission form as a browser without JavaScript posts it: the page comes back with the receipt code once,
 * or with each error next to its field, the wait, or why it could not be taken; a body too large or unreadable is
 * answered with the page too. A stand-in renderer records what the page would be given.
 */
const SUBMISSIONS_PER_HOUR = 4;
let env: TestEnvironment;
let web: FastifyInstance;
let rendered: RenderedPage[] = [];

beforeAll(async () => {
  env = await createTestEnvironment({ gatewaySubmissionsPerHour: SUBMISSIONS_PER_HOUR });
  await createTestZones(env.database.db);
  ({ web, rendered } = await publicFormServer(env, submitForm, 'en'));
});
afterAll(async () => {
  await web.close();
  await env.close();
});

let address = 0;
const post = (payload: string | Buffer, options: { from?: string; contentType?: string } = {}) => {
  rendered.length = 0;
  return web.inject({
    method: 'POST',
    url: '/feedback',
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' },
    payload,
    remoteAddress: options.from ?? `10.9.0.${++address}`,
  });
};
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const page = () => rendered[0]!.forms['gateway-submit']!;

const COMPLAINT = {
  kind: 'complaint',
  complaintCategory: 'misconduct',
  disclosure: 'anonymous',
  language: 'ar',
  text: 'طلب الحارس مالاً عند نقطة العبور',
};

describe('the submission form without JavaScript', () => {
  it('refuses with the page itself when nobody receives submissions yet (409), storing nothing', async () => {
    const response = await post(form(COMPLAINT));
    expect(response.statusCode).toBe(409);
    const answer = page().answer as SubmitPageAnswer;
    // The problem's own text, in the language the page was in.
    expect(answer).toEqual({ problem: { title: 'لا توجد جهة تستقبل هذا بعد', detail: expect.stringContaining('لم') } });
    expect(page().values.text).toBe(COMPLAINT.text);
    expect(await env.database.db.select().from(gatewaySubmissions)).toEqual([]);
  });

  it('answers an anonymous complaint in Arabic with the receipt code once, on the page (201, no-store)', async () => {
    const organisationId = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
    await insertRoutingRule(env.database.db, { organisationId });
    const response = await post(form({ ...COMPLAINT, name: 'Should not be kept', phone: '+964 750 000 0000' }), {
      from: '10.77.0.1',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.location).toBeUndefined();
    expect(rendered[0]!.url).toBe('/feedback');
    const answer = page().answer as Extract<SubmitPageAnswer, { receipt: unknown }>;
    expect(answer.receipt.receiptCode).toMatch(/^\d{16}$/);
    expect(answer.anonymous).toBe(true);
    expect(page().values).toEqual({});
    const [row] = await env.database.db.select().from(gatewaySubmissions);
    expect(row).toMatchObject({ kind: 'complaint', disclosure: 'anonymous', language: 'ar', contactEnc: null });
    const stored = JSON.stringify([row, await env.database.db.select().from(gatewayRateCounters)]);
    expect(stored).not.toContain('10.77.0.1');
    expect(stored).not.toContain(answer.receipt.receiptCode);
    // The code opens the item.
    const status = await receiptStatus(
      { db: env.database.db, platform: env.app.platform },
      answer.receipt.receiptCode,
      '10.78.0.1',
    );
    expect(status).toMatchObject({ kind: 'complaint', status: 'received', open: true });
  });

  it('seals the contact of a confidential protection request about a named person, with the consent given', async () => {
    const response = await post(
      form({
        kind: 'protection_request',
        aboutNamedPerson: 'yes',
        disclosure: 'confidential',
        language: 'fr',
        text: 'Mon voisin est menacé',
        name: 'Amina',
        phone: '+964 750 222 3333',
        contactConsent: 'yes',
      }),
    );
    expect(response.statusCode).toBe(201);
    expect((page().answer as Extract<SubmitPageAnswer, { receipt: unknown }>).anonymous).toBe(false);
    const rows = await env.database.db.select().from(gatewaySubmissions);
    const row = rows.find((candidate) => candidate.kind === 'protection_request')!;
    expect(row).toMatchObject({
      disclosure: 'confidential',
      aboutNamedPerson: true,
      sensitive: true,
      contactConsent: true,
      language: 'fr',
    });
    expect(row.contactEnc).toMatch(/^hw1\./);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('222 3333');
    expect(stored).not.toContain('Amina');
  });

  it('puts each error next to its field as a catalogue key (422), keeping what was typed', async () => {
    const response = await post(
      form({ kind: 'complaint', disclosure: 'confidential', text: '   ', transitPoint: 'TP-X', caseReference: 'R-1' }),
    );
    expect(response.statusCode).toBe(422);
    expect(page().errors).toEqual({
      complaintCategory: 'gatewayPortal.form.categoryRequired',
      text: 'gatewayPortal.form.textRequired',
      phone: 'gatewayPortal.form.contactRequired',
    });
    expect(page().values).toMatchObject({ kind: 'complaint', disclosure: 'confidential', caseReference: 'R-1' });
  });

  it('names an unknown transit point and a too-long text next to their fields', async () => {
    const unknown = await post(form({ ...COMPLAINT, transitPoint: 'TP-NOWHERE' }));
    expect(unknown.statusCode).toBe(422);
    expect(page().errors).toEqual({ transitPoint: 'gatewayPortal.form.unknownTransitPoint' });
    const long = await post(form({ ...COMPLAINT, text: 'x'.repeat(4001) }));
    expect(long.statusCode).toBe(422);
    expect(page().errors).toEqual({ text: 'gatewayPortal.form.textTooLong' });
  });

  it('refuses a NUL and bytes that are not UTF-8 next to their field, storing nothing', async () => {
    const before = (await env.database.db.select().from(gatewaySubmissions)).length;
    const nul = await post(form({ ...COMPLAINT, text: 'before\u0000after' }));
    expect(nul.statusCode).toBe(422);
    expect(page().errors).toEqual({ text: 'gatewayPortal.form.unreadable' });
    // Latin-1 bytes posted as they are, and percent-encoded: neither reads as UTF-8.
    const fields = 'kind=complaint&complaintCategory=misconduct&disclosure=anonymous&language=ar';
    const latin1 = Buffer.concat([Buffer.from(`${fields}&text=caf`), Buffer.from([0xe9])]);
    const raw = await post(latin1);
    expect(raw.statusCode).toBe(422);
    expect(page().errors).toEqual({ text: 'gatewayPortal.form.unreadable' });
    const encoded = await post(`${fields}&text=caf%E9`);
    expect(encoded.statusCode).toBe(422);
    expect(page().errors).toEqual({ text: 'gatewayPortal.form.unreadable' });
    expect((await env.database.db.select().from(gatewaySubmissions)).length).toBe(before);
  });

  it('answers a body too large, or not a form, with the page and a reason, never an error page', async () => {
    const huge = await post(form({ ...COMPLAINT, text: 'ع'.repeat(40_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('text/html');
    expect(page().answer).toEqual({ refused: 'too_large' });
    const json = await post('<complaint/>', { contentType: 'application/xml' });
    expect(json.statusCode).toBe(415);
    expect(page().answer).toEqual({ refused: 'unreadable' });
  });

  it('shows how long to wait once one source has sent too many (429 with Retry-After)', async () => {
    const from = '10.66.0.1';
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i++) expect((await post(form(COMPLAINT), { from })).statusCode).toBe(201);
    const blocked = await post(form(COMPLAINT), { from });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(page().answer).toEqual({ retryAfterSeconds: expect.any(Number) });
    expect(page().values.text).toBe(COMPLAINT.text);
  });
});
