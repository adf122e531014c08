import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  DISCLOSURES,
  type Disclosure,
  SUBMISSION_KINDS,
  SUBMISSION_TEXT_MAX,
  type SubmissionKind,
} from '../../shared/gateway/constants.ts';
import { NewSubmission, SubmissionContact } from '../../shared/gateway/schemas.ts';
import { LANGUAGES, type Language } from '../../shared/vocabulary.ts';
import type { SubmitPageAnswer } from '../../web/public/gateway/answers.ts';
import { SUBMIT_FORM } from '../../web/public/gateway/answers.ts';
import { AppError } from '../platform/http/errors.ts';
import { describeProblem } from '../platform/i18n/problems.ts';
import type { FormRegistration, RenderPage } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { receiveSubmission } from './submissions.ts';

export const SUBMIT_PAGE = '/feedback';

/** The fields a submitter types, kept as typed when the page comes back with an error (never the receipt code). */
const TYPED = [
  'kind',
  'complaintCategory',
  'aboutNamedPerson',
  'disclosure',
  'pcode',
  'transitPoint',
  'caseReference',
  'text',
  'name',
  'phone',
  'email',
  'contactConsent',
] as const;
/** Short fields are cut when sent back, so that a flood of characters is not sent back whole. */
const SHORT_MAX = 254;

const field = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** A NUL (PostgreSQL cannot store it) or U+FFFD (bytes that were not UTF-8): the field could not be read. */
const unreadable = (value: string) => value.includes('\u0000') || value.includes('\uFFFD');

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * Checks the posted fields (all strings) and builds the submission, or gives the errors per field as catalogue
 * keys (`gatewayPortal.form.*`). Contact fields are ignored for an anonymous submission: nothing typed there is
 * kept.
 */
export function readSubmissionForm(
  fields: Record<string, string>,
  fallbackLanguage: Language,
): { ok: true; submission: NewSubmission } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const name of TYPED) if (unreadable(fields[name] ?? '')) errors[name] = 'gatewayPortal.form.unreadable';
  const kind = fields.kind as SubmissionKind;
  if (!SUBMISSION_KINDS.includes(kind)) errors.kind ??= 'gatewayPortal.form.kindRequired';
  const category = fields.complaintCategory as ComplaintCategory;
  if (kind === 'complaint' && !COMPLAINT_CATEGORIES.includes(category))
    errors.complaintCategory ??= 'gatewayPortal.form.categoryRequired';
  const disclosure = (fields.disclosure || 'anonymous') as Disclosure;
  if (!DISCLOSURES.includes(disclosure)) errors.disclosure ??= 'gatewayPortal.form.disclosureRequired';
  const text = (fields.text ?? '').trim();
  if (text === '') errors.text ??= 'gatewayPortal.form.textRequired';
  else if (text.length > SUBMISSION_TEXT_MAX) errors.text ??= 'gatewayPortal.form.textTooLong';
  const pcode = (fields.pcode ?? '').trim();
  if (pcode !== '' && !/^[A-Z]{2}[A-Z0-9]{0,22}$/.test(pcode)) errors.pcode ??= 'gatewayPortal.form.unknownZone';
  const transitPoint = (fields.transitPoint ?? '').trim();
  if (transitPoint.length > 40) errors.transitPoint ??= 'gatewayPortal.form.unknownTransitPoint';
  const caseReference = (fields.caseReference ?? '').trim();
  if (caseReference.length > 40) errors.caseReference ??= 'gatewayPortal.form.caseReferenceTooLong';

  let contact: SubmissionContact | undefined;
  if (disclosure !== 'anonymous') {
    const name = (fields.name ?? '').trim();
    const phone = (fields.phone ?? '').trim();
    const email = (fields.email ?? '').trim();
    if (phone === '' && email === '') errors.phone ??= 'gatewayPortal.form.contactRequired';
    const parsed = SubmissionContact.safeParse({
      ...(name ? { name } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    });
    if (parsed.success) contact = parsed.data;
    else
      for (const issue of parsed.error.issues) {
        const path = String(issue.path[0] ?? 'phone');
        const key =
          path === 'email'
            ? 'gatewayPortal.form.emailInvalid'
            : path === 'name'
              ? 'gatewayPortal.form.nameTooLong'
              : phone === '' && email === ''
                ? 'gatewayPortal.form.contactRequired'
                : 'gatewayPortal.form.phoneInvalid';
        errors[path] ??= key;
      }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const submission: NewSubmission = {
    kind,
    ...(kind === 'complaint' ? { complaintCategory: category } : {}),
    aboutNamedPerson: kind === 'protection_request' && fields.aboutNamedPerson === 'yes',
    disclosure,
    text,
    language: isLanguage(fields.language ?? '') ? (fields.language as Language) : fallbackLanguage,
    ...(pcode ? { pcode } : {}),
    ...(transitPoint ? { transitPoint } : {}),
    ...(caseReference ? { caseReference } : {}),
    ...(contact ? { contact } : {}),
    contactConsent: disclosure !== 'anonymous' && fields.contactConsent === 'yes',
  };
  // The API's own check, last: anything it refuses that the checks above let through is named generally.
  const checked = NewSubmission.safeParse(submission);
  if (!checked.success) {
    for (const issue of checked.error.issues) errors[String(issue.path[0] ?? 'text')] ??= 'form.invalid';
    return { ok: false, errors };
  }
  return { ok: true, submission };
}

/** What was typed, to send back with an error: the fields the form has, long ones cut. */
function typedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of TYPED) {
    const value = field(body, name).replaceAll('\u0000', '');
    if (value !== '') values[name] = value.slice(0, name === 'text' ? SUBMISSION_TEXT_MAX + 100 : SHORT_MAX);
  }
  return values;
}

const pageLanguageOf = (request: FastifyRequest): Language => {
  const posted = field(request.body, 'language');
  return isLanguage(posted) ? posted : request.ctx.language;
};

/** The page is never stored by a browser or a proxy: it carries the receipt code, or what someone typed. */
const noStore = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  reply.header('cache-control', 'no-store');
  return payload;
};

/**
 * The submission form without JavaScript: `POST /feedback` answers with the page itself, showing the receipt
 * code once (201), the errors next to their fields with what was typed (422), how long to wait (429), why it
 * could not be taken (409, nobody receives it yet), or that the body could not be read (413, 415). Not the usual
 * 303 to a result page: the result would have to carry the code in its address.
 */
export const submitForm: FormRegistration = (app, renderPage: RenderPage) => {
  const show = (request: FastifyRequest, reply: FastifyReply, state: FormState, status: number) =>
    renderPage(request, reply, SUBMIT_PAGE, { forms: { [SUBMIT_FORM]: state }, status });
  app.post(
    SUBMIT_PAGE,
    {
      config: { permission: 'public' as const, anonymous: true },
      schema: { hide: true },
      onSend: noStore,
      // A body too large, not a form at all, or holding a NUL (refused for every route before it runs) is
      // answered with the form page, never an error page.
      errorHandler: (error: FastifyError | AppError, request, reply) => {
        if (error instanceof AppError && error.code === 'validation_failed') {
          const errors: Record<string, string> = {};
          for (const problem of error.errors ?? []) {
            const name = problem.field.replace(/^body\./, '');
            errors[(TYPED as readonly string[]).includes(name) ? name : 'text'] = 'gatewayPortal.form.unreadable';
          }
          return show(request, reply, { values: typedValues(request.body), errors }, 422);
        }
        if (!('code' in error) || !String(error.code).startsWith('FST_ERR_CTP_')) throw error;
        const answer: SubmitPageAnswer =
          error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? { refused: 'too_large' } : { refused: 'unreadable' };
        return show(request, reply, { values: {}, errors: {}, answer }, (error as FastifyError).statusCode ?? 400);
      },
    },
    async (request: FastifyRequest, reply) => {
      const values = typedValues(request.body);
      const fields = Object.fromEntries(
        [...TYPED, 'language'].map((name) => [name, field(request.body, name)] as const),
      );
      const language = pageLanguageOf(request);
      const read = readSubmissionForm(fields, language);
      if (!read.ok) return show(request, reply, { values, errors: read.errors }, 422);
      try {
        const receipt = await receiveSubmission(
          request.ctx,
          { ...NewSubmission.parse(read.submission), channel: 'web' },
          { scope: 'submit', client: request.ip },
        );
        const answer: SubmitPageAnswer = {
          receipt: {
            receiptCode: receipt.receiptCode,
            kind: receipt.kind,
            receivedAt: receipt.receivedAt,
            acknowledgeBy: receipt.acknowledgeBy,
          },
          anonymous: read.submission.disclosure === 'anonymous',
        };
        return show(request, reply, { values: {}, errors: {}, answer }, 201);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'validation_failed') {
          const errors: Record<string, string> = {};
          for (const problem of error.errors ?? []) {
            if (problem.field === 'body.transitPoint') errors.transitPoint = 'gatewayPortal.form.unknownTransitPoint';
            else if (problem.field === 'body.pcode') errors.pcode = 'gatewayPortal.form.unknownZone';
            else errors[problem.field.replace(/^body\./, '').split('.')[0] ?? 'text'] ??= 'form.invalid';
          }
          return show(request, reply, { values, errors }, 422);
        }
        if (error.code === 'rate_limited') {
          const seconds = Number(error.params.seconds);
          reply.header('retry-after', String(seconds));
          return show(request, reply, { values, errors: {}, answer: { retryAfterSeconds: seconds } }, 429);
        }
        if (error.code === 'conflict') {
          const problem = describeProblem(language, error.code, error.params);
          return show(request, reply, { values, errors: {}, answer: { problem } }, 409);
        }
        throw error;
      }
    },
  );
};
