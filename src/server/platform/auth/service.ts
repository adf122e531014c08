import type { z } from 'zod';
import type { ChangePasswordRequest, LoginRequest, SignInResponse } from '../../../shared/accounts.ts';
import {
  acceptTotpStep,
  findUserByEmail,
  findUserById,
  normaliseEmail,
  setPassword,
  setPendingTotpSecret,
  type UserRow,
} from '../accounts/directory.ts';
import { appendAudit } from '../audit/log.ts';
import type { RequestContext } from '../context.ts';
import { AppError, conflict } from '../http/errors.ts';
import { issueCsrfToken } from './csrf.ts';
import { type DeviceCookie, rememberDevice } from './device.ts';
import { presentMe } from './me.ts';
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from './password.ts';
import { type RequestAuth, signInRequired } from './request-auth.ts';
import { type Account, loadAccount } from './resolve.ts';
import type { SessionStage } from './schema.ts';
import {
  advanceSession,
  endSession,
  endUserSessions,
  purgeExpiredSessions,
  type SessionRow,
  startSession,
} from './sessions.ts';
import { nextStage, SIGN_IN_STATUS } from './stages.ts';
import { type Client, clearAccountFailures, openThrottle, recordFailure, type ThrottleKeys } from './throttle.ts';
import { generateTotpSecret, matchTotpStep, totpUri } from './totp.ts';

/**
 * A sign-in step's answer, the new session token for the cookie when the step issued one, and the device
 * cookie when the password was right.
 */
export interface SignInOutcome {
  response: SignInResponse;
  token?: string;
  device?: DeviceCookie;
}

function respond(ctx: RequestContext, account: Account, session: SessionRow, stage: SessionStage): SignInResponse {
  if (stage === 'active') {
    return { status: 'signed_in', me: presentMe(account, { ...session, stage }, ctx.platform.config) };
  }
  return { status: SIGN_IN_STATUS[stage] };
}

/**
 * Step one: email and password. Wrong email, wrong password and a deactivated account give the same
 * `invalid_credentials` after the same work; each failure counts against the account and against the address
 * or, for a device that signed in to this account before, against that device (throttle.ts).
 */
export async function login(
  ctx: RequestContext,
  previous: RequestAuth,
  input: z.infer<typeof LoginRequest>,
  client: Client,
): Promise<SignInOutcome> {
  const { db, platform } = ctx;
  const now = new Date();
  const email = normaliseEmail(input.email);
  const keys = await openThrottle(db, platform.keyring, email, client, now);

  const user = await findUserByEmail(db, email);
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyDummyPassword(input.password);
  if (!user || !passwordMatches || !user.active) {
    await recordFailure(db, keys, platform.config.loginMaxAttempts, now);
    throw new AppError('invalid_credentials');
  }
  const account = await loadAccount(db, user);
  if (account.memberships.length === 0) throw new AppError('forbidden', { params: { reason: 'no_membership' } });

  const stage = nextStage(account.standing, false);
  const started = await db.transaction(async (tx) => {
    await clearAccountFailures(tx, keys);
    if (needsRehash(user.passwordHash)) {
      const passwordHash = await hashPassword(input.password);
      await setPassword(tx, user.id, passwordHash, { changeRequired: user.passwordChangeRequired });
    }
    if (previous.state === 'pending' || previous.state === 'signed_in') await endSession(tx, previous.session.id);
    await purgeExpiredSessions(tx, platform.config, now);
    const organisationId = account.memberships[0]!.organisation.id;
    return startSession(tx, { userId: user.id, stage, organisationId }, now);
  });
  // This browser knows the password: from now on it is a trusted device for this account.
  const device = await rememberDevice(db, platform.keyring, keys.account, client.device);
  return { token: started.token, device, response: respond(ctx, account, started.session, stage) };
}

/** The session of a half-done sign-in at one of `stages` (or, when allowed, a signed-in session). */
function requireStep(
  auth: RequestAuth,
  stages: readonly SessionStage[],
  { signedInToo = false } = {},
): { session: SessionRow } {
  if (auth.state === 'pending' && stages.includes(auth.stage)) return { session: auth.session };
  if (auth.state === 'signed_in') {
    if (signedInToo) return { session: auth.session };
    throw conflict('already_signed_in');
  }
  throw signInRequired({ auth });
}

async function sessionUser(ctx: RequestContext, session: SessionRow): Promise<UserRow> {
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw new AppError('session_expired');
  return user;
}

/**
 * Checks a TOTP code against the person's secret and answers its time step. A wrong code counts as a failed
 * sign-in for the backoff. The caller still has to accept the step once (acceptTotpStep) to rule out replay.
 */
async function matchCode(
  ctx: RequestContext,
  user: UserRow,
  code: string,
  client: Client,
  now: Date,
): Promise<{ keys: ThrottleKeys; step: number }> {
  const { db, platform } = ctx;
  const keys = await openThrottle(db, platform.keyring, user.email, client, now);
  const secret = await platform.keyring.decrypt(db, user.totpSecret!, 'totp');
  const step = matchTotpStep(secret, code, now.getTime());
  if (step === null) {
    await recordFailure(db, keys, platform.config.loginMaxAttempts, now);
    throw new AppError('totp_invalid');
  }
  return { keys, step };
}

/** Step two, for people with two-factor sign-in: the six-digit code. */
export async function submitTotpCode(
  ctx: RequestContext,
  auth: RequestAuth,
  code: string,
  client: Client,
): Promise<SignInOutcome> {
  const { session } = requireStep(auth, ['totp']);
  const now = new Date();
  const user = await sessionUser(ctx, session);
  const { keys, step } = await matchCode(ctx, user, code, client, now);
  if (!(await acceptTotpStep(ctx.db, user.id, step))) {
    // The code was right but already used: a replay.
    await recordFailure(ctx.db, keys, ctx.platform.config.loginMaxAttempts, now);
    throw new AppError('totp_invalid');
  }
  await clearAccountFailures(ctx.db, keys);
  const account = await loadAccount(ctx.db, user);
  const stage = nextStage(account.standing, true);
  const { token } = await advanceSession(ctx.db, session.id, stage, now);
  return { token, response: respond(ctx, account, { ...session, lastSeenAt: now }, stage) };
}

/**
 * Starts two-factor enrolment: a new secret, stored encrypted and not in force until a code from it is
 * confirmed. Asking again replaces the secret (a lost QR code). Open to signed-in people who opt in too.
 */
export async function startTotpEnrolment(
  ctx: RequestContext,
  auth: RequestAuth,
): Promise<{ secret: string; uri: string }> {
  const { session } = requireStep(auth, ['enrolment'], { signedInToo: true });
  const user = await sessionUser(ctx, session);
  if (user.totpEnabledAt) throw conflict('totp_already_enabled');
  const secret = generateTotpSecret();
  await setPendingTotpSecret(ctx.db, user.id, await ctx.platform.keyring.encrypt(ctx.db, 'totp', secret));
  return { secret, uri: totpUri(secret, user.email) };
}

/** Ends enrolment with a code from the new secret: two-factor is on from now. */
export async function confirmTotpEnrolment(
  ctx: RequestContext,
  auth: RequestAuth,
  code: string,
  client: Client,
): Promise<SignInOutcome> {
  const { session } = requireStep(auth, ['enrolment'], { signedInToo: true });
  const now = new Date();
  const user = await sessionUser(ctx, session);
  if (user.totpEnabledAt) throw conflict('totp_already_enabled');
  if (!user.totpSecret) throw conflict('totp_enrolment_not_started');
  const { keys, step } = await matchCode(ctx, user, code, client, now);
  await ctx.db.transaction(async (tx) => {
    if (!(await acceptTotpStep(tx, user.id, step, now))) throw new AppError('totp_invalid');
    await clearAccountFailures(tx, keys);
    await appendAudit(tx, {
      type: 'account.two_factor_enabled',
      actor: { userId: user.id, organisationId: session.organisationId! },
      subject: `user:${user.id}`,
      details: { userId: user.id },
    });
  });
  return advance(ctx, session, user.id, now);
}

/**
 * A new password: after a one-time password (a sign-in step) or whenever a signed-in person wants one.
 * The person's other sessions end.
 */
export async function changePassword(
  ctx: RequestContext,
  auth: RequestAuth,
  input: z.infer<typeof ChangePasswordRequest>,
  client: Client,
): Promise<SignInOutcome> {
  const { session } = requireStep(auth, ['password_change'], { signedInToo: true });
  const { db, platform } = ctx;
  const now = new Date();
  const user = await sessionUser(ctx, session);
  const keys = await openThrottle(db, platform.keyring, user.email, client, now);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(db, keys, platform.config.loginMaxAttempts, now);
    throw fieldError('currentPassword', 'incorrect', 'The current password is not correct.');
  }
  if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
    throw fieldError('newPassword', 'unchanged', 'The new password must differ from the current one.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await clearAccountFailures(tx, keys);
    await setPassword(tx, user.id, passwordHash, { changeRequired: false });
    await endUserSessions(tx, user.id, session.id);
    await appendAudit(tx, {
      type: 'account.password_changed',
      actor: { userId: user.id, organisationId: session.organisationId! },
      subject: `user:${user.id}`,
      details: { userId: user.id },
    });
  });
  return advance(ctx, session, user.id, now);
}

function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('validation_failed', { errors: [{ field: `body.${field}`, code, message }] });
}

/** Moves the session on to whatever the account needs next, under a new token. */
async function advance(ctx: RequestContext, session: SessionRow, userId: string, now: Date): Promise<SignInOutcome> {
  const account = await loadAccount(ctx.db, (await findUserById(ctx.db, userId))!);
  const stage = nextStage(account.standing, true);
  const { token } = await advanceSession(ctx.db, session.id, stage, now);
  return { token, response: respond(ctx, account, { ...session, lastSeenAt: now }, stage) };
}

/** Ends the session, if there is one; signing out twice is not an error. */
export async function logout(ctx: RequestContext, auth: RequestAuth): Promise<void> {
  if (auth.state === 'pending' || auth.state === 'signed_in') await endSession(ctx.db, auth.session.id);
}

/** A single-use CSRF token for the next write of this session (signed in, or between sign-in steps). */
export async function issueCsrf(ctx: RequestContext, auth: RequestAuth): Promise<{ token: string }> {
  if (auth.state !== 'pending' && auth.state !== 'signed_in') throw signInRequired({ auth });
  return { token: await issueCsrfToken(ctx.db, auth.session.id) };
}
