import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { buildApp, type HomewardApp } from '../../app.ts';
import { createTestAccount, signIn, TestClient } from '../auth/test-support.ts';
import { routeTable } from './guard.ts';
import { PERMISSIONS } from './permissions.ts';

let env: TestEnvironment;
/** The real application plus four routes made for this test, one of them declaring no permission. */
let probe: HomewardApp;

beforeAll(async () => {
  env = await createTestEnvironment();
  probe = await buildApp(env.config, { database: env.database, logger: false });
  const ok = async () => ({ ok: true });
  probe.get('/api/v1/test/undeclared', ok);
  probe.get('/api/v1/test/public', { config: { permission: 'public' } }, ok);
  probe.get('/api/v1/test/signed-in', { config: { permission: 'authenticated' } }, ok);
  probe.post('/api/v1/test/agreements', { config: { permission: 'agreement:manage' } }, ok);
  await probe.ready();
});
afterAll(async () => {
  await probe.close();
  await env.close();
});

const undeclared = (app: HomewardApp) =>
  routeTable(app)
    .filter((route) => route.permission === undefined)
    .map((route) => `${route.method} ${route.url}`);

describe('the route table', () => {
  it('has a declared permission on every route of the application', () => {
    const routes = routeTable(env.app);
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/health', 'GET /api/v1/agreements', 'POST /api/v1/auth/login']),
    );
    expect(undeclared(env.app)).toEqual([]);
    const known = new Set<string>(['public', 'authenticated', ...Object.keys(PERMISSIONS)]);
    for (const route of routes) expect(known.has(String(route.permission)), `${route.method} ${route.url}`).toBe(true);
  });

  it('catches a route without a permission', () => {
    expect(undeclared(probe)).toEqual(['GET /api/v1/test/undeclared', 'HEAD /api/v1/test/undeclared']);
  });
});

describe('the permission guard', () => {
  const get = (client: TestClient, url: string) => client.request({ method: 'GET', url });
  const problem = (response: { statusCode: number; json: () => { code: string } }) =>
    `${response.statusCode} ${response.json().code}`;

  it('lets everyone through public routes and answers unknown addresses with 404', async () => {
    const anonymous = new TestClient(probe);
    expect((await get(anonymous, '/api/v1/test/public')).statusCode).toBe(200);
    expect(problem(await get(anonymous, '/api/v1/test/nowhere'))).toBe('404 not_found');
  });

  it('denies a route that declares no permission, even to an administrator', async () => {
    const admin = await signIn(probe, await createTestAccount(probe, { roles: ['administrator'] }));
    const response = await get(admin, '/api/v1/test/undeclared');
    expect(problem(response)).toBe('403 forbidden');
    expect(response.json().reason).toBe('route_without_permission');
    expect(problem(await get(new TestClient(probe), '/api/v1/test/undeclared'))).toBe('403 forbidden');
  });

  it('asks for sign-in on non-public routes, and says when the session has expired', async () => {
    const anonymous = new TestClient(probe);
    expect(problem(await get(anonymous, '/api/v1/test/signed-in'))).toBe('401 unauthenticated');
    expect(problem(await anonymous.request({ method: 'POST', url: '/api/v1/test/agreements' }))).toBe(
      '401 unauthenticated',
    );
    const stale = new TestClient(probe, 'not-a-session');
    expect(problem(await get(stale, '/api/v1/test/signed-in'))).toBe('401 session_expired');
  });

  it('checks the permission of the active organisation roles', async () => {
    const monitor = await signIn(probe, await createTestAccount(probe, { roles: ['field_monitor'] }));
    expect((await get(monitor, '/api/v1/test/signed-in')).statusCode).toBe(200);
    expect(problem(await monitor.request({ method: 'POST', url: '/api/v1/test/agreements' }))).toBe('403 forbidden');
    const admin = await signIn(probe, await createTestAccount(probe, { roles: ['administrator'] }));
    expect((await admin.request({ method: 'POST', url: '/api/v1/test/agreements' })).statusCode).toBe(200);
  });
});
