import { z } from 'zod';
import type { SmsGateway } from '../../../shared/gateway/constants.ts';

/**
 * What the SMS gateways post when someone sends a message: the sender's address and the text. Each gateway's
 * shape is read here and nowhere else; the number is handed on to be sealed and never logged.
 */
export interface InboundSms {
  gateway: SmsGateway;
  /** The sender's number, `+9647501234567` (digits, with the plus when the gateway gave one). */
  from: string;
  text: string;
  /** The gateway's own id of the message (Twilio's MessageSid, RapidPro's input uuid), if given. */
  messageId: string | undefined;
}

/** The longest text the webhooks take: a concatenated SMS is at most 1,600 characters at Twilio. */
export const SMS_TEXT_MAX = 4000;

/** A URL-encoded body as its name/value pairs, every one kept in order (the signature covers them all). */
export function formPairs(raw: string): [string, string][] {
  return [...new URLSearchParams(raw)];
}

/** Twilio's inbound message webhook: `From`, `To`, `Body`, `MessageSid` and many more, all signed. */
export const TwilioInbound = z.looseObject({
  From: z.string().trim().min(1).max(64),
  To: z.string().max(64).optional(),
  Body: z
    .string()
    .max(SMS_TEXT_MAX * 2)
    .default(''),
  MessageSid: z.string().max(64).optional(),
  AccountSid: z.string().max(64).optional(),
});
export type TwilioInbound = z.infer<typeof TwilioInbound>;

const urnOrNumber = z.string().trim().min(1).max(100);

/**
 * RapidPro/TextIt's *Call webhook* JSON, as a flow sends it by default (`contact.urn`, `input.text`,
 * `input.urn`, `channel`, `flow`, `results`…), or the plain shape of a relay (`urn` or `from`, `text`).
 */
export const RapidproInbound = z.looseObject({
  contact: z.looseObject({ urn: urnOrNumber.optional(), uuid: z.string().max(64).optional() }).optional(),
  input: z
    .looseObject({
      text: z
        .string()
        .max(SMS_TEXT_MAX * 2)
        .optional(),
      urn: urnOrNumber.optional(),
      uuid: z.string().max(64).optional(),
    })
    .nullable()
    .optional(),
  urn: urnOrNumber.optional(),
  from: urnOrNumber.optional(),
  text: z
    .string()
    .max(SMS_TEXT_MAX * 2)
    .optional(),
  channel: z.unknown().optional(),
});
export type RapidproInbound = z.infer<typeof RapidproInbound>;

/**
 * A sender's address as a phone number: `tel:+964…` (a RapidPro URN) or `+964…`, separators dropped. Anything
 * else (an email URN, a messaging handle, a short code's letters) gives null: replies by SMS need a number.
 */
export function phoneNumberOf(address: string): string | null {
  const bare = address
    .trim()
    .replace(/^tel:/i, '')
    .replace(/[\s().-]/g, '');
  return /^\+?[0-9]{3,20}$/.test(bare) ? bare : null;
}

export function fromTwilio(body: TwilioInbound): { from: string | null; text: string; messageId: string | undefined } {
  return { from: phoneNumberOf(body.From), text: body.Body, messageId: body.MessageSid };
}

export function fromRapidpro(body: RapidproInbound): {
  from: string | null;
  text: string;
  messageId: string | undefined;
} {
  const address = body.input?.urn ?? body.contact?.urn ?? body.urn ?? body.from;
  return {
    from: address ? phoneNumberOf(address) : null,
    text: body.input?.text ?? body.text ?? '',
    messageId: body.input?.uuid,
  };
}
