import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describeErrorForLog } from './log-errors.ts';

/**
 * Request ids: this process's random prefix and a counter, e.g. `9f3c2a7e-1k`. Unique across processes and
 * restarts for correlating a report with the log, short enough for a person to read out, and far cheaper than
 * a random UUID per request.
 */
export function requestIds(): () => string {
  const prefix = randomBytes(4).toString('hex');
  let counter = 0;
  return () => `${prefix}-${(++counter).toString(36)}`;
}

/**
 * One log line per request, written here rather than by Fastify's default serializers so that it holds no
 * personal data: the route pattern instead of the raw URL (which may carry identifiers), no query string,
 * no headers, no body, and an IP address only for signed-in staff on staff routes. Every response carries its request id.
 */
export function registerRequestLogging(app: FastifyInstance, { lines = true } = {}): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // With logging off there is no line to write: no hook either.
  if (!lines) return;
  app.addHook('onResponse', (request, reply, done) => {
    // routeOptions builds a new object on every read: read it once.
    const route = request.routeOptions;
    const line: { method: string; route: string; status: number; ms: number; ip?: string } = {
      method: request.method,
      route: route.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    // The address of signed-in staff on staff routes only: never of anyone on a public route (the public
    // pages, the checkpoint, sign-in), nor of a caller who is not signed in. Decided from what the route
    // declares and who called it, so a new public route cannot forget it.
    const permission = route.config.permission;
    if (permission !== undefined && permission !== 'public' && request.ctx?.actor) line.ip = request.ip;
    request.log.info(line, 'request');
    done();
  });
}

/** Pino options: structured, with secrets and personal fields redacted should anything log them. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'headers.cookie',
        '*.password',
        '*.totp',
        '*.code',
        '*.email',
        '*.name',
        '*.phone',
        '*.dateOfBirth',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: () => ({}),
      res: () => ({}),
      // Whoever logs `{ err }`: never a failed query's parameters or a database message quoting values.
      err: describeErrorForLog as (error: unknown) => { type: string; message: string; stack: string },
    },
  };
}
