import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import { type OrganisationKind, ROLES_REQUIRING_TOTP, type Role } from '../../../shared/vocabulary.ts';
import type { HomewardApp } from '../../app.ts';
import type { OrganisationRow } from '../accounts/directory.ts';
import { createOrganisation, createUser } from '../accounts/provisioning.ts';
import { SESSION_COOKIE } from './cookie.ts';
import { generateTotpSecret, totpCode } from './totp.ts';

/**
 * Test factories and a cookie-keeping client for integration tests of any module: make an organisation and
 * an account, sign in through the real routes, then send requests that carry the session cookie and a fresh
 * CSRF token on every write.
 */

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createTestOrganisation(
  app: HomewardApp,
  overrides: Partial<{ name: string; kind: OrganisationKind; homeState: string }> = {},
): Promise<OrganisationRow> {
  return createOrganisation(
    app.platform.database.db,
    { name: `Organisation ${randomUUID().slice(0, 8)}`, kind: 'monitoring_centre', homeState: 'QM', ...overrides },
    null,
  );
}

export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  /** Base32 TOTP secret when two-factor is enrolled. */
  totpSecret: string | null;
  organisationId: string;
}

export interface TestAccountOptions {
  /** Roles in the organisation (default: administrator). */
  roles?: Role[];
  /** Default: a new monitoring centre. */
  organisationId?: string;
  email?: string;
  /** Default: TEST_PASSWORD. `null` generates a one-time password (which must then be changed). */
  password?: string | null;
  /** Enrol two-factor at creation. Default: when a role requires it. */
  totp?: boolean;
}

export async function createTestAccount(app: HomewardApp, options: TestAccountOptions = {}): Promise<TestAccount> {
  const roles = options.roles ?? ['administrator'];
  const organisationId = options.organisationId ?? (await createTestOrganisation(app)).id;
  const enrol = options.totp ?? roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
  const totpSecret = enrol ? generateTotpSecret() : null;
  const email = options.email ?? `person-${randomUUID().slice(0, 8)}@test.homeward.example`;
  const created = await createUser(
    app.platform.database.db,
    app.platform.keyring,
    {
      email,
      displayName: 'Test Person',
      password: options.password === null ? undefined : (options.password ?? TEST_PASSWORD),
      memberships: roles.map((role) => ({ organisationId, role })),
      totpSecret: totpSecret ?? undefined,
    },
    null,
  );
  return {
    userId: created.user.id,
    email,
    password: created.oneTimePassword ?? options.password ?? TEST_PASSWORD,
    totpSecret,
    organisationId,
  };
}

/** A browser, as far as the API sees one: it keeps the session cookie and fetches a CSRF token per write. */
export class TestClient {
  cookie: string | undefined;
  readonly app: HomewardApp;

  constructor(app: HomewardApp, cookie?: string) {
    this.app = app;
    this.cookie = cookie;
  }

  /** Sends a request with the session cookie; writes get a fresh CSRF token unless `csrf` says otherwise. */
  async request(options: InjectOptions & { csrf?: false | string }): Promise<Response> {
    const { csrf, ...inject } = options;
    const method = String(inject.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(inject.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (csrf !== false && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && this.cookie) {
      headers['x-csrf-token'] = csrf ?? (await this.csrfToken());
    }
    const response = await this.app.inject({ ...inject, headers });
    const set = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    if (set) this.cookie = set.value === '' ? undefined : set.value;
    return response;
  }

  async csrfToken(): Promise<string> {
    const response = await this.request({ method: 'GET', url: '/api/v1/auth/csrf' });
    if (response.statusCode !== 200) throw new Error(`no CSRF token: ${response.statusCode} ${response.body}`);
    return response.json<{ token: string }>().token;
  }
}

/**
 * Signs an account in through the real routes (password, then the TOTP code when enrolled) and answers the
 * client. The TOTP code of the next time step is tried when this step's code was used already.
 */
export async function signIn(app: HomewardApp, account: Pick<TestAccount, 'email' | 'password' | 'totpSecret'>) {
  const client = new TestClient(app);
  const login = await client.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password: account.password },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
  if (login.json().status !== 'totp_required' || !account.totpSecret) return client;
  for (const offset of [0, 30_000]) {
    const code = totpCode(account.totpSecret, Date.now() + offset);
    const step = await client.request({ method: 'POST', url: '/api/v1/auth/login/totp', payload: { code } });
    if (step.statusCode === 200) return client;
  }
  throw new Error('sign-in failed at the TOTP step');
}
