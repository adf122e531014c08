import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

export const SESSION_COOKIE = 'homeward_session';

function cookieOptions(request: FastifyRequest, setting: Config['cookieSecure']) {
  const secure = setting === 'auto' ? request.protocol === 'https' : setting === 'true';
  // No Max-Age: the cookie ends with the browser session; the server enforces idle and absolute expiry.
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, request.ctx.platform.config.cookieSecure));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, request.ctx.platform.config.cookieSecure));
}
