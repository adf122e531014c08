import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { createTestZones } from '../../zones/test-support.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../auth/test-support.ts';

let env: TestEnvironment;
let admin: TestClient;
let monitor: TestClient;
let verifier: TestClient;
let centreId: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  const monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  centreId = centre.id;
  admin = await signIn(env.app, await createTestAccount(env.app, { organisationId: centre.id }));
  monitor = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: centre.id }),
  );
  verifier = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['verifier'], organisationId: monitors.id }),
  );
});
afterAll(() => env.close());

const observation = (method: string) => ({
  pcode: 'QM0101',
  indicator: 'mines_uxo_on_routes',
  period: '2026-10',
  value: 3,
  source: 'monitoring_visit',
  method,
});

/** A 400 validation problem naming exactly the fields given. */
function expectNulRefused(
  response: { statusCode: number; json(): unknown; headers: Record<string, unknown> },
  fields: string[],
) {
  expect(response.statusCode).toBe(400);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const problem = response.json() as { code: string; errors: { field: string; code: string }[] };
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors.map((error) => error.field).sort()).toEqual(fields.sort());
  for (const error of problem.errors) expect(error.code).toBe('nul_character');
}

describe('a NUL character in any text', () => {
  it('is refused with 400 naming the field in organisation and user names, writing nothing', async () => {
    expectNulRefused(
      await admin.request({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { name: 'Relief\u0000Fund', kind: 'donor', homeState: 'QM' },
      }),
      ['body.name'],
    );
    expectNulRefused(
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${centreId}`,
        payload: { name: 'Centre\u0000' },
      }),
      ['body.name'],
    );
    expectNulRefused(
      await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          email: 'nul.person@test.homeward.example',
          displayName: 'Nul\u0000Person',
          memberships: [{ organisationId: centreId, role: 'donor' }],
        },
      }),
      ['body.displayName'],
    );
    const users = await admin.request({ method: 'GET', url: '/api/v1/users' });
    expect(users.body).not.toContain('nul.person');
  });

  it('is refused in observation methods, verification reasons and batch items', async () => {
    expectNulRefused(
      await monitor.request({ method: 'POST', url: '/api/v1/observations', payload: observation('Route\u0000survey') }),
      ['body.method'],
    );
    expectNulRefused(
      await monitor.request({
        method: 'POST',
        url: '/api/v1/observations/batch',
        payload: { observations: [observation('fine'), observation('\u0000')] },
      }),
      ['body.observations.1.method'],
    );
    const created = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation('Survey'),
    });
    expect(created.statusCode).toBe(201);
    expectNulRefused(
      await verifier.request({
        method: 'POST',
        url: `/api/v1/observations/${created.json().id}/verification`,
        payload: { decision: 'reject', reason: 'Not\u0000 credible' },
      }),
      ['body.reason'],
    );
  });

  it('is refused in search and filter parameters, path parameters and JSON keys', async () => {
    expectNulRefused(await monitor.request({ method: 'GET', url: '/api/v1/zones?q=Al%00der' }), ['query.q']);
    expectNulRefused(await monitor.request({ method: 'GET', url: '/api/v1/zones?q=a&parent=QM%00' }), ['query.parent']);
    expectNulRefused(await monitor.request({ method: 'GET', url: '/api/v1/observations/%00' }), ['params.id']);
    expectNulRefused(await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM%000101' }), ['params.pcode']);
    expectNulRefused(
      await monitor.request({
        method: 'POST',
        url: '/api/v1/observations',
        payload: { ...observation('x'), 'a\u0000': 1 },
      }),
      ['body'],
    );
  });
});

describe('a date in the year 0000, which the ISO formats allow and the database’s calendar does not have', () => {
  it('is refused with 400 naming the field, in days, months and times', async () => {
    for (const [client, url, field] of [
      [monitor, '/api/v1/cases/arrivals?to=0000-02-29', 'querystring.to'],
      [admin, '/api/v1/audit/entries?from=0000-01-01T00:00:00Z', 'querystring.from'],
    ] as const) {
      const response = await client.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      const problem = response.json() as { errors: { field: string; message: string }[] };
      expect(problem.errors, url).toEqual([
        expect.objectContaining({ field, message: expect.stringContaining('1000') }),
      ]);
    }
    const month = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: { ...observation('visit'), period: '0000-01' },
    });
    expect(month.statusCode).toBe(400);
    expect(month.json()).toMatchObject({ errors: [{ field: 'body.period' }] });
  });
});
