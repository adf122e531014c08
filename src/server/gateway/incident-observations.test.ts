import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { gatewayIncidents } from './tables.ts';

/**
 * The zones feed: a verified or corroborated incident is entered, by its organisation, as an observation of its
 * zone's safety indicator through the zones module, waits for a zones verifier of another organisation, and
 * counts only once confirmed.
 */
let env: TestEnvironment;
let monitor: TestClient;
let officer: TestClient;
let verifier: TestClient;
let zonesVerifier: TestClient;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = (await createTestOrganisation(env.app)).id;
  const other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  monitor = await account(centre, 'field_monitor');
  officer = await account(centre, 'protection_officer');
  verifier = await account(centre, 'verifier');
  zonesVerifier = await account(other, 'verifier');
});
afterAll(() => env.close());

async function verifiedIncident(overrides: Record<string, unknown> = {}, verification = 'verified'): Promise<string> {
  const recorded = await monitor.request({
    method: 'POST',
    url: '/api/v1/gateway/incidents',
    payload: {
      type: 'arbitrary_detention',
      occurredOn: '2026-11-04',
      pcode: 'QM0101',
      perpetratorCategory: 'state_security_forces',
      affected: { men: 3 },
      narrative: 'Three returnees held overnight without charge',
      source: 'monitoring_visit',
      ...overrides,
    },
  });
  expect(recorded.statusCode, recorded.body).toBe(201);
  const id = recorded.json().id;
  if (verification !== 'unverified') {
    const verified = await verifier.request({
      method: 'POST',
      url: `/api/v1/gateway/incidents/${id}/verify`,
      payload: { verification, note: 'Confirmed by the detention log' },
    });
    expect(verified.statusCode, verified.body).toBe(200);
  }
  return id;
}
const enter = (client: TestClient, id: string) =>
  client.request({ method: 'POST', url: `/api/v1/gateway/incidents/${id}/observation` });

describe('entering an incident in the zones module', () => {
  it('creates an unverified security-incidents observation that a zones verifier then confirms', async () => {
    const id = await verifiedIncident();
    const entered = await enter(monitor, id);
    expect(entered.statusCode, entered.body).toBe(201);
    // One incident among QM0101's 12,000 residents: 0.83 per 10,000.
    expect(entered.json()).toMatchObject({
      indicator: 'security_incidents',
      pcode: 'QM0101',
      period: '2026-11',
      value: 0.83,
      status: 'pending',
    });
    const observationId = entered.json().observationId;
    const queue = await zonesVerifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify&pcode=QM0101' });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(observationId);
    const confirmed = await zonesVerifier.request({
      method: 'POST',
      url: `/api/v1/observations/${observationId}/verification`,
      payload: { decision: 'confirm' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id));
    expect(row!.observationId).toBe(observationId);
    const [audit] = await env.database.db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'gateway.incident_observed'));
    expect(audit!.details).toMatchObject({ incidentId: id, observationId, indicator: 'security_incidents' });
  });

  it('counts a second incident of the month as a correction of the same observation, back in the queue', async () => {
    const id = await verifiedIncident({ occurredOn: '2026-10-12' }, 'corroborated');
    const first = (await enter(monitor, id)).json();
    expect(first.value).toBe(0.83);
    const second = await verifiedIncident({ occurredOn: '2026-10-20', type: 'extortion' });
    const entered = await enter(monitor, second);
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({ observationId: first.observationId, value: 1.67, status: 'pending' });
  });

  it('enters denial of access to monitors as "no" on monitor access', async () => {
    const id = await verifiedIncident({ type: 'denial_of_monitor_access', occurredOn: '2026-09-15' });
    const entered = await enter(monitor, id);
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({ indicator: 'monitor_access', value: 0, status: 'pending' });
  });

  it('refuses an unverified incident, one entered already, and a person without observation:create', async () => {
    const unverified = await verifiedIncident({ occurredOn: '2026-08-01' }, 'unverified');
    const refused = await enter(monitor, unverified);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe('incident_not_verified');
    const id = await verifiedIncident({ occurredOn: '2026-07-01' });
    expect((await enter(officer, id)).statusCode).toBe(403);
    expect((await enter(monitor, id)).statusCode).toBe(201);
    const again = await enter(monitor, id);
    expect(again.json()).toMatchObject({ code: 'conflict', reason: 'incident_already_observed' });
  });

  it('refuses a zone without a known population, entering nothing', async () => {
    const id = await verifiedIncident({ pcode: 'QM01', occurredOn: '2026-06-01' });
    const refused = await enter(monitor, id);
    expect(refused.json()).toMatchObject({ code: 'conflict', reason: 'incident_zone_population_unknown' });
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id));
    expect(row!.observationId).toBeNull();
  });
});
