import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, written here rather than by Fastify's default serializers so that it holds no
 * personal data: the route pattern instead of the raw URL (which may carry identifiers), no query string,
 * no headers, no body, and no IP address on routes marked anonymous.
 */
export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    // routeOptions builds a new object on every read: read it once.
    const route = request.routeOptions;
    const line: { method: string; route: string; status: number; ms: number; ip?: string } = {
      method: request.method,
      route: route.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (route.config.anonymous !== true) line.ip = request.ip;
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
    },
  };
}
