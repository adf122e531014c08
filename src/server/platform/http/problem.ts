import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { negotiateLanguage } from '../i18n/language.ts';
import { describeProblem } from '../i18n/problems.ts';
import { AppError, type ErrorCode, type FieldError } from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details, with Homeward's stable `code` and field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = request.ctx?.language ?? negotiateLanguage(request.headers['accept-language']);
  const params = error.code === 'internal' ? { ...error.params, requestId: request.id } : error.params;
  const { title, detail } = describeProblem(language, error.code, params);
  const body: Problem = {
    type: `https://homeward.invalid/problems/${error.code.replaceAll('_', '-')}`,
    title,
    status: error.status,
    code: error.code,
    detail,
    instance: request.url.split('?')[0] ?? '/',
    requestId: request.id,
    ...(error.errors ? { errors: error.errors } : {}),
  };
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).header('content-language', language).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** Maps anything thrown while handling a request onto one AppError; unknown errors become `internal`. */
export function toAppError(error: unknown, bodyLimit: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    return new AppError('validation_failed', {
      errors: error.validation.map((issue) => ({
        field: [context, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        code: String(issue.keyword),
        message: issue.message ?? 'Invalid value',
      })),
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', { params: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError('malformed_json');
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', { params: { limit: bodyLimit } });
  if (status === 415) return new AppError('unsupported_media_type');
  if (status >= 400 && status < 500) return new AppError('bad_request');
  return new AppError('internal', { cause: error });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error, app.initialConfig.bodyLimit ?? 0);
    if (appError.status >= 500 || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, new AppError('internal'));
    }
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AppError('not_found', { params: { thing: 'page' } })),
  );
}
