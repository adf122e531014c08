import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { gatewayRoutingRules } from './tables.ts';

/** Managing the routing rules: checked organisation, zone and state; audited; used at once by new submissions. */
let env: TestEnvironment;
let coordinator: TestClient;
let worker: TestClient;
let agency: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = (await createTestOrganisation(env.app)).id;
  agency = (await createTestOrganisation(env.app, { kind: 'un_agency', name: 'Protection Agency' })).id;
  coordinator = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['coordinator'], organisationId: centre }),
  );
  worker = await signIn(env.app, await createTestAccount(env.app, { roles: ['case_worker'], organisationId: centre }));
});
afterAll(() => env.close());

const create = (client: TestClient, payload: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/gateway/routing-rules', payload });

describe('routing rules', () => {
  it('adds a rule that new submissions follow, and lists it with its organisation’s name', async () => {
    const before = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/submissions',
      payload: { kind: 'concern', disclosure: 'anonymous', text: 'Hello', language: 'en', pcode: 'QM0101' },
      remoteAddress: '10.8.0.1',
    });
    expect(before.statusCode).toBe(409);
    const created = await create(coordinator, { organisationId: agency, pcode: 'QM01', sensitive: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ organisationName: 'Protection Agency', pcode: 'QM01', kind: null });
    const after = await env.app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/submissions',
      payload: { kind: 'concern', disclosure: 'anonymous', text: 'Hello', language: 'en', pcode: 'QM0101' },
      remoteAddress: '10.8.0.1',
    });
    expect(after.statusCode).toBe(201);
    const rules = (await coordinator.request({ method: 'GET', url: '/api/v1/gateway/routing-rules' })).json();
    expect(rules).toEqual([expect.objectContaining({ id: created.json().id, sensitive: true })]);
  });

  it('refuses an unknown organisation, zone or state, naming each field, and writes nothing', async () => {
    const before = (await env.database.db.select().from(gatewayRoutingRules)).length;
    const response = await create(coordinator, {
      organisationId: '00000000-0000-4000-8000-000000000000',
      pcode: 'QM9999',
      stateCode: 'QZ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
      ['body.organisationId', 'unknown_organisation'],
      ['body.pcode', 'unknown_zone'],
      ['body.stateCode', 'unknown_state'],
    ]);
    expect((await env.database.db.select().from(gatewayRoutingRules)).length).toBe(before);
  });

  it('removes a rule, audits both changes, and is closed to other roles', async () => {
    const { id } = (await create(coordinator, { organisationId: agency, kind: 'appeal', stateCode: 'QM' })).json();
    expect((await worker.request({ method: 'DELETE', url: `/api/v1/gateway/routing-rules/${id}` })).statusCode).toBe(
      403,
    );
    expect((await create(worker, { organisationId: agency })).statusCode).toBe(403);
    const removed = await coordinator.request({ method: 'DELETE', url: `/api/v1/gateway/routing-rules/${id}` });
    expect(removed.statusCode).toBe(204);
    const again = await coordinator.request({ method: 'DELETE', url: `/api/v1/gateway/routing-rules/${id}` });
    expect(again.statusCode).toBe(404);
    const changes = await env.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.eventType, 'gateway.routing_rule_changed'));
    expect(changes.length).toBe(3);
  });
});
