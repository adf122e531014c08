import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SATISFACTIONS, type Satisfaction, SUBMISSION_TEXT_MAX } from '../../shared/gateway/constants.ts';
import type { ReceiptStatus } from '../../shared/gateway/schemas.ts';
import {
  RECEIPT_ACTIONS,
  RECEIPT_FORM,
  type ReceiptAction,
  type ReceiptPageAnswer,
} from '../../web/public/gateway/answers.ts';
import { AppError } from '../platform/http/errors.ts';
import type { FormRegistration, RenderPage } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { addInformation, rateHandling, receiptStatus } from './receipt-status.ts';

export const RECEIPT_PAGE = '/feedback/receipt';

const field = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};
const unreadable = (value: string) => value.includes('\u0000') || value.includes('\uFFFD');
/** Longer than any code typed with spaces or dashes; longer is not a code (and costs no hash). */
const CODE_MAX = 64;

const noStore = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('cache-control', 'no-store');
  return payload;
};

/**
 * The receipt page's forms without JavaScript, all posted to `POST /feedback/receipt` with `action`: `status`
 * (the code), `add` (the code and more information), `rate` (the code and how satisfied). The page comes back
 * with the item's status and messages (200), the refusal next to the code (404, the same for a wrong code and a
 * malformed one), how long to wait (429), or why information cannot be added (409: closed; or satisfaction before
 * an answer). The code is never sent back, not even in the typed values, and never appears in an address.
 */
export const receiptForm: FormRegistration = (app, renderPage: RenderPage) => {
  const show = (request: FastifyRequest, reply: FastifyReply, state: FormState, status: number) =>
    renderPage(request, reply, RECEIPT_PAGE, { forms: { [RECEIPT_FORM]: state }, status });
  app.post(
    RECEIPT_PAGE,
    {
      config: { permission: 'public' as const, anonymous: true },
      schema: { hide: true },
      onSend: noStore,
      // A body not a form, or holding a NUL (refused for every route before it runs): the page, never an error page.
      errorHandler: (error: FastifyError | AppError, request, reply) => {
        const nul = error instanceof AppError && error.code === 'validation_failed';
        if (!nul && !('code' in error && String(error.code).startsWith('FST_ERR_CTP_'))) throw error;
        return show(
          request,
          reply,
          { values: {}, errors: { code: 'gatewayPortal.receipt.unreadable' } },
          nul ? 422 : 400,
        );
      },
    },
    async (request: FastifyRequest, reply) => {
      const body = request.body;
      const action: ReceiptAction = (RECEIPT_ACTIONS as readonly string[]).includes(field(body, 'action'))
        ? (field(body, 'action') as ReceiptAction)
        : 'status';
      const code = field(body, 'code');
      const text = field(body, 'text').trim();
      const satisfaction = field(body, 'satisfaction');
      // What was typed besides the code, so that a refusal does not lose a long message.
      const values: Record<string, string> = { action };
      if (action === 'add' && text !== '')
        values.text = text.replaceAll('\u0000', '').slice(0, SUBMISSION_TEXT_MAX + 100);
      const errors: Record<string, string> = {};
      if (code.trim() === '') errors.code = 'gatewayPortal.receipt.codeRequired';
      else if (code.length > CODE_MAX || unreadable(code)) errors.code = 'gatewayPortal.receipt.notRecognised';
      if (action === 'add') {
        if (unreadable(text)) errors.text = 'gatewayPortal.form.unreadable';
        else if (text === '') errors.text = 'gatewayPortal.form.textRequired';
        else if (text.length > SUBMISSION_TEXT_MAX) errors.text = 'gatewayPortal.form.textTooLong';
      }
      if (action === 'rate' && !(SATISFACTIONS as readonly string[]).includes(satisfaction))
        errors.satisfaction = 'gatewayPortal.receipt.satisfactionRequired';
      if (errors.code === 'gatewayPortal.receipt.notRecognised') {
        // Too long or unreadable: refused as a wrong code is, and counted as one.
        return lookUp(request, reply, ' ', 'status', {});
      }
      if (errors.code) return show(request, reply, { values, errors }, 422);
      // The code was typed but the rest is wanting: the item's status with the errors beside its forms.
      if (Object.keys(errors).length > 0) return lookUp(request, reply, code, 'status', values, { errors });
      return lookUp(request, reply, code, action, values, { text, satisfaction: satisfaction as Satisfaction });
    },
  );

  async function lookUp(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    action: ReceiptAction,
    values: Record<string, string>,
    more: { text?: string; satisfaction?: Satisfaction; errors?: Record<string, string> } = {},
  ) {
    const { text = '', satisfaction = 'satisfied', errors } = more;
    const answer = (value: ReceiptPageAnswer) => value;
    try {
      let status: ReceiptStatus;
      if (action === 'add') {
        status = await addInformation(request.ctx, { code, text }, request.ip);
        return show(request, reply, { values: {}, errors: {}, answer: answer({ status, done: 'added' }) }, 200);
      }
      if (action === 'rate') {
        status = await rateHandling(request.ctx, { code, satisfaction }, request.ip);
        return show(request, reply, { values: {}, errors: {}, answer: answer({ status, done: 'rated' }) }, 200);
      }
      status = await receiptStatus(request.ctx, code, request.ip);
      if (errors) return show(request, reply, { values, errors, answer: answer({ status }) }, 422);
      return show(request, reply, { values: {}, errors: {}, answer: answer({ status }) }, 200);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'not_found') {
        return show(request, reply, { values, errors: { code: 'gatewayPortal.receipt.notRecognised' } }, 404);
      }
      if (error.code === 'rate_limited') {
        const seconds = Number(error.params.seconds);
        reply.header('retry-after', String(seconds));
        return show(request, reply, { values, errors: {}, answer: answer({ retryAfterSeconds: seconds }) }, 429);
      }
      if (error.code === 'conflict') {
        // The item exists and the code was right: show where it stands, with why nothing was changed.
        const refused = error.params.reason === 'gateway_item_closed' ? 'closed' : 'not_answered';
        const status = await receiptStatus(request.ctx, code, request.ip).catch(() => undefined);
        return show(request, reply, { values, errors: {}, answer: answer({ status, refused }) }, 409);
      }
      throw error;
    }
  }
};
