import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { buildApp, type HomewardApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createUser } from '../accounts/provisioning.ts';
import { createTestAccount, createTestOrganisation, signIn } from '../auth/test-support.ts';
import type { DatabaseHandle } from '../db/client.ts';

let app: HomewardApp;
let database: DatabaseHandle;
let dataDir: string;
const lines: string[] = [];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  const config = loadConfig({ HOMEWARD_LOG_LEVEL: 'info' }, { dataDir, masterKey: TEST_MASTER_KEY });
  app = await buildApp(config, { database, logStream: { write: (line) => void lines.push(line) } });
  app.get('/api/v1/public/anonymous-probe', { config: { permission: 'public', anonymous: true } }, async () => ({
    ok: true,
  }));
  app.get('/api/v1/public/failing-probe', { config: { permission: 'public' } }, async () => {
    throw new Error('database detail that must stay inside');
  });
  // A new account whose display name the database refuses (a NUL that validation would have caught).
  app.post('/api/v1/public/failing-insert', { config: { permission: 'public', csrf: false } }, async (request) => {
    const { organisationId } = request.body as { organisationId: string };
    await createUser(
      app.platform.database.db,
      app.platform.keyring,
      {
        email: 'amira.haddad@example.org',
        displayName: 'Amira Haddad\u0000',
        password: 'a password nobody may read',
        memberships: [{ organisationId, role: 'field_monitor' }],
      },
      null,
    );
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('request logs', () => {
  it('hold neither the email, the password nor the body of a sign-in, and no cookie', async () => {
    const account = await createTestAccount(app, { roles: ['field_monitor'] });
    lines.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/auth/login?email=${encodeURIComponent(account.email)}`,
      payload: { email: account.email, password: 'wrong password, long enough' },
      headers: { cookie: 'homeward_session=not-a-real-session' },
    });
    expect(response.statusCode).toBe(401);
    const text = lines.join('');
    expect(text).toContain('"route":"/api/v1/auth/login"');
    expect(text).not.toContain(account.email);
    expect(text).not.toContain(account.email.split('@')[0]);
    expect(text).not.toContain('wrong password');
    expect(text).not.toContain('not-a-real-session');
  });

  it('record the address of signed-in staff on staff routes, and never on public or sign-in routes', async () => {
    const account = await createTestAccount(app, { roles: ['field_monitor'] });
    const client = await signIn(app, account);
    lines.length = 0;
    const staff = await client.request({ method: 'GET', url: '/api/v1/me', remoteAddress: '203.0.113.5' });
    expect(staff.statusCode).toBe(200);
    const anonymous = [
      { method: 'GET', url: '/api/v1/health' },
      { method: 'GET', url: '/api/v1/public/anonymous-probe' },
      { method: 'GET', url: '/api/v1/public/zones' },
      { method: 'GET', url: '/api/v1/public/checkpoint' },
      { method: 'GET', url: '/api/v1/me' },
      { method: 'GET', url: '/api/v1/nowhere' },
      { method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: 'not the password!' } },
    ] as const;
    for (const request of anonymous) await app.inject({ ...request, remoteAddress: '203.0.113.9' });
    // A signed-in person on public routes and sign-in steps leaves no address either.
    await client.request({ method: 'GET', url: '/api/v1/public/zones', remoteAddress: '203.0.113.9' });
    await client.request({ method: 'GET', url: '/api/v1/auth/csrf', remoteAddress: '203.0.113.9' });
    const requests = logged().filter((entry) => entry.msg === 'request');
    expect(requests).toHaveLength(anonymous.length + 3);
    expect(requests[0]).toMatchObject({ route: '/api/v1/me', ip: '203.0.113.5' });
    for (const entry of requests.slice(1)) expect(entry).not.toHaveProperty('ip');
    expect(lines.join('')).not.toContain('203.0.113.9');
  });

  it('hold a failed query’s text and error code but none of its parameters', async () => {
    const organisation = await createTestOrganisation(app);
    lines.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/public/failing-insert',
      payload: { organisationId: organisation.id },
    });
    expect(response.statusCode).toBe(500);
    const text = lines.join('');
    expect(text).toContain('insert into');
    expect(text).toMatch(/"sqlState":"[0-9A-Z]{5}"/);
    for (const secret of ['amira', 'Amira Haddad', '$argon2id', 'example.org']) expect(text).not.toContain(secret);
    expect(text).not.toContain('params');
  });

  it('hide the internals of a failure from the caller but give the request id to both', async () => {
    lines.length = 0;
    const response = await app.inject({ method: 'GET', url: '/api/v1/public/failing-probe' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('database detail');
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
    expect(lines.join('')).toContain(String(response.headers['x-request-id']));
  });
});
