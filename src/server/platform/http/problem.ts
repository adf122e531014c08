import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Language } from '../../../shared/vocabulary.ts';
import { negotiateLanguage } from '../i18n/language.ts';
import { describeProblem } from '../i18n/problems.ts';
import { AppError, type ErrorCode, type FieldError, type ProblemRecord } from './errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** RFC 9457 problem details, with Homeward's stable `code` and field-level `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  /** Which case of `code` this is (`conflict` → `email_taken`), stable for clients and tests to act on. */
  reason?: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  /** The record the refusal is about (a conflict's existing record). */
  existing?: ProblemRecord;
}

/** The problem document for an error; `params` never carry personal data (see errors.ts). */
function problemBody(language: Language, error: AppError, instance: string, requestId: string): Problem {
  const params = error.code === 'internal' ? { ...error.params, requestId } : error.params;
  const { title, detail } = describeProblem(language, error.code, params);
  return {
    type: `https://homeward.invalid/problems/${error.code.replaceAll('_', '-')}`,
    title,
    status: error.status,
    code: error.code,
    ...(typeof error.params.reason === 'string' ? { reason: error.params.reason } : {}),
    detail,
    instance,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.existing ? { existing: error.existing } : {}),
  };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const language = request.ctx?.language ?? negotiateLanguage(request.headers['accept-language']);
  const body = problemBody(language, error, request.url.split('?')[0] ?? '/', request.id);
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
    case 'FST_ERR_BAD_URL':
      return new AppError('bad_request');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uri_too_long');
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

/**
 * Fastify's `frameworkErrors`: what goes wrong before a request reaches any route (a URL that does not decode,
 * a path parameter over the length limit). No hook has run, so the request id and the security headers are
 * set here, and the request's log line written.
 */
export function frameworkErrorHandler(headers: Record<string, string>, bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.header('x-request-id', request.id).headers(headers);
    const appError = toAppError(error, bodyLimit);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    request.log.info({ method: request.method, route: 'unmatched', status: appError.status }, 'request');
    sendProblem(request, reply, appError.status >= 500 ? new AppError('internal') : appError);
  };
}

/**
 * The HTTP server's `clientError`: a request Node could not parse (control characters or an oversized block
 * of headers, a malformed request line, a request that did not arrive in time). Nothing of the request can be
 * trusted, so the problem is in English and written straight to the socket, with a request id, the API's
 * security headers, and a log line that holds neither the address nor any of the bytes received.
 */
export function clientErrorHandler(nextRequestId: () => string, headers: Record<string, string>) {
  return function (this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'header_too_large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'request_timeout'
          : 'bad_request';
    const appError = new AppError(code);
    const requestId = nextRequestId();
    this.log.info({ reqId: requestId, route: 'unparsed', status: appError.status, reason: error.code }, 'request');
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(problemBody('en', appError, '/', requestId));
    const lines = [
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}`,
      `content-type: ${PROBLEM_CONTENT_TYPE}`,
      `content-length: ${Buffer.byteLength(body)}`,
      'content-language: en',
      `x-request-id: ${requestId}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      'connection: close',
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  };
}
