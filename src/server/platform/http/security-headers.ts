import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's security headers with Homeward's Content-Security-Policy. Helmet builds every header on every
 * request, which cost most of a simple route's throughput; the headers do not depend on the request, so they
 * are computed once at boot and set on each reply.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Homeward may be served over plain HTTP on a local network; TLS is the proxy's business.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  })({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * The headers of a JSON API response: OWASP's REST security set and nothing more. The document policies of a
 * web page (which scripts, styles and frames it may use, what referrer it sends, who may embed its resources)
 * mean nothing to a JSON body, so an API response carries the strictest content policy instead: it may load
 * nothing and be framed by nothing. Every header costs each response its validation and its bytes, on the
 * busiest routes too.
 */
export function apiSecurityHeaders(
  documentHeaders: Record<string, string> = securityHeaders(),
): Record<string, string> {
  const kept = ['strict-transport-security', 'x-content-type-options'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
    ...Object.fromEntries(kept.filter((name) => name in documentHeaders).map((name) => [name, documentHeaders[name]!])),
  };
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  const documentHeaders = securityHeaders();
  const apiHeaders = apiSecurityHeaders(documentHeaders);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/v1/') ? apiHeaders : documentHeaders);
    done();
  });
}
