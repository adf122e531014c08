import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { receiveSubmission } from './submissions.ts';
import { gatewayHistory, gatewayRateCounters, gatewaySubmissions } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * Submitting through the public API: a receipt code once, stored only as its hash; the text and contact sealed;
 * nothing about the client kept; the code opens the item's status, and a wrong one reveals nothing.
 */
let env: TestEnvironment;
let centre: string;
let protection: string;

beforeAll(async () => {
  env = await createTestEnvironment({ gatewaySubmissionsPerHour: 5, gatewayLookupsPerHour: 12 });
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  protection = (await createTestOrganisation(env.app, { kind: 'un_agency' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre, sensitive: false });
  await insertRoutingRule(env.database.db, { organisationId: protection, sensitive: true });
});
afterAll(() => env.close());

let address = 0;
/** Each test's client comes from an address of its own, so one test's flood does not limit another. */
const submit = (payload: Record<string, unknown>, remoteAddress = `10.0.0.${++address}`) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/public/gateway/submissions',
    payload: { language: 'ar', ...payload },
    remoteAddress,
  });
const status = (code: string, remoteAddress = '10.1.0.1') =>
  env.app.inject({ method: 'POST', url: '/api/v1/public/gateway/receipts/status', payload: { code }, remoteAddress });

const TEXT = 'الحارس عند نقطة العبور طلب مالاً مقابل إعادة الوثائق';

describe('submitting', () => {
  it('answers an anonymous complaint with a sixteen-digit receipt code, kept only as a hash', async () => {
    const response = await submit({
      kind: 'complaint',
      complaintCategory: 'misconduct',
      disclosure: 'anonymous',
      text: TEXT,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const receipt = response.json();
    expect(receipt.receiptCode).toMatch(/^\d{16}$/);
    const rows = await env.database.db.select().from(gatewaySubmissions);
    const row = rows.at(-1)!;
    expect(row).toMatchObject({ kind: 'complaint', disclosure: 'anonymous', organisationId: centre, contactEnc: null });
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(receipt.receiptCode);
    expect(stored).not.toContain('الحارس');
    expect(stored).not.toContain('10.0.0.');
    const counters = JSON.stringify(await env.database.db.select().from(gatewayRateCounters));
    expect(counters).not.toContain('10.0.0.');
  });

  it('sends a complaint of sexual exploitation or abuse to the organisation that takes sensitive items', async () => {
    const response = await submit({
      kind: 'complaint',
      complaintCategory: 'sexual_exploitation_abuse',
      disclosure: 'confidential',
      text: 'A distribution volunteer asked for favours',
      contact: { phone: '+964 750 123 4567' },
    });
    expect(response.statusCode).toBe(201);
    const [row] = await env.database.db
      .select()
      .from(gatewaySubmissions)
      .orderBy(gatewaySubmissions.receivedAt)
      .then((rows) => rows.slice(-1));
    expect(row).toMatchObject({ sensitive: true, organisationId: protection, disclosure: 'confidential' });
    expect(row!.contactEnc).toMatch(/^hw1\./);
    // The number itself, not three digits an id, a time or the envelope's base64 may hold by chance.
    expect(JSON.stringify(row)).not.toContain('123 4567');
    expect(JSON.stringify(row).replaceAll(' ', '')).not.toContain('7501234567');
  });

  it('refuses an anonymous submission that carries a contact, and an empty text, storing nothing', async () => {
    const before = (await env.database.db.select().from(gatewaySubmissions)).length;
    const withContact = await submit({
      kind: 'concern',
      disclosure: 'anonymous',
      text: TEXT,
      contact: { phone: '+9647501234567' },
    });
    expect(withContact.statusCode).toBe(400);
    expect(withContact.headers['content-type']).toContain('application/problem+json');
    const empty = await submit({ kind: 'concern', disclosure: 'anonymous', text: '   ' });
    expect(empty.statusCode).toBe(400);
    const huge = await submit({ kind: 'concern', disclosure: 'anonymous', text: 'x'.repeat(4001) });
    expect(huge.statusCode).toBe(400);
    expect((await env.database.db.select().from(gatewaySubmissions)).length).toBe(before);
  });

  it('refuses a zone or transit point that does not exist, naming the field', async () => {
    const response = await submit({ kind: 'concern', disclosure: 'anonymous', text: TEXT, pcode: 'QM9999' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body.pcode', code: 'unknown_zone' })]);
    const point = await submit({ kind: 'concern', disclosure: 'anonymous', text: TEXT, transitPoint: 'nowhere' });
    expect(point.json().errors).toEqual([expect.objectContaining({ field: 'body.transitPoint' })]);
  });

  it('stores the zone named and its state', async () => {
    const response = await submit({
      kind: 'concern',
      disclosure: 'open',
      text: TEXT,
      pcode: 'QM0101',
      contact: { email: 'a@example.org' },
    });
    expect(response.statusCode).toBe(201);
    const [row] = (await env.database.db.select().from(gatewaySubmissions)).slice(-1);
    expect(row).toMatchObject({ pcode: 'QM0101', stateCode: 'QM', disclosure: 'open' });
  });

  it('limits a flood from one address with 429 and Retry-After, and stores nothing past the limit', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 7; i++)
      answers.push(
        (await submit({ kind: 'concern', disclosure: 'anonymous', text: `flood ${i}` }, '10.9.9.9')).statusCode,
      );
    expect(answers).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const refused = await submit({ kind: 'concern', disclosure: 'anonymous', text: 'once more' }, '10.9.9.9');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets exactly the limit through when a flood arrives all at once, whoever else submits beside it', async () => {
    const flood = Array.from({ length: 9 }, (_, i) =>
      submit({ kind: 'concern', disclosure: 'anonymous', text: `burst ${i}` }, '10.9.9.10'),
    );
    const neighbour = submit({ kind: 'concern', disclosure: 'anonymous', text: 'beside the burst' }, '10.9.9.11');
    const answers = (await Promise.all(flood)).map((response) => response.statusCode);
    expect(answers.filter((status) => status === 201)).toHaveLength(5);
    expect(answers.filter((status) => status === 429)).toHaveLength(4);
    expect((await neighbour).statusCode).toBe(201);
  });

  it('writes the audit entry with no text, no contact and no address', async () => {
    const entries = await env.database.db
      .select({ id: auditEntries.seq })
      .from(auditEntries)
      .where(eq(auditEntries.eventType, 'gateway.submission_received'));
    expect(entries.length).toBeGreaterThan(0);
    const details = JSON.stringify(await env.database.db.select().from(auditDetails));
    expect(details).not.toContain('الحارس');
    expect(details).not.toContain('10.0.0.');
  });
});

describe('reading an item by its receipt code', () => {
  it('shows where it stands, accepting the code as typed with spaces or Arabic-Indic digits', async () => {
    const { receiptCode } = (await submit({ kind: 'protection_request', disclosure: 'anonymous', text: TEXT })).json();
    const spaced = await status(receiptCode.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(spaced.statusCode).toBe(200);
    expect(spaced.json()).toMatchObject({ kind: 'protection_request', status: 'received', messages: [], open: true });
    const eastern = receiptCode.replace(/\d/g, (d: string) => String.fromCodePoint(0x660 + Number(d)));
    expect((await status(eastern)).statusCode).toBe(200);
  });

  it('answers a wrong code and a malformed one alike, and limits guessing', async () => {
    const wrong = await status('1234 5678 9012 3456', '10.2.0.1');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toMatchObject({ code: 'not_found', reason: 'receipt' });
    const malformed = await status('12', '10.2.0.1');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().detail).toBe(wrong.json().detail);
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await status(`00000000000000${10 + i}`, '10.2.0.1')).statusCode);
    expect(answers).toContain(429);
  });

  it('lets the submitter add information to an open item, and keeps it in the history', async () => {
    const { receiptCode } = (await submit({ kind: 'concern', disclosure: 'anonymous', text: TEXT })).json();
    const added = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/information',
      payload: { code: receiptCode, text: 'It happened again on Tuesday <script>alert(1)</script>' },
      remoteAddress: '10.3.0.1',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().messages).toEqual([
      expect.objectContaining({ from: 'submitter', text: 'It happened again on Tuesday <script>alert(1)</script>' }),
    ]);
    const history = await env.database.db
      .select()
      .from(gatewayHistory)
      .where(eq(gatewayHistory.entry, 'information_added'));
    expect(history.length).toBe(1);
  });
});

describe('a burst of submissions', () => {
  const ctx = () => ({ db: env.database.db, platform: env.app.platform });
  const concern = (text: string) => ({
    kind: 'concern' as const,
    disclosure: 'anonymous' as const,
    text,
    language: 'en' as const,
    aboutNamedPerson: false,
    contactConsent: false,
    channel: 'web' as const,
  });

  it('stores every one of many concurrent submissions, each with its history and audit entry', async () => {
    const received = await Promise.all(
      Array.from({ length: 60 }, (_, i) => receiveSubmission(ctx(), concern(`burst ${i}`), null)),
    );
    const ids = new Set(received.map((receipt) => receipt.submissionId));
    expect(ids.size).toBe(60);
    const stored = await env.database.db.select({ id: gatewaySubmissions.id }).from(gatewaySubmissions);
    expect(stored.filter((row) => ids.has(row.id))).toHaveLength(60);
    const history = await env.database.db.select({ id: gatewayHistory.submissionId }).from(gatewayHistory);
    expect(history.filter((row) => ids.has(row.id!))).toHaveLength(60);
    const audited = await env.database.db
      .select({ subject: auditEntries.subject })
      .from(auditEntries)
      .where(eq(auditEntries.eventType, 'gateway.submission_received'));
    expect(audited.filter((row) => ids.has(row.subject.slice('submission:'.length)))).toHaveLength(60);
  });

  it('refuses only the submission that cannot be stored, never its neighbours in the batch', async () => {
    const code = '5555666677778888';
    await receiveSubmission(ctx(), concern('first with the code'), null, { code });
    const results = await Promise.allSettled([
      receiveSubmission(ctx(), concern('neighbour a'), null),
      receiveSubmission(ctx(), concern('same code again'), null, { code }),
      receiveSubmission(ctx(), concern('neighbour b'), null),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const found = await status(code, '10.4.0.1');
    expect(found.statusCode).toBe(200);
  });
});

describe('flood counters', () => {
  it('forgets counters older than a day, keeping today’s', async () => {
    const { forgetOldCounters } = await import('./rate.ts');
    const now = new Date();
    await env.database.db
      .insert(gatewayRateCounters)
      .values({ key: 'submit:old', windowStart: new Date(now.getTime() - 30 * 3600_000), count: 4 });
    await forgetOldCounters(env.database.db, now);
    const keys = (await env.database.db.select({ key: gatewayRateCounters.key }).from(gatewayRateCounters)).map(
      (row) => row.key,
    );
    expect(keys).not.toContain('submit:old');
    expect(keys.length).toBeGreaterThan(0);
  });
});
