import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { createTestZones } from '../zones/test-support.ts';
import { gatewayIncidents } from './tables.ts';

/**
 * Following an incident to accountability: referred, answered, sanctioned, closed, in that order and only by the
 * recording organisation; the body's answer and the sanction encrypted; the tracker showing overdue answers.
 */
let env: TestEnvironment;
let centre: string;
let coordinator: TestClient;
let monitor: TestClient;
let otherCoordinator: TestClient;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

beforeAll(async () => {
  env = await createTestEnvironment({ incidentResponseDays: 30 });
  await createTestZones(env.database.db);
  centre = (await createTestOrganisation(env.app)).id;
  const other = (await createTestOrganisation(env.app, { kind: 'civil_society', homeState: 'QT' })).id;
  coordinator = await account(centre, 'coordinator');
  monitor = await account(centre, 'field_monitor');
  otherCoordinator = await account(other, 'coordinator');
});
afterAll(() => env.close());

async function recordIncident(occurredOn = '2026-09-01'): Promise<string> {
  const response = await monitor.request({
    method: 'POST',
    url: '/api/v1/gateway/incidents',
    payload: {
      type: 'extortion',
      occurredOn,
      pcode: 'QM0101',
      perpetratorCategory: 'transit_point_staff',
      affected: { women: 2 },
      narrative: 'Staff demanded payment before letting families board',
      source: 'monitoring_visit',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
const step = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/v1/gateway/incidents/${id}/accountability`, payload: body });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('the accountability steps', () => {
  it('goes referred, answered, sanctioned, closed, each in the history, with the texts encrypted', async () => {
    const id = await recordIncident();
    const referred = await step(coordinator, id, {
      step: 'referred',
      referredTo: 'Office of the Inspector General',
      referredOn: '2026-09-10',
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json()).toMatchObject({
      accountability: 'referred',
      referredTo: 'Office of the Inspector General',
    });
    const answered = await step(coordinator, id, {
      step: 'answered',
      response: 'Two officers suspended pending inquiry',
    });
    expect(answered.json()).toMatchObject({
      accountability: 'answered',
      response: 'Two officers suspended pending inquiry',
    });
    const sanctioned = await step(coordinator, id, {
      step: 'sanctioned',
      sanction: 'Dismissal of the shift supervisor',
    });
    expect(sanctioned.json()).toMatchObject({ sanction: 'Dismissal of the shift supervisor' });
    const closed = await step(coordinator, id, { step: 'closed', closedOn: '2026-11-30' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ accountability: 'closed', closedOn: '2026-11-30' });
    expect(closed.json().history.map((entry: { entry: string }) => entry.entry)).toEqual([
      'recorded',
      'referred',
      'answered',
      'sanctioned',
      'closed',
    ]);
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id));
    expect(JSON.stringify(row)).not.toContain('Dismissal');
    expect(JSON.stringify(row)).not.toContain('suspended');
    const details = await env.database.db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'gateway.incident_accountability'));
    expect(details.map((d) => (d.details as unknown as { status: string }).status)).toEqual([
      'referred',
      'answered',
      'sanctioned',
      'closed',
    ]);
    expect(JSON.stringify(details)).not.toContain('Inspector');
  });

  it('refuses a step out of order with a 409, and any step once closed, changing nothing', async () => {
    const id = await recordIncident();
    const early = await step(coordinator, id, { step: 'answered', response: 'Nothing yet' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'conflict', reason: 'incident_accountability_order' });
    const closeUnreferred = await step(coordinator, id, { step: 'closed', closedOn: '2026-10-01' });
    expect(closeUnreferred.json().reason).toBe('incident_accountability_order');
    await step(coordinator, id, { step: 'referred', referredTo: 'Provincial prosecutor', referredOn: '2026-09-05' });
    const sanctionBeforeAnswer = await step(coordinator, id, { step: 'sanctioned', sanction: 'Fine' });
    expect(sanctionBeforeAnswer.json().reason).toBe('incident_accountability_order');
    const again = await step(coordinator, id, { step: 'referred', referredTo: 'Other', referredOn: '2026-09-06' });
    expect(again.statusCode).toBe(409);
    // Closed without a sanction: allowed once referred.
    const closed = await step(coordinator, id, {
      step: 'closed',
      closedOn: '2026-10-02',
      note: 'No response obtained',
    });
    expect(closed.statusCode).toBe(200);
    const after = await step(coordinator, id, { step: 'answered', response: 'Late answer' });
    expect(after.json()).toMatchObject({ code: 'conflict', reason: 'incident_closed' });
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id));
    expect(row).toMatchObject({ accountability: 'closed', responseEnc: null, referredTo: 'Provincial prosecutor' });
  });

  it('refuses dates in the future or before the incident, and unknown steps', async () => {
    const id = await recordIncident('2026-09-01');
    const future = await step(coordinator, id, { step: 'referred', referredTo: 'Court', referredOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'body.referredOn', code: 'future_date' });
    const before = await step(coordinator, id, { step: 'referred', referredTo: 'Court', referredOn: '2026-08-01' });
    expect(before.json().errors[0]).toMatchObject({ code: 'before_previous_step' });
    const unknown = await step(coordinator, id, { step: 'pardoned' });
    expect(unknown.statusCode).toBe(400);
    const empty = await step(coordinator, id, { step: 'referred', referredTo: '  ', referredOn: '2026-09-02' });
    expect(empty.statusCode).toBe(400);
    const [row] = await env.database.db.select().from(gatewayIncidents).where(eq(gatewayIncidents.id, id));
    expect(row!.accountability).toBe('documented');
  });

  it('is for the recording organisation and those who follow incidents', async () => {
    const id = await recordIncident();
    const other = await step(otherCoordinator, id, { step: 'referred', referredTo: 'Court', referredOn: '2026-09-02' });
    expect(other.statusCode).toBe(403);
    const byMonitor = await step(monitor, id, { step: 'referred', referredTo: 'Court', referredOn: '2026-09-02' });
    expect(byMonitor.statusCode).toBe(403);
  });
});

describe('the accountability tracker', () => {
  it('counts incidents by status and shows a referral past the expected answer as overdue', async () => {
    const late = await recordIncident(daysAgo(60));
    await step(coordinator, late, { step: 'referred', referredTo: 'Inspectorate', referredOn: daysAgo(45) });
    const recent = await recordIncident(daysAgo(10));
    await step(coordinator, recent, { step: 'referred', referredTo: 'Inspectorate', referredOn: daysAgo(5) });
    const response = await monitor.request({ method: 'GET', url: '/api/v1/gateway/incidents/accountability' });
    expect(response.statusCode, response.body).toBe(200);
    const tracker = response.json();
    expect(tracker.responseDays).toBe(30);
    expect(tracker.counts.closed).toBeGreaterThanOrEqual(2);
    expect(tracker.items.some((item: { accountability: string }) => item.accountability === 'closed')).toBe(false);
    const byId = new Map(tracker.items.map((item: { id: string }) => [item.id, item]));
    expect(byId.get(late)).toMatchObject({ daysSinceReferral: 45, responseOverdue: true });
    expect(byId.get(recent)).toMatchObject({ daysSinceReferral: 5, responseOverdue: false });
    // The longest wait comes first.
    expect(tracker.items.findIndex((item: { id: string }) => item.id === late)).toBeLessThan(
      tracker.items.findIndex((item: { id: string }) => item.id === recent),
    );
  });
});
