import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { accessLog, auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { gatewayHistory, gatewayIncidentSubmissions, gatewayIncidents } from './tables.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * The incident register through the API: what is recorded and refused, who reads the narrative and the
 * identities, which gateway items an organisation may link, corrections audited by field name, and verification
 * by someone other than the recorder.
 */
let env: TestEnvironment;
let centre: string;
let other: string;
let officer: TestClient;
let secondOfficer: TestClient;
let monitor: TestClient;
let coordinator: TestClient;
let otherMonitor: TestClient;
let watchdog: TestClient;

const NARRATIVE = 'Guards at the crossing beat Samir Haddad and took his papers';
const IDENTITIES = 'Samir Haddad, born 1980';

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  await insertRoutingRule(env.database.db, { organisationId: centre });
  officer = await account(centre, 'protection_officer');
  secondOfficer = await account(centre, 'protection_officer');
  monitor = await account(centre, 'field_monitor');
  coordinator = await account(centre, 'coordinator');
  otherMonitor = await account(other, 'field_monitor');
  watchdog = await account(other, 'civil_society_watchdog');
});
afterAll(() => env.close());

const incident = (overrides: Record<string, unknown> = {}) => ({
  type: 'violence',
  occurredOn: '2026-11-20',
  pcode: 'QM0101',
  perpetratorCategory: 'border_officials',
  affected: { men: 1, boys: 2 },
  identities: IDENTITIES,
  narrative: NARRATIVE,
  source: 'direct_testimony',
  ...overrides,
});
const record = (client: TestClient, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/v1/gateway/incidents', payload: body });
const read = (client: TestClient, id: string) =>
  client.request({ method: 'GET', url: `/api/v1/gateway/incidents/${id}` });
const countIncidents = async () => (await env.database.db.select().from(gatewayIncidents)).length;

async function submission(text = 'They took our documents at the crossing'): Promise<string> {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/v1/public/gateway/submissions',
    payload: { kind: 'complaint', complaintCategory: 'misconduct', disclosure: 'anonymous', text, language: 'en' },
    remoteAddress: `10.4.0.${Math.floor(Math.random() * 200) + 1}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  const [row] = await env.database.db
    .select({ id: gatewayHistory.submissionId })
    .from(gatewayHistory)
    .orderBy(gatewayHistory.at)
    .then((rows) => rows.slice(-1));
  return row!.id;
}

describe('recording an incident', () => {
  it('records it unverified and documented, with a reference, the state of its zone and the counts', async () => {
    const response = await record(monitor, incident());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'violence',
      stateCode: 'QM',
      pcode: 'QM0101',
      zoneName: 'Alder',
      affectedTotal: 3,
      affected: { men: 1, boys: 2, girls: 0 },
      verification: 'unverified',
      accountability: 'documented',
      narrative: NARRATIVE,
      organisationId: centre,
    });
    expect(body.reference).toMatch(/^INC-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // A field monitor is not a protection officer: the identities are recorded but not shown to them.
    expect(body.identities).toBeNull();
    expect(body.identitiesRecorded).toBe(true);
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, body.id));
    expect(row!.narrativeEnc).toMatch(/^hw1\./);
    expect(JSON.stringify(row)).not.toContain('Samir');
  });

  it('refuses a future date, no place, an unknown zone, nobody affected and a NUL, storing nothing', async () => {
    const before = await countIncidents();
    const future = await record(monitor, incident({ occurredOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'body.occurredOn', code: 'future_date' })]);
    const nowhere = await record(monitor, incident({ pcode: undefined }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors).toEqual([expect.objectContaining({ code: 'place_required' })]);
    const unknown = await record(monitor, incident({ pcode: 'QM9999' }));
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'body.pcode', code: 'unknown_zone' })]);
    const point = await record(monitor, incident({ pcode: undefined, transitPoint: 'nowhere' }));
    expect(point.json().errors).toEqual([expect.objectContaining({ field: 'body.transitPoint' })]);
    const nobody = await record(monitor, incident({ affected: { men: 0 } }));
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors).toEqual([expect.objectContaining({ field: 'body.affected', code: 'no_people' })]);
    const nul = await record(monitor, incident({ narrative: 'beaten\u0000' }));
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    const empty = await record(monitor, incident({ narrative: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(await countIncidents()).toBe(before);
  });

  it('is refused to a role without incident:record', async () => {
    const verifier = await account(centre, 'verifier');
    expect((await record(verifier, incident())).statusCode).toBe(403);
  });
});

describe('reading incidents', () => {
  it('shows the identities to protection officers only, and logs the reads that open texts', async () => {
    const { id } = (await record(monitor, incident())).json();
    const asOfficer = (await read(officer, id)).json();
    expect(asOfficer.identities).toBe(IDENTITIES);
    expect(asOfficer.narrative).toBe(NARRATIVE);
    const asCoordinator = (await read(coordinator, id)).json();
    expect(asCoordinator.identities).toBeNull();
    expect(asCoordinator.narrative).toBe(NARRATIVE);
    // Another organisation's watchdog sees that it happened, and where, but none of the texts.
    const asWatchdog = await read(watchdog, id);
    expect(asWatchdog.statusCode).toBe(200);
    expect(asWatchdog.json()).toMatchObject({ narrative: null, identities: null, affectedTotal: 3 });
    // The recorder's answer, the officer's and the coordinator's reads opened texts; the watchdog's opened none.
    const reads = await env.database.db.select().from(accessLog).where(eq(accessLog.recordId, id));
    expect(reads.length).toBe(3);
  });

  it('lists the register with filters and paging, without texts', async () => {
    await record(monitor, incident({ type: 'extortion', occurredOn: '2026-10-03' }));
    const page = await watchdog.request({
      method: 'GET',
      url: '/api/v1/gateway/incidents?type=extortion&month=2026-10&limit=10',
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().total).toBe(1);
    expect(page.json().items[0]).toMatchObject({ type: 'extortion', occurredOn: '2026-10-03' });
    expect(page.body).not.toContain('Samir');
    const none = await watchdog.request({ method: 'GET', url: '/api/v1/gateway/incidents?pcode=QM01&limit=10' });
    expect(none.json()).toEqual({ total: 0, items: [] });
    const paged = await watchdog.request({ method: 'GET', url: '/api/v1/gateway/incidents?limit=1&offset=1' });
    expect(paged.json().items.length).toBe(1);
    expect(paged.json().total).toBeGreaterThan(1);
  });
});

describe('linking gateway items', () => {
  it('links items the organisation handles, and shows them by reference', async () => {
    const submissionId = await submission();
    const response = await record(monitor, incident({ source: 'gateway_submission', submissionIds: [submissionId] }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().submissions).toEqual([{ id: submissionId, reference: expect.stringMatching(/^G-/) }]);
    const history = await env.database.db
      .select()
      .from(gatewayHistory)
      .where(eq(gatewayHistory.submissionId, submissionId));
    expect(history.map((entry) => entry.entry)).toContain('linked_to_incident');
    // Another organisation reading the incident does not learn which items it came from.
    expect((await read(watchdog, response.json().id)).json().submissions).toEqual([]);
  });

  it('refuses another organisation an item it cannot see, as if it did not exist, storing nothing', async () => {
    const submissionId = await submission();
    const before = await countIncidents();
    const response = await record(otherMonitor, incident({ submissionIds: [submissionId] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({ field: 'body.submissionIds.0', code: 'unknown_submission' }),
    ]);
    const missing = await record(otherMonitor, incident({ submissionIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(missing.json().errors[0].code).toBe('unknown_submission');
    expect(await countIncidents()).toBe(before);
    const links = await env.database.db
      .select()
      .from(gatewayIncidentSubmissions)
      .where(eq(gatewayIncidentSubmissions.submissionId, submissionId));
    expect(links).toEqual([]);
  });
});

describe('correcting and verifying', () => {
  it('corrects an incident of the organisation, auditing the field names only; another organisation is refused', async () => {
    const { id } = (await record(monitor, incident())).json();
    const corrected = await monitor.request({
      method: 'PATCH',
      url: `/api/v1/gateway/incidents/${id}`,
      payload: {
        type: 'arbitrary_detention',
        perpetratorCategory: 'state_security_forces',
        narrative: 'Held for two days by Samir Haddad’s captors',
      },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ type: 'arbitrary_detention' });
    const refused = await otherMonitor.request({
      method: 'PATCH',
      url: `/api/v1/gateway/incidents/${id}`,
      payload: { type: 'extortion' },
    });
    expect(refused.statusCode).toBe(403);
    const future = await monitor.request({
      method: 'PATCH',
      url: `/api/v1/gateway/incidents/${id}`,
      payload: { occurredOn: '2999-12-31' },
    });
    expect(future.statusCode).toBe(400);
    expect((await read(monitor, id)).json().type).toBe('arbitrary_detention');
    const [entry] = await env.database.db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'gateway.incident_updated'));
    expect(entry!.details).toMatchObject({ fields: ['type', 'perpetrator_category', 'narrative'] });
  });

  it('needs someone other than the recorder to verify it', async () => {
    const { id } = (await record(officer, incident())).json();
    const own = await officer.request({
      method: 'POST',
      url: `/api/v1/gateway/incidents/${id}/verify`,
      payload: { verification: 'verified', note: 'I saw it myself' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'forbidden', reason: 'incident_own_verification' });
    expect((await read(officer, id)).json().verification).toBe('unverified');
    const independent = await secondOfficer.request({
      method: 'POST',
      url: `/api/v1/gateway/incidents/${id}/verify`,
      payload: { verification: 'corroborated', note: 'Two other testimonies match' },
    });
    expect(independent.statusCode, independent.body).toBe(200);
    expect(independent.json()).toMatchObject({ verification: 'corroborated' });
    expect(independent.json().history.map((entry: { entry: string }) => entry.entry)).toEqual([
      'recorded',
      'corroborated',
    ]);
    const monitorTries = await monitor.request({
      method: 'POST',
      url: `/api/v1/gateway/incidents/${id}/verify`,
      payload: { verification: 'verified', note: 'x' },
    });
    expect(monitorTries.statusCode).toBe(403);
  });

  it('keeps narratives, names and notes out of the audit details', async () => {
    const details = JSON.stringify(await env.database.db.select().from(auditDetails));
    expect(details).toContain('incident');
    for (const text of ['Samir', 'Guards', 'testimonies', 'captors']) expect(details).not.toContain(text);
  });
});
