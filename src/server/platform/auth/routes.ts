import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ChangePasswordRequest,
  CsrfToken,
  LoginRequest,
  Me,
  SignInResponse,
  SwitchOrganisationRequest,
  TotpCodeRequest,
  TotpEnrolment,
} from '../../../shared/accounts.ts';
import type { HomewardApp } from '../../app.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { deviceCookieOf, setDeviceCookie } from './device.ts';
import { getMe, switchOrganisation } from './me.ts';
import {
  changePassword,
  confirmTotpEnrolment,
  issueCsrf,
  login,
  logout,
  type SignInOutcome,
  startTotpEnrolment,
  submitTotpCode,
} from './service.ts';

const tags = ['auth'];
const signedIn = { 200: SignInResponse };
const client = (request: FastifyRequest) => ({ address: request.ip, device: deviceCookieOf(request) });

function answer(request: FastifyRequest, reply: FastifyReply, outcome: SignInOutcome) {
  if (outcome.token) setSessionCookie(request, reply, outcome.token);
  if (outcome.device) setDeviceCookie(request, reply, outcome.device);
  return outcome.response;
}

/**
 * Sign-in steps and the signed-in person. The steps after the password are `public` to the permission
 * guard because a half-done sign-in has no actor yet; each checks the session's stage itself.
 */
export async function authRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/auth/login',
    {
      config: { permission: 'public', csrf: false },
      schema: {
        summary: 'Sign in with email and password',
        description: 'Answers the next step: signed in, a TOTP code, two-factor enrolment or a new password.',
        tags,
        body: LoginRequest,
        response: signedIn,
      },
    },
    async (request, reply) =>
      answer(request, reply, await login(request.ctx, request.auth, request.body, client(request))),
  );

  app.post(
    '/auth/login/totp',
    {
      config: { permission: 'public' },
      schema: { summary: 'Second sign-in step: the TOTP code', tags, body: TotpCodeRequest, response: signedIn },
    },
    async (request, reply) =>
      answer(request, reply, await submitTotpCode(request.ctx, request.auth, request.body.code, client(request))),
  );

  app.post(
    '/auth/totp/enrol',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Start two-factor enrolment',
        description: 'A new secret and its otpauth:// URI for a QR code. Not in force until confirmed.',
        tags,
        response: { 200: TotpEnrolment },
      },
    },
    async (request) => startTotpEnrolment(request.ctx, request.auth),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { permission: 'public' },
      schema: { summary: 'Confirm two-factor enrolment with a code', tags, body: TotpCodeRequest, response: signedIn },
    },
    async (request, reply) =>
      answer(request, reply, await confirmTotpEnrolment(request.ctx, request.auth, request.body.code, client(request))),
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Change the password (required after a one-time password)',
        tags,
        body: ChangePasswordRequest,
        response: signedIn,
      },
    },
    async (request, reply) =>
      answer(request, reply, await changePassword(request.ctx, request.auth, request.body, client(request))),
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'public' },
      schema: { summary: 'Sign out', tags, response: { 204: z.null().describe('Signed out') } },
    },
    async (request, reply) => {
      await logout(request.ctx, request.auth);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/csrf',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'A single-use CSRF token',
        description: 'Send it as `x-csrf-token` with the next POST, PUT, PATCH or DELETE of this session.',
        tags,
        response: { 200: CsrfToken },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueCsrf(request.ctx, request.auth);
    },
  );

  app.get(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'The signed-in person, their organisations, roles and permissions',
        tags,
        response: { 200: Me },
      },
    },
    async (request) => getMe(request.ctx, request.auth),
  );

  app.post(
    '/me/organisation',
    {
      config: { permission: 'authenticated' },
      schema: {
        summary: 'Act for another of your organisations',
        tags,
        body: SwitchOrganisationRequest,
        response: { 200: Me },
      },
    },
    async (request) => switchOrganisation(request.ctx, request.auth, request.body.organisationId),
  );
}
