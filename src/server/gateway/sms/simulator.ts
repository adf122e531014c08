import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { rapidproBodySignature, twilioSignature } from './signatures.ts';

/**
 * A local SMS gateway for tests: it plays Twilio and RapidPro on both sides. Inbound, it builds the webhook
 * requests each gateway sends to Homeward, signed as they sign them (for `app.inject`). Outbound, it is an HTTP
 * server on 127.0.0.1 that takes the calls Homeward's sender makes to Twilio's Messages API and RapidPro's
 * broadcasts API, records them, and answers as told (accept, refuse, fail).
 */
export interface SimulatedSend {
  gateway: 'twilio' | 'rapidpro';
  to: string;
  text: string;
  from: string | undefined;
  authorization: string | undefined;
}

export class SmsGatewaySimulator {
  readonly sent: SimulatedSend[] = [];
  /** The status the next calls get: 201 accepts, 500 fails for a while, 400 refuses the message. */
  answer = 201;
  private server: http.Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const authorization = request.headers.authorization;
        if (request.url?.match(/^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json$/)) {
          const form = new URLSearchParams(body);
          this.record(response, {
            gateway: 'twilio',
            to: form.get('To') ?? '',
            text: form.get('Body') ?? '',
            from: form.get('From') ?? form.get('MessagingServiceSid') ?? undefined,
            authorization,
          });
        } else if (request.url === '/api/v2/broadcasts.json') {
          const json = JSON.parse(body) as { urns: string[]; text: string };
          this.record(response, {
            gateway: 'rapidpro',
            to: json.urns[0] ?? '',
            text: json.text,
            from: undefined,
            authorization,
          });
        } else {
          response.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private record(response: http.ServerResponse, send: SimulatedSend) {
    if (this.answer < 300) this.sent.push(send);
    response.writeHead(this.answer, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'queued' }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const TWILIO_PATH = '/api/v1/public/gateway/sms/twilio';
export const RAPIDPRO_PATH = '/api/v1/public/gateway/sms/rapidpro';

/** Twilio's inbound message webhook for `text` from `from`, signed for `publicUrl` with `authToken`. */
export function twilioInbound(
  options: { authToken: string; publicUrl: string; from: string; text: string; messageSid?: string },
  sign: { url?: string; token?: string } = {},
): InjectOptions & { payload: string } {
  const sid = options.messageSid ?? `SM${randomBytes(16).toString('hex')}`;
  const params: [string, string][] = [
    ['ToCountry', 'IQ'],
    ['SmsMessageSid', sid],
    ['NumMedia', '0'],
    ['From', options.from],
    ['To', '+9647000000001'],
    ['Body', options.text],
    ['MessageSid', sid],
    ['AccountSid', `AC${'0'.repeat(32)}`],
    ['ApiVersion', '2010-04-01'],
  ];
  const signature = twilioSignature(
    sign.token ?? options.authToken,
    sign.url ?? `${options.publicUrl}${TWILIO_PATH}`,
    params,
  );
  return {
    method: 'POST',
    url: TWILIO_PATH,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
      'user-agent': 'TwilioProxy/1.1',
    },
    payload: new URLSearchParams(params).toString(),
  };
}

/** A RapidPro flow's default *Call webhook* body for `text` from `tel:` `from`. */
export function rapidproFlowBody(from: string, text: string): Record<string, unknown> {
  return {
    contact: { uuid: '5d76d86b-3bb9-4d5a-b822-c9d86f5d8e4f', name: null, urn: `tel:${from}` },
    flow: { uuid: '9de3663f-c5c5-4c92-9f45-ecbc09abcc85', name: 'Homeward' },
    path: [],
    results: {},
    run: { uuid: 'a4d15ed4-5b24-407f-b86e-4b881f09a186', created_on: '2026-12-01T10:00:00.000Z' },
    input: {
      uuid: randomUUID(),
      type: 'msg',
      text,
      attachments: [],
      urn: `tel:${from}`,
    },
    channel: { uuid: 'f6d4b3a2-1c0b-4a9d-8e7f-6a5b4c3d2e1f', name: 'Homeward SMS' },
  };
}

/** The webhook request a RapidPro flow sends (token header), or a signing relay (`sign: 'hmac'`). */
export function rapidproInbound(
  secret: string,
  body: unknown,
  sign: 'token' | 'hmac' = 'token',
): InjectOptions & { payload: string } {
  const payload = JSON.stringify(body);
  return {
    method: 'POST',
    url: RAPIDPRO_PATH,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'RapidProWebhooks/1.0',
      ...(sign === 'token'
        ? { authorization: `Token ${secret}` }
        : { 'x-homeward-signature': rapidproBodySignature(secret, payload) }),
    },
    payload,
  };
}
