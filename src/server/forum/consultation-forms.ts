import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_COMMENT_MAX_CHARS, RECORD_ID } from '../../shared/forum/constants.ts';
import { LANGUAGES, type Language } from '../../shared/vocabulary.ts';
import { COMMENT_FORM, type CommentFormAnswer } from '../../web/public/forum/answers.ts';
import { AppError, notFound } from '../platform/http/errors.ts';
import { describeProblem } from '../platform/i18n/problems.ts';
import type { FormRegistration, RenderPage } from '../platform/web/forms.ts';
import type { FormState } from '../platform/web/ssr.ts';
import { commentAsPublic } from './consultations.ts';

const TARGET = /^[a-z0-9_]{1,60}$/;

const field = (body: unknown, name: string): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** A NUL (PostgreSQL cannot store it) or U+FFFD (bytes that were not UTF-8): the field could not be read. */
const unreadable = (value: string) => value.includes('\u0000') || value.includes('\uFFFD');

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** What was typed, sent back with an error (cut, so that a flood of characters is not sent back whole). */
const typed = (body: unknown): Record<string, string> => ({
  target: field(body, 'target').replaceAll('\u0000', '').slice(0, 60),
  text: field(body, 'text')
    .replaceAll('\u0000', '')
    .slice(0, PUBLIC_COMMENT_MAX_CHARS + 100),
});

/** Checks the posted fields; the errors are catalogue keys shown beside their fields. */
export function readCommentForm(
  fields: Record<string, string>,
  fallbackLanguage: Language,
):
  | { ok: true; comment: { target?: string; text: string; language: Language } }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = (fields.text ?? '').trim();
  const target = (fields.target ?? '').trim();
  if (unreadable(fields.text ?? '')) errors.text = 'forumPortal.comment.unreadable';
  else if (text === '') errors.text = 'forumPortal.comment.textRequired';
  else if (text.length > PUBLIC_COMMENT_MAX_CHARS) errors.text = 'forumPortal.comment.textTooLong';
  if (target !== '' && !TARGET.test(target)) errors.target = 'forumPortal.comment.unknownTarget';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const language = fields.language ?? '';
  return {
    ok: true,
    comment: {
      ...(target ? { target } : {}),
      text,
      language: isLanguage(language) ? language : fallbackLanguage,
    },
  };
}

/**
 * The public comment form of an open consultation, without JavaScript: `POST /consultations/:id` takes the
 * comment and answers 303 to the consultation's page saying it was received (reloading never posts again), or
 * shows the page again with the errors beside their fields and what was typed (422), how long to wait when one
 * source sends too many (429, counted under a rotating keyed hash of the address, never the address), that the
 * consultation no longer takes comments (409), or that the body could not be read (413, 415). Nothing about the
 * sender is stored.
 */
export const commentForm: FormRegistration = (app, renderPage: RenderPage) => {
  const show = (request: FastifyRequest, reply: FastifyReply, id: string, state: FormState, status: number) =>
    renderPage(request, reply, `/consultations/${id}`, { forms: { [COMMENT_FORM]: state }, status });
  const idOf = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id ?? '';
    return RECORD_ID.test(id) ? id : null;
  };
  app.post(
    '/consultations/:id',
    {
      config: { permission: 'public' as const, anonymous: true },
      schema: { hide: true },
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      },
      errorHandler: (error: FastifyError | AppError, request, reply) => {
        const id = idOf(request);
        if (!id) throw error;
        if (error instanceof AppError && error.code === 'validation_failed') {
          return show(
            request,
            reply,
            id,
            { values: typed(request.body), errors: { text: 'forumPortal.comment.unreadable' } },
            422,
          );
        }
        if (!('code' in error) || !String(error.code).startsWith('FST_ERR_CTP_')) throw error;
        const answer: CommentFormAnswer = {
          refused: error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too_large' : 'unreadable',
        };
        return show(request, reply, id, { values: {}, errors: {}, answer }, (error as FastifyError).statusCode ?? 400);
      },
    },
    async (request, reply) => {
      const id = idOf(request);
      if (!id) throw notFound('consultation');
      const values = typed(request.body);
      const language = isLanguage(field(request.body, 'language'))
        ? (field(request.body, 'language') as Language)
        : request.ctx.language;
      const read = readCommentForm(
        { target: field(request.body, 'target'), text: field(request.body, 'text'), language },
        language,
      );
      if (!read.ok) return show(request, reply, id, { values, errors: read.errors }, 422);
      try {
        await commentAsPublic(request.ctx, id, read.comment, request.ip);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'validation_failed') {
          return show(request, reply, id, { values, errors: { target: 'forumPortal.comment.unknownTarget' } }, 422);
        }
        if (error.code === 'rate_limited') {
          const seconds = Number(error.params.seconds);
          reply.header('retry-after', String(seconds));
          const answer: CommentFormAnswer = { retryAfterSeconds: seconds };
          return show(request, reply, id, { values, errors: {}, answer }, 429);
        }
        if (error.code === 'conflict') {
          const answer: CommentFormAnswer = { problem: describeProblem(language, error.code, error.params) };
          return show(request, reply, id, { values, errors: {}, answer }, 409);
        }
        if (error.code === 'not_found') return show(request, reply, id, { values: {}, errors: {} }, 404);
        throw error;
      }
      return reply
        .code(303)
        .header('location', `/consultations/${id}?comment=received#comment-form`)
        .header('cache-control', 'no-store')
        .send();
    },
  );
};

/** The consultations' public forms that work without JavaScript (the public comment form). */
export const consultationForms: readonly FormRegistration[] = [commentForm];
