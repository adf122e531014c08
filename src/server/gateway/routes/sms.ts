import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HomewardApp } from '../../app.ts';
import { AppError } from '../../platform/http/errors.ts';
import { receiveSms, SMS_OUTCOMES, type SmsAnswer } from '../sms/inbound.ts';
import {
  formPairs,
  fromRapidpro,
  fromTwilio,
  type RapidproInbound as RapidproBody,
  RapidproInbound,
  TwilioInbound,
} from '../sms/payloads.ts';
import { smsSenderTimer } from '../sms/sender.ts';
import { checkRapidproRequest, checkTwilioSignature } from '../sms/signatures.ts';

const tags = ['gateway', 'public'];
/** Anonymous: the session cookie is not read and nothing about the client is logged or stored. */
const config = { permission: 'public' as const, anonymous: true };
/** A webhook's body is one message and its metadata. */
const SMS_BODY_LIMIT = 64 * 1024;

/** Each request's body as it arrived: the signatures are over the bytes sent, not over a parse of them. */
const rawBodies = new WeakMap<FastifyRequest, string>();

const SmsReply = z.object({
  /** The SMS for the flow to send back to the sender (`@webhook.json.reply` in a RapidPro flow). */
  reply: z.string(),
  language: z.enum(['en', 'ar', 'fr']),
  /** `duplicate`: the same message again (its id already taken this hour); `reply` is then empty, send nothing. */
  outcome: z.enum(SMS_OUTCOMES),
});

const notConfigured = () => new AppError('not_found', { params: { reason: 'sms_gateway_not_configured' } });
const badSignature = () => new AppError('forbidden', { params: { reason: 'sms_signature' } });
const notANumber = (field: string) =>
  new AppError('validation_failed', {
    params: { reason: 'sms_sender' },
    errors: [{ field, code: 'not_a_phone_number', message: 'The sender is not a phone number' }],
  });

const NUL = '\u0000';

/**
 * A phone may put a NUL in a message, which storage cannot take: it is dropped from what the routes read (the
 * signature is checked over the body as sent), so the sender gets an answer rather than a refusal.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll(NUL, '');
  // Iterative, in place (the parse is fresh): a deeply nested body must not overflow the stack.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') record[key] = child.replaceAll(NUL, '');
      else if (child !== null && typeof child === 'object') pending.push(child);
    }
  }
  return value;
}

/** XML's five special characters escaped, so a reply is text in TwiML whatever it holds. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!,
  );
}

/** TwiML that sends nothing back. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export const twiml = (reply: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(reply)}</Message></Response>`;

/**
 * The SMS gateways' inbound webhooks (sms/): a message becomes a confidential submission, a status answer or
 * added information, and the webhook's response carries the SMS back in the sender's language. Each gateway's
 * request is checked against its signature before anything is read; a gateway without its secret configured
 * is not there (404 `sms_gateway_not_configured`). The routes read their bodies raw, in a scope of their own,
 * so no other route's parsing changes.
 */
export async function publicSmsRoutes(app: HomewardApp): Promise<void> {
  await app.register(smsSenderTimer);
  await app.register(async (scope: HomewardApp) => {
    scope.removeContentTypeParser(['application/json']);
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: SMS_BODY_LIMIT },
      (request, body, done) => {
        rawBodies.set(request, body as string);
        json(request, body as string, (error, parsed) => done(error, error ? undefined : withoutNul(parsed)));
      },
    );
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: SMS_BODY_LIMIT },
      (request, body, done) => {
        rawBodies.set(request, body as string);
        // Every field once, the first value as a form reader takes it; the signature reads all of them.
        const fields: Record<string, string> = {};
        for (const [name, value] of formPairs(body as string)) fields[name] ??= value.replaceAll(NUL, '');
        done(null, fields);
      },
    );

    scope.post(
      '/public/gateway/sms/twilio',
      {
        config,
        bodyLimit: SMS_BODY_LIMIT,
        schema: {
          summary: "Twilio's inbound SMS webhook (signed with X-Twilio-Signature); answers TwiML with the reply SMS",
          description:
            'A message becomes a confidential submission (the number kept only encrypted), or with a keyword a status answer or added information. 404 when Twilio is not configured; 403 when the signature does not match the configured public URL and auth token.',
          tags,
          consumes: ['application/x-www-form-urlencoded'],
          body: TwilioInbound,
        },
        preValidation: async (request) => {
          const { twilio, publicUrl } = request.ctx.platform.config.sms;
          if (!twilio.authToken || !publicUrl) throw notConfigured();
          const raw = rawBodies.get(request);
          const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
          const signature = request.headers['x-twilio-signature'];
          const signed =
            raw !== undefined &&
            form === true &&
            checkTwilioSignature(
              twilio.authToken,
              publicUrl + request.url,
              formPairs(raw),
              typeof signature === 'string' ? signature : undefined,
            );
          if (!signed) throw badSignature();
        },
      },
      async (request, reply) => {
        const { from, text, messageId } = fromTwilio(request.body);
        if (!from) throw notANumber('body.From');
        const answer = await receiveSms(request.ctx, { gateway: 'twilio', from, text, messageId });
        return reply
          .header('cache-control', 'no-store')
          .header('content-language', answer.language)
          .type('text/xml; charset=utf-8')
          .send(answer.outcome === 'duplicate' ? EMPTY_TWIML : twiml(answer.reply));
      },
    );

    scope.post(
      '/public/gateway/sms/rapidpro',
      {
        config,
        bodyLimit: SMS_BODY_LIMIT,
        schema: {
          summary:
            "RapidPro/TextIt's flow webhook for an inbound SMS (Authorization: Token, or X-Homeward-Signature over the body); answers the reply SMS",
          description:
            "Takes the flow's default webhook body (`contact.urn`, `input.text`) or `{ urn | from, text }`. 404 when RapidPro is not configured; 403 when the token or signature does not match.",
          tags,
          body: RapidproInbound,
          response: { 200: SmsReply },
        },
        preValidation: async (request) => {
          const { secret } = request.ctx.platform.config.sms.rapidpro;
          if (!secret) throw notConfigured();
          const raw = rawBodies.get(request);
          const signature = request.headers['x-homeward-signature'];
          const signed =
            raw !== undefined &&
            checkRapidproRequest(secret, raw, {
              authorization: request.headers.authorization,
              signature: typeof signature === 'string' ? signature : undefined,
            });
          if (!signed) throw badSignature();
        },
      },
      async (request, reply): Promise<SmsAnswer> => {
        const { from, text, messageId } = fromRapidpro(request.body as RapidproBody);
        if (!from) throw notANumber('body.contact.urn');
        reply.header('cache-control', 'no-store');
        return receiveSms(request.ctx, { gateway: 'rapidpro', from, text, messageId });
      },
    );
  });
}
