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
    const anonymous = request.routeOptions.config.anonymous === true;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(anonymous ? {} : { ip: request.ip }),
      },
      'request',
    );
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
