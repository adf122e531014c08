import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';
import type { Account } from './resolve.ts';
import type { SessionStage } from './schema.ts';
import type { SessionRow } from './sessions.ts';

/**
 * How the session cookie of a request resolved. The auth hook sets `request.auth` on every request, before
 * any permission guard runs; `request.ctx.actor` is set only when the state is `signed_in`.
 *
 * - `anonymous`: no session cookie;
 * - `expired`: a cookie that is malformed, unknown, expired (idle or absolute), or whose account was
 *   deactivated — the cookie is cleared in the response;
 * - `pending`: a sign-in between steps (TOTP code, two-factor enrolment, new password): it may do nothing but
 *   the next step;
 * - `signed_in`: a full session; `request.ctx.actor` is the person, and `account` their user row and
 *   memberships as this request read them (so that /me need not read them again).
 */
export type RequestAuth =
  | { state: 'anonymous' }
  | { state: 'expired' }
  | { state: 'pending'; session: SessionRow; stage: Exclude<SessionStage, 'active'> }
  | { state: 'signed_in'; session: SessionRow; account: Account };

declare module 'fastify' {
  interface FastifyRequest {
    /** How the session cookie resolved (see RequestAuth). Set by the auth hook on every request. */
    auth: RequestAuth;
  }
  interface FastifyContextConfig {
    /**
     * `false` exempts a write route from the CSRF token (sign-in only: there is no session yet). Such a route
     * accepts only `application/json` bodies, which a cross-site form cannot send.
     */
    csrf?: false;
  }
}

/**
 * The error for a request that needs a signed-in person but has none: 401 `session_expired` when a session
 * cookie came and is no longer good, 401 `totp_required` / 403 `totp_enrolment_required` /
 * 403 `forbidden` (reason `password_change_required`) while a sign-in is half done, else 401 `unauthenticated`.
 * The permission guard throws this when `request.ctx.actor` is null on a route that is not public.
 */
export function signInRequired(request: Pick<FastifyRequest, 'auth'>): AppError {
  const auth = request.auth ?? { state: 'anonymous' };
  switch (auth.state) {
    case 'expired':
      return new AppError('session_expired');
    case 'pending':
      if (auth.stage === 'totp') return new AppError('totp_required');
      if (auth.stage === 'enrolment') return new AppError('totp_enrolment_required');
      return new AppError('forbidden', { params: { reason: 'password_change_required' } });
    default:
      return new AppError('unauthenticated');
  }
}
