import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { buildApp, type HomewardApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { inTransaction } from '../../platform/audit/head.ts';
import { createTestOrganisation } from '../../platform/auth/test-support.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { queueContactDelivery } from '../delivery.ts';
import { gatewaySubmissions } from '../tables.ts';
import { insertRoutingRule } from '../test-support.ts';
import { rapidproFlowBody, rapidproInbound, twilioInbound } from './simulator.ts';

/**
 * The server log at its most talkative while SMS come in through both gateways, one of them badly signed, and
 * the sender fails to reach its gateway: none of the number, the sender's address or user agent, the text or
 * the receipt code may be written to it.
 */
const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const PUBLIC_URL = 'https://homeward.example.org';
const SECRET = 'rapidpro-shared-secret-for-tests';
const NUMBER = '+9647504441122';

let app: HomewardApp;
let database: DatabaseHandle;
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  const config = loadConfig(
    {
      HOMEWARD_LOG_LEVEL: 'trace',
      HOMEWARD_SMS_PUBLIC_URL: PUBLIC_URL,
      HOMEWARD_SMS_TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      HOMEWARD_SMS_TWILIO_ACCOUNT_SID: `AC${'b2'.repeat(16)}`,
      HOMEWARD_SMS_TWILIO_FROM: '+9647000000001',
      // Nothing listens here: every send fails and is logged as a count.
      HOMEWARD_SMS_TWILIO_API_URL: 'http://127.0.0.1:9',
      HOMEWARD_SMS_RAPIDPRO_SECRET: SECRET,
      HOMEWARD_SMS_SEND_SECONDS: '1',
    },
    { dataDir, masterKey: TEST_MASTER_KEY },
  );
  app = await buildApp(config, { database, logStream: { write: (line) => void lines.push(line) } });
  await app.ready();
  const centre = (await createTestOrganisation(app, { kind: 'monitoring_centre' })).id;
  await insertRoutingRule(database.db, { organisationId: centre });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server log', () => {
  it('holds no number, address, user agent, text or receipt code of an SMS', async () => {
    const remoteAddress = '10.77.66.55';
    const twilio = await app.inject({
      ...twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: NUMBER, text: 'Secret words here' }),
      remoteAddress,
    });
    expect(twilio.statusCode).toBe(200);
    const code = /(\d{4} \d{4} \d{4} \d{4})/.exec(twilio.body)![1]!;
    const rapidpro = await app.inject({
      ...rapidproInbound(SECRET, rapidproFlowBody(NUMBER, 'شكوى كلمات سرية هنا')),
      remoteAddress,
    });
    expect(rapidpro.statusCode).toBe(200);
    const forged = await app.inject({
      ...twilioInbound({ authToken: 'wrong', publicUrl: PUBLIC_URL, from: NUMBER, text: 'Forged words' }),
      remoteAddress,
    });
    expect(forged.statusCode).toBe(403);
    const status = await app.inject({
      ...twilioInbound({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, from: NUMBER, text: `STATUS ${code}` }),
      remoteAddress,
    });
    expect(status.statusCode).toBe(200);
    // A reply queued for the number, which the sender (every second) fails to send.
    const [submission] = await database.db.select().from(gatewaySubmissions).limit(1);
    await inTransaction(database.db, (tx) =>
      queueContactDelivery(tx, app.platform.keyring, submission!, 'Reply words'),
    );
    const deadline = Date.now() + 10_000;
    while (!lines.some((line) => line.includes('queued SMS sent')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const log = lines.join('\n');
    expect(log).toContain('queued SMS sent');
    expect(log).toContain('/api/v1/public/gateway/sms/twilio');
    for (const secret of [
      '9647504441122',
      '750444',
      remoteAddress,
      'TwilioProxy',
      'RapidProWebhooks',
      'Secret words',
      'كلمات سرية',
      'Forged words',
      'Reply words',
      code,
      code.replace(/ /g, ''),
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
