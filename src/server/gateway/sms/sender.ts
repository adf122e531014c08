import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { SmsGateway } from '../../../shared/gateway/constants.ts';
import type { SmsConfig } from '../../config.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Database } from '../../platform/db/client.ts';
import { gatewaySmsOutbox } from '../tables.ts';

/**
 * The outbox sender: delivers the SMS queued in `gateway_sms_outbox` (staff replies and referral notices to
 * submitters who wrote by SMS or gave a number and agreed; delivery.ts queues them) through Twilio's Messages API
 * or RapidPro's broadcasts API. Receipts are not queued: the webhook answers them in its own response.
 *
 * A row is claimed (`sending`, one more attempt) in one statement, so two runs never send it twice; then sent
 * outside any transaction (an HTTP call must not hold the embedded database's one connection). A gateway that
 * accepts it makes it `sent`; a gateway that refuses the number or the message (4xx other than 429) makes it
 * `failed`; anything else (a network error, a timeout, 429, 5xx) puts it back `queued` until the attempts run
 * out. Nothing about the number or the text is logged.
 */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Rows claimed per run. */
const BATCH = 50;
const SEND_TIMEOUT_MS = 15_000;

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** The gateways that can send with this configuration. */
export function sendingGateways(sms: SmsConfig): SmsGateway[] {
  const gateways: SmsGateway[] = [];
  if (sms.twilio.accountSid && sms.twilio.authToken && sms.twilio.from) gateways.push('twilio');
  if (sms.rapidpro.apiUrl && sms.rapidpro.apiToken) gateways.push('rapidpro');
  return gateways;
}

type Outcome = 'sent' | 'retry' | 'failed';

/** One SMS through one gateway's API. */
async function sendThrough(gateway: SmsGateway, sms: SmsConfig, to: string, body: string): Promise<Outcome> {
  let response: Response;
  try {
    if (gateway === 'twilio') {
      const { accountSid, authToken, from, apiUrl } = sms.twilio;
      const form = new URLSearchParams({ To: to, Body: body });
      form.set(from!.startsWith('MG') ? 'MessagingServiceSid' : 'From', from!);
      response = await fetch(`${apiUrl}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } else {
      response = await fetch(`${sms.rapidpro.apiUrl}/api/v2/broadcasts.json`, {
        method: 'POST',
        headers: { authorization: `Token ${sms.rapidpro.apiToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ urns: [`tel:${to}`], text: body }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    }
  } catch {
    return 'retry';
  }
  await response.body?.cancel();
  if (response.ok) return 'sent';
  return response.status >= 400 && response.status < 500 && response.status !== 429 ? 'failed' : 'retry';
}

/**
 * Sends what is queued, once each, and gives the counts. A row queued for a gateway that cannot send here goes
 * through the other one when it can (both reach the same numbers); with neither, nothing is claimed.
 */
export async function deliverQueuedSms(
  db: Database,
  keyring: Keyring,
  sms: SmsConfig,
  now = new Date(),
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  const gateways = sendingGateways(sms);
  if (gateways.length === 0) return result;
  const waiting = db
    .select({ id: gatewaySmsOutbox.id })
    .from(gatewaySmsOutbox)
    .where(and(eq(gatewaySmsOutbox.status, 'queued'), lt(gatewaySmsOutbox.attempts, sms.maxAttempts)))
    .orderBy(asc(gatewaySmsOutbox.createdAt))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(gatewaySmsOutbox)
    .set({ status: 'sending', attempts: sql`${gatewaySmsOutbox.attempts} + 1` })
    .where(inArray(gatewaySmsOutbox.id, waiting))
    .returning({
      id: gatewaySmsOutbox.id,
      gateway: gatewaySmsOutbox.gateway,
      toEnc: gatewaySmsOutbox.toEnc,
      bodyEnc: gatewaySmsOutbox.bodyEnc,
      attempts: gatewaySmsOutbox.attempts,
    });
  for (const row of claimed) {
    const gateway = gateways.includes(row.gateway as SmsGateway) ? (row.gateway as SmsGateway) : gateways[0]!;
    let outcome: Outcome;
    try {
      const [to, body] = await Promise.all([
        keyring.decrypt(db, row.toEnc, 'contact'),
        keyring.decrypt(db, row.bodyEnc, 'narrative'),
      ]);
      outcome = await sendThrough(gateway, sms, to, body);
    } catch {
      outcome = 'retry';
    }
    const status: OutboxStatus =
      outcome === 'sent' ? 'sent' : outcome === 'failed' || row.attempts >= sms.maxAttempts ? 'failed' : 'queued';
    await db
      .update(gatewaySmsOutbox)
      .set({ status, sentAt: status === 'sent' ? now : null })
      .where(eq(gatewaySmsOutbox.id, row.id));
    if (status === 'sent') result.sent++;
    else if (status === 'failed') result.failed++;
    else result.retrying++;
  }
  return result;
}

/**
 * Rows left `sending` by a run that stopped half-way (the process ended) go back to the queue when the server
 * starts: the gateway may or may not have taken them, and sending twice is better than never.
 */
export async function requeueInterrupted(db: Database): Promise<void> {
  await db.update(gatewaySmsOutbox).set({ status: 'queued' }).where(eq(gatewaySmsOutbox.status, 'sending'));
}

/**
 * Sends the outbox every HOMEWARD_SMS_SEND_SECONDS (0 turns it off, as does having no gateway to send through),
 * as the departure check's timer does: one run at a time, stopped and awaited when the app closes. Registered
 * by the SMS routes, so it runs wherever the API runs (`homeward start`).
 */
export async function smsSenderTimer(app: FastifyInstance): Promise<void> {
  const { sms } = app.platform.config;
  if (!sms.sendSeconds || sendingGateways(sms).length === 0) return;
  const { db } = app.platform.database;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = deliverQueuedSms(db, app.platform.keyring, sms)
      .then((result) => {
        if (result.sent + result.retrying + result.failed > 0) app.log.info(result, 'queued SMS sent');
      })
      .catch((error: unknown) => {
        const { name, code } = error as { name?: string; code?: unknown };
        app.log.error({ err: { type: name, code } }, 'the SMS sender failed');
      })
      .finally(() => {
        running = undefined;
      });
  };

  app.addHook('onReady', async () => {
    await requeueInterrupted(db);
    timer = setInterval(tick, sms.sendSeconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
