import type { SmsGateway } from '../../../shared/gateway/constants.ts';
import type { Language } from '../../../shared/vocabulary.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { SealedContact } from '../delivery.ts';
import { clientKey, exhausted, spend } from '../rate.ts';
import { addInformation, receiptStatus } from '../receipt-status.ts';
import { receiveSubmission } from '../submissions.ts';
import { readCommand, type SmsCommand } from './keywords.ts';
import { SMS_TEXT_MAX } from './payloads.ts';
import { SMS_TEXTS, statusText } from './texts.ts';

type Ctx = Pick<RequestContext, 'db' | 'platform'>;

/** What the webhook answers the gateway with: the SMS to send back, in the sender's language. */
export interface SmsAnswer {
  reply: string;
  language: Language;
  /** What the message did, for the gateway's flow to branch on; never who sent it. */
  outcome: SmsOutcome;
}

export const SMS_OUTCOMES = ['submitted', 'status', 'added', 'help', 'refused', 'duplicate'] as const;
export type SmsOutcome = (typeof SMS_OUTCOMES)[number];

/** Control characters other than line breaks and tabs are dropped: a phone may send them, and storage refuses NUL. */
/**
 * What a decoder puts where bytes were not UTF-8: a body sent in another encoding. Such a text is not stored
 * with holes in it; the sender is asked to send it again.
 */
const REPLACEMENT = '\uFFFD';

function dropControls(text: string): string {
  return Array.from(text)
    .filter((char) => {
      const point = char.codePointAt(0)!;
      return point === 9 || point === 10 || point === 13 || (point >= 32 && point !== 127);
    })
    .join('');
}

/**
 * An SMS from a (verified) gateway: a new submission, a status request or added information, answered with the
 * SMS to send back. A new submission is confidential: the number is sealed as its contact (with the gateway,
 * which answers on the same number), the submitter agreed to be answered by SMS by writing by SMS, and flood
 * control counts the number only under a daily keyed hash. A refusal the sender can act on (a wrong code, a
 * closed item, too many messages, nobody to receive it yet) is an answer in their language, not an error.
 */
export async function receiveSms(
  ctx: Ctx,
  sms: { gateway: SmsGateway; from: string; text: string; messageId?: string | undefined },
  now = new Date(),
): Promise<SmsAnswer> {
  const command = readCommand(dropControls(sms.text));
  const language = command.language;
  // A message the gateway delivers again (a retry, or a signed request replayed) is taken once: its id is
  // counted for the hour under the same daily keyed hash as flood control, and a repeat gets no answer.
  const seen = sms.messageId
    ? await clientKey(ctx.db, ctx.platform.keyring, 'sms', `message:${sms.gateway}:${sms.messageId}`, now)
    : null;
  if (seen && (await exhausted(ctx.db, seen, 1, now)) !== null) return { reply: '', language, outcome: 'duplicate' };
  const answer = await answerCommand(ctx, sms, command, now);
  if (seen) await spend(ctx.db, seen, Number.MAX_SAFE_INTEGER, now);
  return answer;
}

async function answerCommand(
  ctx: Ctx,
  sms: { gateway: SmsGateway; from: string },
  command: SmsCommand,
  now: Date,
): Promise<SmsAnswer> {
  const texts = SMS_TEXTS[command.language];
  const language = command.language;
  const refused = (reply: string): SmsAnswer => ({ reply, language, outcome: 'refused' });
  try {
    switch (command.action) {
      case 'help':
        return { reply: texts.menu, language, outcome: 'help' };
      case 'status': {
        const status = await receiptStatus(ctx, command.code, sms.from, now);
        const latest = status.messages.findLast((message) => message.from === 'staff');
        return { reply: statusText(language, status.status, latest?.text), language, outcome: 'status' };
      }
      case 'add': {
        if (command.text.length > SMS_TEXT_MAX) return refused(texts.tooLong);
        if (command.text.includes(REPLACEMENT)) return refused(texts.unreadable);
        await addInformation(ctx, { code: command.code, text: command.text }, sms.from, now);
        return { reply: texts.added, language, outcome: 'added' };
      }
      case 'submit': {
        if (command.text.length > SMS_TEXT_MAX) return refused(texts.tooLong);
        if (command.text.includes(REPLACEMENT)) return refused(texts.unreadable);
        const contact: SealedContact = { phone: sms.from, gateway: sms.gateway };
        const receipt = await receiveSubmission(
          ctx,
          {
            kind: command.kind,
            ...(command.sexualExploitation ? { complaintCategory: 'sexual_exploitation_abuse' as const } : {}),
            disclosure: 'confidential',
            aboutNamedPerson: false,
            text: command.text,
            language,
            contact,
            contactConsent: true,
            channel: 'sms',
          },
          { scope: 'sms', client: sms.from },
          { now },
        );
        return { reply: texts.receipt(receipt.receiptCode), language, outcome: 'submitted' };
      }
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'rate_limited') return refused(texts.wait);
    if (error.code === 'not_found' && error.params.reason === 'receipt') return refused(texts.notRecognised);
    if (error.code === 'conflict' && error.params.reason === 'gateway_item_closed') return refused(texts.closed);
    if (error.code === 'conflict' && error.params.reason === 'gateway_unrouted') return refused(texts.unrouted);
    throw error;
  }
}
