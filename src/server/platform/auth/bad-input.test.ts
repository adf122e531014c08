import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { organisations, users } from '../accounts/schema.ts';
import { loginFailures, sessions } from './schema.ts';
import { createTestAccount, signIn, TestClient } from './test-support.ts';
import { totpCode } from './totp.ts';

const MAX_ATTEMPTS = 3;
let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ loginMaxAttempts: MAX_ATTEMPTS, bodyLimitBytes: 16_384 });
});
afterAll(() => env.close());
afterEach(() => {
  vi.useRealTimers();
});

const sessionCount = async () => (await env.database.db.select({ n: count() }).from(sessions))[0]!.n;
const organisationCount = async () => (await env.database.db.select({ n: count() }).from(organisations))[0]!.n;

/** Every refusal is a problem+json 4xx with a stable code, never a 5xx. */
function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status, code });
}

/** A remote address per test, so that the address counter of one test does not block another. */
let addresses = 0;
const nextAddress = () => `10.1.${Math.floor(++addresses / 250)}.${addresses % 250}`;

function attempt(email: string, password: string, remoteAddress = '10.0.0.1') {
  return env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });
}

describe('bad sign-in input', () => {
  it('refuses malformed JSON, wrong types, unknown fields and non-JSON bodies, creating no session', async () => {
    const before = await sessionCount();
    const post = (payload: string, contentType = 'application/json') =>
      env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': contentType } });

    expectProblem(await post('{"email": "a@b.example", "password": '), 400, 'malformed_json');
    const wrongTypes = await post(JSON.stringify({ email: 42, password: true }));
    expectProblem(wrongTypes, 400, 'validation_failed');
    expect(wrongTypes.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.email', 'body.password']),
    );
    const unknown = await post(JSON.stringify({ email: 'a@b.example', password: 'long enough pw', admin: true }));
    expectProblem(unknown, 400, 'validation_failed');
    expectProblem(
      await post('email=a%40b.example&password=x', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    );
    expectProblem(await post('{"email":"a@b.example","password":"x"}', 'text/plain'), 415, 'unsupported_media_type');
    expectProblem(
      await post(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(20_000) })),
      413,
      'payload_too_large',
    );
    expect(await sessionCount()).toBe(before);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const address = nextAddress();
    const unknown = await attempt('nobody@test.homeward.example', 'some password', address);
    const wrong = await attempt(account.email, 'not the password', address);
    expectProblem(unknown, 401, 'invalid_credentials');
    expectProblem(wrong, 401, 'invalid_credentials');
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
  });

  it('backs off after the allowed failures with 429 and Retry-After, even for the right password', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    for (let i = 0; i < MAX_ATTEMPTS; i++)
      expectProblem(await attempt(account.email, 'wrong password', nextAddress()), 401, 'invalid_credentials');
    const blocked = await attempt(account.email, account.password, nextAddress());
    expectProblem(blocked, 429, 'rate_limited');
    const seconds = Number(blocked.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(29);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(blocked.json().detail).toContain(String(seconds));

    // Once the wait is over, the right password signs in and the account's counter starts again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 31_000);
    const after = await attempt(account.email, account.password, nextAddress());
    expect(after.statusCode).toBe(200);
    vi.useRealTimers();
    expectProblem(await attempt(account.email, 'wrong again', nextAddress()), 401, 'invalid_credentials');
  });

  it('doubles the wait with each further failure', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < MAX_ATTEMPTS; i++) await attempt(account.email, 'wrong password', nextAddress());
    vi.setSystemTime(Date.now() + 31_000);
    await attempt(account.email, 'wrong password', nextAddress());
    const blocked = await attempt(account.email, 'wrong password', nextAddress());
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('counts failures per client address across accounts, and unknown emails too', async () => {
    const address = nextAddress();
    const allowance = MAX_ATTEMPTS * 4;
    for (let i = 0; i < allowance; i++) {
      expectProblem(await attempt(`stranger-${i}@test.homeward.example`, 'guess', address), 401, 'invalid_credentials');
    }
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    expectProblem(await attempt(account.email, account.password, address), 429, 'rate_limited');
    expect((await attempt(account.email, account.password, nextAddress())).statusCode).toBe(200);
  });

  it('stores neither email addresses nor IP addresses in the failure counters', async () => {
    await attempt('who-am-i@test.homeward.example', 'wrong', '203.0.113.77');
    const rows = await env.database.db.select().from(loginFailures);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('who-am-i');
    expect(stored).not.toContain('203.0.113.77');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses deactivated accounts with the same answer as a wrong password', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    await env.database.db.update(users).set({ active: false }).where(eq(users.id, account.userId));
    expectProblem(await attempt(account.email, account.password, nextAddress()), 401, 'invalid_credentials');
    expectProblem(await client.request({ method: 'GET', url: '/api/v1/me' }), 401, 'session_expired');
  });
});

describe('bad sessions', () => {
  it('answers no cookie with unauthenticated, and a bad or unknown cookie with session_expired', async () => {
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/v1/me' }), 401, 'unauthenticated');
    for (const cookie of [
      'homeward_session=garbage',
      'homeward_session=%E0%A4%A',
      `homeward_session=${'A'.repeat(43)}`,
      `homeward_session=${'x'.repeat(5000)}`,
      'homeward_session=',
    ]) {
      const response = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expectProblem(response, 401, 'session_expired');
      expect(response.cookies.find((c) => c.name === 'homeward_session')?.value).toBe('');
    }
  });

  it('ends a session left idle longer than the idle limit', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    const minutes = env.config.sessionIdleMinutes;
    await env.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (minutes * 60 + 5) * 1000) })
      .where(eq(sessions.userId, account.userId));
    expectProblem(await client.request({ method: 'GET', url: '/api/v1/me' }), 401, 'session_expired');
    expect(await env.database.db.select().from(sessions).where(eq(sessions.userId, account.userId))).toEqual([]);
  });

  it('removes sessions nobody came back to when someone signs in', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    await signIn(env.app, account);
    await env.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (env.config.sessionIdleMinutes * 60 + 5) * 1000) })
      .where(eq(sessions.userId, account.userId));
    await signIn(env.app, await createTestAccount(env.app, { roles: ['donor'] }));
    expect(await env.database.db.select().from(sessions).where(eq(sessions.userId, account.userId))).toEqual([]);
  });

  it('ends an active session at its absolute limit', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    await env.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - (env.config.sessionAbsoluteHours * 3600 + 5) * 1000) })
      .where(eq(sessions.userId, account.userId));
    expectProblem(await client.request({ method: 'GET', url: '/api/v1/me' }), 401, 'session_expired');
  });

  it('keeps a session alive while it is used, and ends it when the clock passes the idle limit', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    vi.useFakeTimers({ toFake: ['Date'] });
    const idle = env.config.sessionIdleMinutes * 60_000;
    vi.setSystemTime(Date.now() + idle - 60_000);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + idle - 60_000);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + idle + 1000);
    expectProblem(await client.request({ method: 'GET', url: '/api/v1/me' }), 401, 'session_expired');
  });
});

describe('bad TOTP codes', () => {
  async function halfSignedIn() {
    const account = await createTestAccount(env.app, { roles: ['protection_officer'] });
    const client = new TestClient(env.app);
    await client.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
      remoteAddress: nextAddress(),
    });
    return { account, client };
  }

  it('refuses a wrong code and lets the person try again', async () => {
    const { account, client } = await halfSignedIn();
    const wrong = await client.request({
      method: 'POST',
      url: '/api/v1/auth/login/totp',
      payload: { code: totpCode(account.totpSecret!, Date.now() - 300_000) },
    });
    expectProblem(wrong, 401, 'totp_invalid');
    const malformed = await client.request({
      method: 'POST',
      url: '/api/v1/auth/login/totp',
      payload: { code: '12ab56' },
    });
    expectProblem(malformed, 400, 'validation_failed');
    const right = await client.request({
      method: 'POST',
      url: '/api/v1/auth/login/totp',
      payload: { code: totpCode(account.totpSecret!) },
    });
    expect(right.json().status).toBe('signed_in');
  });

  it('refuses a code that was already used (replay)', async () => {
    const { account, client } = await halfSignedIn();
    const code = totpCode(account.totpSecret!);
    expect(
      (await client.request({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { code } })).statusCode,
    ).toBe(200);

    const thief = new TestClient(env.app);
    await thief.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
    });
    const replay = await thief.request({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { code } });
    expectProblem(replay, 401, 'totp_invalid');
    expectProblem(await thief.request({ method: 'GET', url: '/api/v1/me' }), 401, 'totp_required');
  });

  it('backs off when codes are guessed', async () => {
    const { account, client } = await halfSignedIn();
    const stale = totpCode(account.totpSecret!, Date.now() - 300_000);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await client.request({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { code: stale } });
    }
    const blocked = await client.request({
      method: 'POST',
      url: '/api/v1/auth/login/totp',
      payload: { code: totpCode(account.totpSecret!) },
    });
    expectProblem(blocked, 429, 'rate_limited');
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('refuses the TOTP step without a half-done sign-in', async () => {
    const payload = { code: '123456' };
    expectProblem(
      await env.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', payload }),
      401,
      'unauthenticated',
    );
  });
});

describe('CSRF protection', () => {
  const create = (client: TestClient, csrf: false | string | undefined, name: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name, kind: 'donor', homeState: 'QO' },
      ...(csrf === undefined ? {} : { csrf }),
    });

  it('refuses a write with no token, a wrong token, another session’s token or a used token, writing nothing', async () => {
    const admin = await createTestAccount(env.app, { roles: ['administrator'] });
    const client = await signIn(env.app, admin);
    const other = await signIn(env.app, await createTestAccount(env.app, { roles: ['donor'] }));
    const before = await organisationCount();

    expectProblem(await create(client, false, 'No Token Fund'), 403, 'csrf_failed');
    expectProblem(await create(client, 'A'.repeat(43), 'Wrong Token Fund'), 403, 'csrf_failed');
    expectProblem(await create(client, 'not even a token', 'Odd Token Fund'), 403, 'csrf_failed');

    expectProblem(await create(client, await other.csrfToken(), 'Borrowed Token Fund'), 403, 'csrf_failed');
    expect(await organisationCount()).toBe(before);

    const token = await client.csrfToken();
    expect((await create(client, token, 'First Submission Fund')).statusCode).toBe(201);
    expectProblem(await create(client, token, 'Second Submission Fund'), 403, 'csrf_failed');
    expect(await organisationCount()).toBe(before + 1);
  });

  it('lets only one of two simultaneous submissions with the same token through', async () => {
    const admin = await createTestAccount(env.app, { roles: ['administrator'] });
    const client = await signIn(env.app, admin);
    const token = await client.csrfToken();
    const before = await organisationCount();
    const results = await Promise.all([create(client, token, 'Twin Fund A'), create(client, token, 'Twin Fund B')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 403]);
    expect(await organisationCount()).toBe(before + 1);
  });

  it('hands out tokens only to sessions', async () => {
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/v1/auth/csrf' }), 401, 'unauthenticated');
    const expired = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/csrf',
      headers: { cookie: `homeward_session=${'B'.repeat(43)}` },
    });
    expectProblem(expired, 401, 'session_expired');
  });
});
