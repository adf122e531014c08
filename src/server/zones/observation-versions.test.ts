import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { zoneObservations, zoneObservationVersions } from './tables.ts';
import { createTestZones } from './test-support.ts';

/** Corrections: the submitting organisation's monitor gives a new version; the old one stays, with its decisions. */
let env: TestEnvironment;
let monitor: TestClient;
let colleague: TestClient;
let otherMonitor: TestClient;
let verifier: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  const partner = await createTestOrganisation(env.app, { kind: 'civil_society' });
  const monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  const account = (roles: ['field_monitor'] | ['verifier'], organisationId: string) =>
    createTestAccount(env.app, { roles, organisationId }).then((created) => signIn(env.app, created));
  monitor = await account(['field_monitor'], centre.id);
  colleague = await account(['field_monitor'], centre.id);
  otherMonitor = await account(['field_monitor'], partner.id);
  verifier = await account(['verifier'], monitors.id);
});
afterAll(() => env.close());

let month = 0;
async function recorded(value = 2, evidenceNotes?: string): Promise<string> {
  month++;
  const response = await monitor.request({
    method: 'POST',
    url: '/api/v1/observations',
    payload: {
      pcode: 'QM0101',
      indicator: 'mines_uxo_on_routes',
      period: `2024-${String(month).padStart(2, '0')}`,
      value,
      source: 'monitoring_visit',
      method: 'Route survey',
      ...(evidenceNotes ? { evidenceNotes } : {}),
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

const correct = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request({
    method: 'POST',
    url: `/api/v1/observations/${id}/corrections`,
    payload: { value: 5, source: 'monitoring_visit', method: 'Route survey', reason: 'Typed 2 for 5', ...body },
  });
const history = (client: TestClient, id: string) =>
  client.request({ method: 'GET', url: `/api/v1/observations/${id}/history` });
const verify = (id: string, decision: string, reason?: string) =>
  verifier.request({
    method: 'POST',
    url: `/api/v1/observations/${id}/verification`,
    payload: { decision, ...(reason ? { reason } : {}) },
  });

describe('correcting an observation', () => {
  it('makes a new version awaiting verification and keeps the old one in the history and the log', async () => {
    const id = await recorded(2, 'Counted at the checkpoint.');
    const response = await correct(monitor, id, { value: 5, evidenceNotes: 'Recounted with the village head.' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id,
      value: 5,
      version: 2,
      status: 'pending',
      correctionReason: 'Typed 2 for 5',
      evidenceNotes: 'Recounted with the village head.',
    });
    const versions = history(monitor, id);
    const body = (await versions).json();
    expect(
      body.versions.map((v: { version: number; value: number; current: boolean }) => [v.version, v.value, v.current]),
    ).toEqual([
      [2, 5, true],
      [1, 2, false],
    ]);
    expect(body.versions[1].evidenceNotes).toBe('Counted at the checkpoint.');
    const [entry] = await env.database.db
      .select({ type: auditEntries.eventType })
      .from(auditEntries)
      .where(
        and(eq(auditEntries.subject, `observation:${id}`), eq(auditEntries.eventType, 'zones.observation_corrected')),
      );
    expect(entry?.type).toBe('zones.observation_corrected');
  });

  it('lets a colleague of the same organisation correct, and nobody of another organisation', async () => {
    const id = await recorded();
    const refused = await correct(otherMonitor, id, { value: 7 });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not_found');
    const byVerifier = await correct(verifier, id, { value: 7 });
    expect(byVerifier.statusCode).toBe(403);
    const [row] = await env.database.db.select().from(zoneObservations).where(eq(zoneObservations.id, id));
    expect([row?.value, row?.version]).toEqual([2, 1]);
    expect((await correct(colleague, id, { value: 7 })).json()).toMatchObject({ value: 7, version: 2 });
  });

  it('puts a confirmed value back in the queue: it counts again only when a verifier confirms the new version', async () => {
    const id = await recorded(2);
    expect((await verify(id, 'confirm')).json().status).toBe('confirmed');
    const corrected = (await correct(monitor, id, { value: 4 })).json();
    expect(corrected.status).toBe('pending');
    const queue = await verifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify&limit=100' });
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(id);
    await verify(id, 'reject', 'The recount is not documented');
    const body = (await history(verifier, id)).json();
    // Each decision belongs to the version it was made on.
    expect(
      body.versions.map((v: { version: number; status: string; verifications: { decision: string }[] }) => [
        v.version,
        v.status,
        v.verifications.map((d) => d.decision),
      ]),
    ).toEqual([
      [2, 'rejected', ['reject']],
      [1, 'confirmed', ['confirm']],
    ]);
  });

  it('brings back a rejected value, unless the organisation has given another value for that month since', async () => {
    const id = await recorded(2);
    await verify(id, 'reject', 'Wrong road');
    const again = await correct(monitor, id, { value: 3, method: 'Survey of the right road' });
    expect(again.json()).toMatchObject({ status: 'pending', version: 2 });

    const second = await recorded(2);
    await verify(second, 'reject', 'Wrong road');
    const period = (await history(monitor, second)).json().observation.period;
    const replacement = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: {
        pcode: 'QM0101',
        indicator: 'mines_uxo_on_routes',
        period,
        value: 1,
        source: 'survey',
        method: 'New survey',
      },
    });
    expect(replacement.statusCode).toBe(201);
    const refused = await correct(monitor, second, { value: 3 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      reason: 'duplicate_observation',
      existing: { id: replacement.json().id, href: `/api/v1/observations/${replacement.json().id}` },
    });
  });

  it('refuses a correction that changes nothing, or a value outside the indicator’s range, and writes nothing', async () => {
    const id = await recorded(2);
    const same = await correct(monitor, id, { value: 2 });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([expect.objectContaining({ field: 'body.value', code: 'unchanged' })]);
    const negative = await correct(monitor, id, { value: -3 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0]).toMatchObject({ field: 'body.value', code: 'range' });
    const noReason = await correct(monitor, id, { value: 3, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const nul = await correct(monitor, id, { value: 3, reason: 'bad\u0000byte' });
    expect(nul.statusCode).toBe(400);
    const stored = await env.database.db
      .select()
      .from(zoneObservationVersions)
      .where(eq(zoneObservationVersions.observationId, id));
    expect(stored).toEqual([]);
  });

  it('stores the replaced version’s notes encrypted and shows them only to those who see evidence', async () => {
    const id = await recorded(2, 'Names the informant: Amina.');
    await correct(monitor, id, { value: 3 });
    const [kept] = await env.database.db
      .select({ notes: zoneObservationVersions.evidenceNotes })
      .from(zoneObservationVersions)
      .where(eq(zoneObservationVersions.observationId, id));
    expect(kept?.notes).toMatch(/^hw1\./);
    expect(kept?.notes).not.toContain('Amina');
    const outsider = (await history(otherMonitor, id)).json();
    expect(outsider.seesEvidence).toBe(false);
    expect(outsider.versions.map((v: { evidenceNotes: string | null }) => v.evidenceNotes)).toEqual([null, null]);
    const inside = (await history(verifier, id)).json();
    expect(inside.versions[1].evidenceNotes).toBe('Names the informant: Amina.');
  });
});
