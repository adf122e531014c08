import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { memberships, users } from '../accounts/schema.ts';
import { sessions } from './schema.ts';
import { createTestAccount, createTestOrganisation, signIn, TestClient } from './test-support.ts';
import { totpCode } from './totp.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(() => env.close());

const login = (client: TestClient, email: string, password: string) =>
  client.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('signing in', () => {
  it('signs a person without two-factor in at once, behind an HttpOnly SameSite=Strict cookie', async () => {
    const account = await createTestAccount(env.app, { roles: ['field_monitor'] });
    const client = new TestClient(env.app);
    const response = await login(client, account.email, account.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'signed_in', me: { user: { email: account.email } } });
    const cookie = response.cookies.find((c) => c.name === 'homeward_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeUndefined();
    expect(cookie.maxAge).toBeUndefined();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const me = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['field_monitor']);
  });

  it('stores only a hash of the session token', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    const rows = await env.database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(client.cookie!);
    expect(JSON.stringify(rows)).not.toContain(client.cookie!);
  });

  it('takes a TOTP code as the second step; the half session can do nothing else', async () => {
    const account = await createTestAccount(env.app, { roles: ['administrator'] });
    const client = new TestClient(env.app);
    const first = await login(client, account.email, account.password);
    expect(first.json()).toEqual({ status: 'totp_required' });
    const halfCookie = client.cookie;

    const me = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('totp_required');
    const users = await client.request({ method: 'GET', url: '/api/v1/users' });
    expect(users.statusCode).toBe(401);

    const second = await client.request({
      method: 'POST',
      url: '/api/v1/auth/login/totp',
      payload: { code: totpCode(account.totpSecret!) },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'signed_in', me: { roles: ['administrator'] } });
    // A new token once the second step is done: the half session's token is worth nothing now.
    expect(client.cookie).not.toBe(halfCookie);
    const stale = await new TestClient(env.app, halfCookie).request({ method: 'GET', url: '/api/v1/me' });
    expect(stale.statusCode).toBe(401);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });

  it('enrols two-factor at first sign-in when a role requires it', async () => {
    const account = await createTestAccount(env.app, { roles: ['case_worker'], totp: false });
    const client = new TestClient(env.app);
    expect((await login(client, account.email, account.password)).json()).toEqual({
      status: 'totp_enrolment_required',
    });
    const me = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('totp_enrolment_required');

    const enrol = await client.request({ method: 'POST', url: '/api/v1/auth/totp/enrol' });
    expect(enrol.statusCode).toBe(200);
    const { secret, uri } = enrol.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    const [row] = await env.database.db.select().from(users).where(eq(users.id, account.userId));
    expect(row!.totpSecret).not.toContain(secret);
    expect(row!.totpEnabledAt).toBeNull();

    const wrong = await client.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: totpCode(secret, Date.now() - 120_000) },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('totp_invalid');

    const confirm = await client.request({
      method: 'POST',
      url: '/api/v1/auth/totp/confirm',
      payload: { code: totpCode(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toMatchObject({ status: 'signed_in', me: { twoFactor: { enabled: true, required: true } } });

    // From now on the code is asked for at every sign-in.
    const again = new TestClient(env.app);
    expect((await login(again, account.email, account.password)).json()).toEqual({ status: 'totp_required' });
  });

  it('makes a person who got a one-time password choose their own before anything else', async () => {
    const account = await createTestAccount(env.app, { roles: ['verifier'], password: null });
    const client = new TestClient(env.app);
    expect((await login(client, account.email, account.password)).json()).toEqual({
      status: 'password_change_required',
    });
    const me = await client.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('forbidden');

    const same = await client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: account.password, newPassword: account.password },
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('body.newPassword');

    const changed = await client.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: account.password, newPassword: 'my own long passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().status).toBe('signed_in');
    expect((await login(new TestClient(env.app), account.email, account.password)).statusCode).toBe(401);
    expect((await login(new TestClient(env.app), account.email, 'my own long passphrase')).json().status).toBe(
      'signed_in',
    );
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const client = await signIn(env.app, account);
    const cookie = client.cookie;
    const out = await client.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'homeward_session')?.value).toBe('');
    const after = await new TestClient(env.app, cookie).request({ method: 'GET', url: '/api/v1/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
    const rows = await env.database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
    expect(rows).toEqual([]);
  });
});

describe('me and the organisation switcher', () => {
  it('tells who the person is, where they act, their memberships, permissions and session end', async () => {
    const centre = await createTestOrganisation(env.app, { name: 'Alpha Monitoring Centre' });
    const account = await createTestAccount(env.app, {
      roles: ['administrator', 'auditor'],
      organisationId: centre.id,
    });
    const client = await signIn(env.app, account);
    const me = (await client.request({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me.user).toEqual({ id: account.userId, email: account.email, displayName: 'Test Person' });
    expect(me.organisation).toEqual({ id: centre.id, name: centre.name, kind: 'monitoring_centre', homeState: 'QM' });
    expect(me.roles).toEqual(['administrator', 'auditor']);
    expect(me.permissions).toEqual(expect.arrayContaining(['user:manage', 'audit:details']));
    expect(me.memberships).toEqual([{ organisation: me.organisation, roles: ['administrator', 'auditor'] }]);
    expect(me.twoFactor).toEqual({ enabled: true, required: true });
    expect(Date.parse(me.session.idleExpiresAt)).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(Date.parse(me.session.absoluteExpiresAt)).toBeGreaterThan(Date.now() + 11 * 3_600_000);
    expect(JSON.stringify(me)).not.toMatch(/password|secret/i);
  });

  it('switches the active organisation among the person’s memberships, and only those', async () => {
    const first = await createTestOrganisation(env.app, { name: 'Aardvark Agency', kind: 'state_agency' });
    const second = await createTestOrganisation(env.app, { name: 'Zebra Watch', kind: 'civil_society' });
    const outsider = await createTestOrganisation(env.app);
    const account = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: first.id });
    await env.database.db
      .insert(memberships)
      .values({ userId: account.userId, organisationId: second.id, role: 'civil_society_watchdog' });
    const client = await signIn(env.app, account);
    const before = (await client.request({ method: 'GET', url: '/api/v1/me' })).json();
    expect(before.organisation.id).toBe(first.id);
    expect(before.memberships.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual([
      'Aardvark Agency',
      'Zebra Watch',
    ]);

    const switched = await client.request({
      method: 'POST',
      url: '/api/v1/me/organisation',
      payload: { organisationId: second.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ organisation: { id: second.id }, roles: ['civil_society_watchdog'] });
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).json().organisation.id).toBe(second.id);

    const refused = await client.request({
      method: 'POST',
      url: '/api/v1/me/organisation',
      payload: { organisationId: outsider.id },
    });
    expect(refused.statusCode).toBe(404);
    expect((await client.request({ method: 'GET', url: '/api/v1/me' })).json().organisation.id).toBe(second.id);
  });
});
