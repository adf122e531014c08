import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/errors.ts';
import { clearSessionCookie, SESSION_COOKIE } from './cookie.ts';
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
 * `request.ctx.actor`; then, before any handler, demands a fresh CSRF token on writes from a cookie session.
 * Register after the hook that sets `request.ctx`.
 */
async function authentication(app: FastifyInstance): Promise<void> {
  if (!app.hasRequestDecorator('cookies')) await app.register(cookie);
  app.decorateRequest('auth');
  warmDummyPassword();

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // The anonymous gateway never looks at who the visitor might be.
    if (config.anonymous === true) {
      request.auth = { state: 'anonymous' };
      return;
    }
    const { db, platform } = request.ctx;
    const resolved = await resolveSession(db, platform.config, request.cookies[SESSION_COOKIE], new Date());
    request.auth = resolved.auth;
    request.ctx.actor = resolved.actor;
    if (resolved.auth.state === 'expired') clearSessionCookie(request, reply);

    if (WRITE_METHODS.has(request.method) && config.csrf === false && !isJson(request)) {
      throw new AppError('unsupported_media_type');
    }
  });

  app.addHook('preHandler', async (request) => {
    const auth = request.auth;
    const routed = request.routeOptions.config.permission !== undefined;
    if (!routed || !WRITE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return;
    if (auth.state !== 'signed_in' && auth.state !== 'pending') return;
    const token = request.headers[CSRF_HEADER];
    const presented = typeof token === 'string' ? token : undefined;
    if (!(await consumeCsrfToken(request.ctx.db, auth.session.id, presented))) throw new AppError('csrf_failed');
  });
}

export default fp(authentication, { name: 'homeward-authentication', fastify: '5.x' });
