import { desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import type { SmsConfig } from '../../config.ts';
import { auditDetails } from '../../platform/audit/schema.ts';
import { createTestOrganisation } from '../../platform/auth/test-support.ts';
import {
  gatewayHistory,
  gatewayMessages,
  gatewayRateCounters,
  gatewaySmsOutbox,
  gatewaySubmissions,
} from '../tables.ts';
import { insertRoutingRule } from '../test-support.ts';
import { RAPIDPRO_PATH, rapidproFlowBody, rapidproInbound, twilioInbound } from './simulator.ts';

/**
 * The SMS webhooks end to end, with the simulator playing Twilio and RapidPro: a message becomes a confidential
 * submission whose number is kept only encrypted, the reply SMS carries the receipt code and the menu in the
 * sender's language, keywords read the status and add information, and a request that is not signed as the
 * configured gateway signs stores nothing.
 */
const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const PUBLIC_URL = 'https://homeward.example.org/portal';
const SECRET = 'rapidpro-shared-secret-for-tests';
const SMS: SmsConfig = {
  publicUrl: PUBLIC_URL,
  twilio: { authToken: AUTH_TOKEN, apiUrl: 'http://127.0.0.1:9' },
  rapidpro: { secret: SECRET },
  sendSeconds: 0,
  maxAttempts: 3,
};

let env: TestEnvironment;
let centre: string;

beforeAll(async () => {
  env = await createTestEnvironment({ sms: SMS, gatewaySubmissionsPerHour: 3, gatewayLookupsPerHour: 10 });
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre, sensitive: true });
});
afterAll(() => env.close());

let numbers = 0;
/** Each test writes from a number of its own, so one test's flood does not limit another. */
const nextNumber = () => `+96475012${String(++numbers).padStart(5, '0')}`;

const twilio = (from: string, text: string, sign: { url?: string; token?: string } = {}) =>
  env.app.inject(twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from, text }, sign));
const rapidpro = (from: string, text: string, sign: 'token' | 'hmac' = 'token') =>
  env.app.inject(rapidproInbound(SECRET, rapidproFlowBody(from, text), sign));

/** The text of the TwiML answer's one message. */
function messageOf(body: string): string {
  const match = /^<\?xml version="1\.0" encoding="UTF-8"\?><Response><Message>([\s\S]*)<\/Message><\/Response>$/.exec(
    body,
  );
  if (!match) throw new Error(`not TwiML with one message: ${body}`);
  return match[1]!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const CODE = /(\d{4}) (\d{4}) (\d{4}) (\d{4})/;
const codeIn = (reply: string) => CODE.exec(reply)!.slice(1).join('');
const count = async () =>
  (await env.database.db.select({ n: sql<number>`count(*)::int` }).from(gatewaySubmissions))[0]!.n;
const latest = async () =>
  (await env.database.db.select().from(gatewaySubmissions).orderBy(desc(gatewaySubmissions.receivedAt)).limit(1))[0]!;
const contactOf = async (contactEnc: string | null) =>
  JSON.parse(await env.app.platform.keyring.decrypt(env.database.db, contactEnc!, 'contact'));

describe('a message through Twilio', () => {
  it('becomes a confidential submission, answered in TwiML with the code and the menu in Arabic', async () => {
    const from = nextNumber();
    const response = await twilio(from, 'الحارس عند المعبر أخذ وثائقنا ولم يعدها');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
    const reply = messageOf(response.body);
    expect(reply).toMatch(CODE);
    expect(reply).toContain('حالة <الرمز>');
    expect(reply).toContain('إضافة <الرمز> <النص>');
    const row = await latest();
    expect(row).toMatchObject({
      channel: 'sms',
      disclosure: 'confidential',
      kind: 'concern',
      language: 'ar',
      contactConsent: true,
      organisationId: centre,
    });
    expect(await contactOf(row.contactEnc)).toEqual({ phone: from, gateway: 'twilio' });
    // The code opens the item, as it does on the portal.
    const status = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/status',
      payload: { code: codeIn(reply) },
    });
    expect(status.json()).toMatchObject({ kind: 'concern', status: 'received', open: true });
  });

  it('keeps the number nowhere in clear: not in the gateway tables, the counters or the audit details', async () => {
    const from = '+9647709876543';
    expect((await twilio(from, 'COMPLAINT the registration officer asked me for money')).statusCode).toBe(200);
    const { db } = env.database;
    const dump = JSON.stringify([
      await db.select().from(gatewaySubmissions),
      await db.select().from(gatewayHistory),
      await db.select().from(gatewayMessages),
      await db.select().from(gatewaySmsOutbox),
      await db.select().from(gatewayRateCounters),
      await db.select().from(auditDetails),
    ]);
    expect(dump).not.toContain('9876543');
    expect(dump).not.toContain('7709876');
    expect(dump).not.toContain('registration officer');
    expect(await latest()).toMatchObject({ kind: 'complaint', complaintCategory: 'other', language: 'en' });
  });

  it('reads the kind from a keyword in each language', async () => {
    const protection = messageOf((await twilio(nextNumber(), 'حماية أخي مهدد في قريتنا')).body);
    expect(protection).toMatch(CODE);
    expect(await latest()).toMatchObject({ kind: 'protection_request', language: 'ar', sensitive: false });
    const appeal = messageOf((await twilio(nextNumber(), 'APPEL je conteste le refus de mon dossier')).body);
    expect(appeal).toContain('Votre code');
    expect(await latest()).toMatchObject({ kind: 'appeal', language: 'fr' });
  });

  it('sends a complaint of sexual exploitation or abuse as sensitive, to the organisation that takes them', async () => {
    expect(messageOf((await twilio(nextNumber(), 'استغلال موظف التوزيع طلب مني خدمات')).body)).toMatch(CODE);
    expect(await latest()).toMatchObject({
      kind: 'complaint',
      complaintCategory: 'sexual_exploitation_abuse',
      sensitive: true,
      organisationId: centre,
    });
  });

  it('answers HELP, an empty message and a message alone with its keyword with the menu, storing nothing', async () => {
    const before = await count();
    expect(messageOf((await twilio(nextNumber(), 'HELP')).body)).toContain('STATUS <code>');
    expect(messageOf((await twilio(nextNumber(), '')).body)).toContain('STATUS <code>');
    expect(messageOf((await twilio(nextNumber(), 'مساعدة')).body)).toContain('حالة <الرمز>');
    expect(messageOf((await twilio(nextNumber(), 'plainte')).body)).toContain('STATUT <code>');
    expect(await count()).toBe(before);
  });

  it('refuses a text too long in the sender’s language and stores nothing', async () => {
    const before = await count();
    const reply = messageOf((await twilio(nextNumber(), 'ب'.repeat(4001))).body);
    expect(reply).toContain('4000');
    expect(reply).toMatch(/[\u0600-\u06FF]/);
    expect(await count()).toBe(before);
  });
});

describe('a message delivered twice', () => {
  it('is taken once: the repeat (a retry, or a signed request replayed) gets no answer and stores nothing', async () => {
    const request = twilioInbound({
      authToken: AUTH_TOKEN,
      publicUrl: PUBLIC_URL,
      from: nextNumber(),
      text: 'The checkpoint asked us for money',
      messageSid: 'SM0123456789abcdef0123456789abcdef',
    });
    expect(messageOf((await env.app.inject(request)).body)).toMatch(CODE);
    const before = await count();
    const again = await env.app.inject(request);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await count()).toBe(before);
    const body = rapidproFlowBody(nextNumber(), 'A second message');
    expect((await env.app.inject(rapidproInbound(SECRET, body))).json().outcome).toBe('submitted');
    expect((await env.app.inject(rapidproInbound(SECRET, body))).json()).toMatchObject({
      outcome: 'duplicate',
      reply: '',
    });
    expect(await count()).toBe(before + 1);
  });
});

describe('the signature', () => {
  const refusedWithoutStoring = async (response: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => { code: string; reason: string };
  }) => {
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'forbidden', reason: 'sms_signature' });
  };

  it('refuses a Twilio request with a wrong token, no header, a changed body or signed for another URL', async () => {
    const before = await count();
    await refusedWithoutStoring(await twilio(nextNumber(), 'wrong token', { token: 'not-the-token' }));
    const unsigned = twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: nextNumber(), text: 'x' });
    delete (unsigned.headers as Record<string, string>)['x-twilio-signature'];
    await refusedWithoutStoring(await env.app.inject(unsigned));
    const tampered = twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: nextNumber(), text: 'hello' });
    tampered.payload = tampered.payload.replace('Body=hello', 'Body=goodbye');
    await refusedWithoutStoring(await env.app.inject(tampered));
    // Signed for another address: another path of this server, or the same path on another host.
    await refusedWithoutStoring(await twilio(nextNumber(), 'replayed', { url: `${PUBLIC_URL}${RAPIDPRO_PATH}` }));
    await refusedWithoutStoring(
      await twilio(nextNumber(), 'replayed', {
        url: 'https://elsewhere.example.org/portal/api/v1/public/gateway/sms/twilio',
      }),
    );
    // The same form posted as JSON is not what Twilio signs.
    const asJson = twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: nextNumber(), text: 'json' });
    await refusedWithoutStoring(
      await env.app.inject({
        ...asJson,
        headers: { ...asJson.headers, 'content-type': 'application/json' },
        payload: JSON.stringify(Object.fromEntries(new URLSearchParams(asJson.payload))),
      }),
    );
    expect(await count()).toBe(before);
  });

  it('accepts the signature over the URL with its query string, as Twilio signs it', async () => {
    const request = twilioInbound(
      { authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: nextNumber(), text: 'with a query' },
      { url: `${PUBLIC_URL}/api/v1/public/gateway/sms/twilio?site=north` },
    );
    const response = await env.app.inject({ ...request, url: `${request.url}?site=north` });
    expect(response.statusCode).toBe(200);
    expect(messageOf(response.body)).toMatch(CODE);
  });

  it('refuses a RapidPro request with a wrong token, no header, or a body changed after signing', async () => {
    const before = await count();
    const body = rapidproFlowBody(nextNumber(), 'hello');
    await refusedWithoutStoring(await env.app.inject(rapidproInbound('a-different-secret-entirely', body)));
    const unsigned = rapidproInbound(SECRET, body);
    delete (unsigned.headers as Record<string, string>).authorization;
    await refusedWithoutStoring(await env.app.inject(unsigned));
    const signed = rapidproInbound(SECRET, body, 'hmac');
    await refusedWithoutStoring(
      await env.app.inject({ ...signed, payload: signed.payload.replace('hello', 'goodbye') }),
    );
    expect(await count()).toBe(before);
  });
});

describe('a message through RapidPro', () => {
  it('takes a flow webhook with the token header and answers the reply for the flow to send', async () => {
    const from = nextNumber();
    const response = await rapidpro(from, 'COMPLAINT the guard at the crossing hit my son');
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ language: 'en', outcome: 'submitted' });
    expect(answer.reply).toMatch(CODE);
    expect(answer.reply).toContain('STATUS <code>');
    const row = await latest();
    expect(row).toMatchObject({ channel: 'sms', disclosure: 'confidential', kind: 'complaint' });
    expect(await contactOf(row.contactEnc)).toEqual({ phone: from, gateway: 'rapidpro' });
  });

  it('takes a body signed with HMAC-SHA256 and the plain shape of a relay, in French', async () => {
    const signed = await rapidpro(nextNumber(), 'PLAINTE le gardien a confisqué nos papiers', 'hmac');
    expect(signed.json()).toMatchObject({ language: 'fr', outcome: 'submitted' });
    const plain = await env.app.inject(
      rapidproInbound(SECRET, { urn: `tel:${nextNumber()}`, text: 'Nous avons besoin de protection pour la famille' }),
    );
    expect(plain.json()).toMatchObject({ language: 'fr', outcome: 'submitted' });
  });

  it('asks for a body in another encoding to be sent again, and stores nothing', async () => {
    const before = await count();
    const latin1 = Buffer.concat([
      Buffer.from('{"urn":"tel:+9647501110000","text":"Probl'),
      Buffer.from([0xe8]),
      Buffer.from('me de sécurité au point de passage"}'),
    ]);
    const response = await env.app.inject({
      ...rapidproInbound(SECRET, {}),
      headers: { 'content-type': 'application/json', authorization: `Token ${SECRET}` },
      payload: latin1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'refused', language: 'fr' });
    expect(response.json().reply).toContain('illisible');
    expect(await count()).toBe(before);
  });

  it('refuses a sender that is not a phone number, and a body that is not JSON, with a problem and nothing stored', async () => {
    const before = await count();
    const email = await env.app.inject(
      rapidproInbound(SECRET, { contact: { urn: 'mailto:someone@example.org' }, input: { text: 'hello' } }),
    );
    expect(email.statusCode).toBe(400);
    expect(email.json()).toMatchObject({ code: 'validation_failed', reason: 'sms_sender' });
    const broken = await env.app.inject({ ...rapidproInbound(SECRET, {}), payload: '{"input": ' });
    expect(broken.statusCode).toBe(400);
    const deep = await env.app.inject({
      ...rapidproInbound(SECRET, {}),
      payload: `${'['.repeat(20000)}${']'.repeat(20000)}`,
    });
    expect(deep.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('keywords on an item', () => {
  async function submitted(from: string, text: string) {
    return codeIn(messageOf((await twilio(from, text)).body));
  }

  it('STATUS answers the status and the latest reply, XML-escaped; in Arabic with Arabic-Indic digits', async () => {
    const from = nextNumber();
    const code = await submitted(from, 'The water point in our area has been closed for a week');
    const row = await latest();
    const { db } = env.database;
    await db.insert(gatewayMessages).values({
      submissionId: row.id,
      author: 'staff',
      organisationId: centre,
      bodyEnc: await env.app.platform.keyring.encrypt(
        db,
        'narrative',
        'We asked the <water> office & they reopen it Monday',
      ),
    });
    await db.update(gatewaySubmissions).set({ status: 'responded' }).where(eq(gatewaySubmissions.id, row.id));
    const response = await twilio(from, `STATUS ${code.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(response.body).toContain('&lt;water&gt; office &amp; they');
    expect(messageOf(response.body)).toBe(
      'Your item: answered. Latest reply: We asked the <water> office & they reopen it Monday',
    );
    const eastern = code.replace(/\d/g, (d) => String.fromCodePoint(0x660 + Number(d)));
    expect(messageOf((await twilio(from, `حالة ${eastern}`)).body)).toBe(
      'حالة طلبك: تم الرد. آخر رد: We asked the <water> office & they reopen it Monday',
    );
  });

  it('ADD adds information to an open item, and a closed item says so', async () => {
    const from = nextNumber();
    const code = await submitted(from, 'Our shelter roof leaks');
    expect(messageOf((await twilio(from, `ADD ${code} it rained again last night`)).body)).toBe(
      'Added to your item. Thank you.',
    );
    const status = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/status',
      payload: { code },
    });
    expect(status.json().messages).toEqual([
      expect.objectContaining({ from: 'submitter', text: 'it rained again last night' }),
    ]);
    const row = await latest();
    await env.database.db.update(gatewaySubmissions).set({ status: 'closed' }).where(eq(gatewaySubmissions.id, row.id));
    expect(messageOf((await twilio(from, `إضافة ${code} ما زال السقف يسرب`)).body)).toBe(
      'هذا الطلب مغلق ولا يمكن الإضافة إليه. أرسل رسالة جديدة لبدء طلب جديد.',
    );
  });

  it('a wrong code is not recognised, and guessing from one number is limited', async () => {
    const from = nextNumber();
    expect(messageOf((await twilio(from, 'STATUS 1234 5678 9012 3456')).body)).toBe(
      'Code not recognised. Check the 16 digits and send STATUS then the code.',
    );
    const replies: string[] = [];
    for (let i = 0; i < 4; i++) replies.push(messageOf((await twilio(from, `STATUS 00000000000000${10 + i}`)).body));
    expect(replies).toContain('Too many messages from this number. Please try again in an hour.');
  });
});

describe('a flood from one number', () => {
  it('is limited: past the hourly allowance the sender is told to wait and nothing more is stored', async () => {
    const from = nextNumber();
    const before = await count();
    const replies: string[] = [];
    for (let i = 0; i < 5; i++) replies.push(messageOf((await twilio(from, `message number ${i}`)).body));
    expect(replies.slice(0, 3).every((reply) => CODE.test(reply))).toBe(true);
    expect(replies.slice(3)).toEqual([
      'Too many messages from this number. Please try again in an hour.',
      'Too many messages from this number. Please try again in an hour.',
    ]);
    expect(await count()).toBe(before + 3);
    // Another number is not held back.
    expect(messageOf((await twilio(nextNumber(), 'a neighbour writes')).body)).toMatch(CODE);
  });
});

describe('any text, signed', () => {
  it('gets an SMS back and never a server error, through either gateway', async () => {
    // A NUL, which storage cannot take, is dropped rather than refused.
    expect(messageOf((await twilio(nextNumber(), 'water\u0000 cut')).body)).toMatch(CODE);
    expect((await rapidpro(nextNumber(), 'water\u0000 cut')).json().outcome).toBe('submitted');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.constantFrom(
            'STATUS',
            'a\u0000b',
            'ADD 1234',
            'حالة ١٢',
            '<script>alert(1)</script>',
            'ADD x y',
            '\u202e\u0646',
          ),
        ),
        fc.boolean(),
        async (text, throughTwilio) => {
          const response = throughTwilio ? await twilio(nextNumber(), text) : await rapidpro(nextNumber(), text);
          expect(response.statusCode, `${text} → ${response.body}`).toBe(200);
          const reply = throughTwilio ? messageOf(response.body) : response.json().reply;
          expect(reply.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
