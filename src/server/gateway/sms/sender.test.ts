import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import type { SmsConfig } from '../../config.ts';
import { inTransaction } from '../../platform/audit/head.ts';
import { createTestOrganisation } from '../../platform/auth/test-support.ts';
import { queueContactDelivery } from '../delivery.ts';
import { gatewaySmsOutbox, gatewaySubmissions } from '../tables.ts';
import { insertRoutingRule } from '../test-support.ts';
import { deliverQueuedSms } from './sender.ts';
import { rapidproFlowBody, rapidproInbound, SmsGatewaySimulator, twilioInbound } from './simulator.ts';

/**
 * The outbox sender against the simulator playing Twilio's Messages API and RapidPro's broadcasts API on
 * 127.0.0.1: a staff reply queued for an SMS submitter is delivered to their number and marked sent; a gateway
 * that fails leaves it queued with its attempts counted, until they run out; a refused message is not retried.
 */
const ACCOUNT = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const PUBLIC_URL = 'https://homeward.example.org';

let env: TestEnvironment;
let sim: SmsGatewaySimulator;
let sms: SmsConfig;
let centre: string;

beforeAll(async () => {
  sim = await new SmsGatewaySimulator().start();
  sms = {
    publicUrl: PUBLIC_URL,
    twilio: { authToken: AUTH_TOKEN, accountSid: ACCOUNT, from: '+9647000000001', apiUrl: sim.url },
    rapidpro: { apiUrl: sim.url, apiToken: 'rapidpro-api-token' },
    sendSeconds: 0,
    maxAttempts: 3,
  };
  env = await createTestEnvironment({ sms });
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre });
});
afterAll(async () => {
  await env.close();
  await sim.stop();
});

let numbers = 0;
const nextNumber = () => `+96478055${String(++numbers).padStart(5, '0')}`;

/** A submission by SMS through Twilio, and a staff reply queued for it as the handling step does. */
async function queuedReply(from: string, reply: string): Promise<string> {
  const inbound = await env.app.inject(
    twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from, text: 'The road to our village is mined' }),
  );
  expect(inbound.statusCode).toBe(200);
  const { db } = env.database;
  const [submission] = await db
    .select()
    .from(gatewaySubmissions)
    .orderBy(gatewaySubmissions.receivedAt)
    .then((rows) => rows.slice(-1));
  const delivery = await inTransaction(db, (tx) =>
    queueContactDelivery(tx, env.app.platform.keyring, submission!, reply),
  );
  expect(delivery).toBe('sms');
  const [queued] = await db.select().from(gatewaySmsOutbox).where(eq(gatewaySmsOutbox.submissionId, submission!.id));
  return queued!.id;
}

const outboxRow = async (id: string) =>
  (await env.database.db.select().from(gatewaySmsOutbox).where(eq(gatewaySmsOutbox.id, id)))[0]!;
const deliver = () => deliverQueuedSms(env.database.db, env.app.platform.keyring, sms);

describe('the outbox sender', () => {
  it('delivers a queued staff reply through Twilio to the number it came from, and marks it sent', async () => {
    sim.answer = 201;
    const from = nextNumber();
    const id = await queuedReply(from, 'نحن على علم بالأمر وقد أبلغنا دائرة إزالة الألغام');
    expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sim.sent.at(-1)).toEqual({
      gateway: 'twilio',
      to: from,
      text: 'نحن على علم بالأمر وقد أبلغنا دائرة إزالة الألغام',
      from: '+9647000000001',
      authorization: `Basic ${Buffer.from(`${ACCOUNT}:${AUTH_TOKEN}`).toString('base64')}`,
    });
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await outboxRow(id)).sentAt).toBeInstanceOf(Date);
    // Sent once: nothing is left to send.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('sends a reply to a RapidPro submitter through the broadcasts API', async () => {
    sim.answer = 201;
    const from = nextNumber();
    const { db } = env.database;
    const keyring = env.app.platform.keyring;
    const [submission] = await db.select().from(gatewaySubmissions).limit(1);
    const target = {
      id: submission!.id,
      contactEnc: await keyring.encrypt(db, 'contact', JSON.stringify({ phone: from, gateway: 'rapidpro' })),
      contactConsent: true,
    };
    await inTransaction(db, (tx) => queueContactDelivery(tx, keyring, target, 'Your appeal was referred'));
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(sim.sent.at(-1)).toEqual({
      gateway: 'rapidpro',
      to: `tel:${from}`,
      text: 'Your appeal was referred',
      from: undefined,
      authorization: 'Token rapidpro-api-token',
    });
  });

  it('leaves a reply queued with its attempts counted while the gateway fails, then marks it failed', async () => {
    const id = await queuedReply(nextNumber(), 'We will call you back');
    const sentBefore = sim.sent.length;
    sim.answer = 503;
    expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outboxRow(id)).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outboxRow(id)).toMatchObject({ status: 'queued', attempts: 2 });
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(sim.sent.length).toBe(sentBefore);
  });

  it('recovers when the gateway is back, and does not retry a message the gateway refuses', async () => {
    const retried = await queuedReply(nextNumber(), 'A first reply');
    sim.answer = 500;
    await deliver();
    sim.answer = 201;
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await outboxRow(retried)).toMatchObject({ status: 'sent', attempts: 2 });
    const refused = await queuedReply(nextNumber(), 'A second reply');
    sim.answer = 400;
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await outboxRow(refused)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('answers 404 for a webhook whose gateway is not configured, storing nothing', async () => {
    // This server sends through RapidPro but was given no secret for its webhook.
    const response = await env.app.inject(rapidproInbound('any-secret-at-all-here', rapidproFlowBody('+9647', 'hi')));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', reason: 'sms_gateway_not_configured' });
  });
});

describe('the sender’s timer', () => {
  it('sends what is queued on its own when HOMEWARD_SMS_SEND_SECONDS is set', async () => {
    sim.answer = 201;
    const timed = await createTestEnvironment({ sms: { ...sms, sendSeconds: 1 } });
    try {
      const org = (await createTestOrganisation(timed.app, { kind: 'monitoring_centre' })).id;
      await insertRoutingRule(timed.database.db, { organisationId: org });
      const from = '+9647801112233';
      await timed.app.inject(twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from, text: 'hello' }));
      const { db } = timed.database;
      const [submission] = await db.select().from(gatewaySubmissions);
      await inTransaction(db, (tx) => queueContactDelivery(tx, timed.app.platform.keyring, submission!, 'Timed reply'));
      // The gateway receives the text before the sender records it as sent: wait for the record.
      const outboxStatus = async () => (await db.select().from(gatewaySmsOutbox))[0]?.status;
      const deadline = Date.now() + 10_000;
      while ((await outboxStatus()) !== 'sent' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(sim.sent.find((send) => send.text === 'Timed reply')).toMatchObject({ to: from });
      expect(await outboxStatus()).toBe('sent');
    } finally {
      await timed.close();
    }
  });
});
