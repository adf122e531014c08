import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/errors.ts';
import { clearSessionCookie, SESSION_COOKIE } from './cookie.ts';
import { checkCrossSite } from './cross-site.ts';
import { CSRF_HEADER, consumeCsrfToken, WRITE_METHODS } from './csrf.ts';
import { warmDummyPassword } from './password.ts';
import './problems.ts';
import { resolveSession } from './resolve.ts';

const isJson = (request: FastifyRequest) => {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || (type?.startsWith('application/') && type.endsWith('+json')) === true;
};

/**
 * Sign-in on every request: reads the session cookie into `request.auth` and, for a full session,
 * `request.ctx.actor`; refuses writes from other sites; then, before any handler, demands a fresh CSRF token on writes from a cookie session.
 * Register after the hook that sets `request.ctx`.
 */
async function authentication(app: FastifyInstance): Promise<void> {
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
  app.decorateRequest('auth');
  warmDummyPassword();

  // The hooks are callback-style and finish synchronously when there is nothing to look up (no session cookie,
  // or a read): a public route then pays no promise or microtask for them.
  app.addHook('onRequest', (request, reply, done) => {
    // Before anything is looked up: a cross-site write is refused whatever it carries.
    checkCrossSite(request);
    const config = request.routeOptions.config;
    // The anonymous gateway never looks at who the visitor might be.
    if (config.anonymous === true) {
      request.auth = { state: 'anonymous' };
      done();
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) {
      settle(request, reply, { auth: { state: 'anonymous' }, actor: null });
      done();
      return;
    }
    const { db, platform } = request.ctx;
    resolveSession(db, platform.config, token, new Date())
      .then((resolved) => settle(request, reply, resolved))
      .then(() => done(), done);
  });

  app.addHook('preHandler', (request, _reply, done) => {
    const config = request.routeOptions.config;
    const auth = request.auth;
    const routed = config.permission !== undefined;
    if (!routed || !WRITE_METHODS.has(request.method) || config.csrf === false) {
      done();
      return;
    }
    if (auth.state !== 'signed_in' && auth.state !== 'pending') {
      done();
      return;
    }
    const token = request.headers[CSRF_HEADER];
    const presented = typeof token === 'string' ? token : undefined;
    consumeCsrfToken(request.ctx.db, auth.session.id, presented).then(
      (consumed) => done(consumed ? undefined : new AppError('csrf_failed')),
      done,
    );
  });
}

/** Records how the session cookie resolved; a write that skips CSRF must then be JSON. */
function settle(
  request: FastifyRequest,
  reply: FastifyReply,
  resolved: Awaited<ReturnType<typeof resolveSession>>,
): void {
  request.auth = resolved.auth;
  request.ctx.actor = resolved.actor;
  if (resolved.auth.state === 'expired') clearSessionCookie(request, reply);

  if (WRITE_METHODS.has(request.method) && request.routeOptions.config.csrf === false && !isJson(request)) {
    throw new AppError('unsupported_media_type');
  }
}

export default fp(authentication, { name: 'homeward-authentication', fastify: '5.x' });
