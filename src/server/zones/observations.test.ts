import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { countStatements } from '../../../test/support/statements.ts';
import { accessLog, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { upsertZones } from './gazetteer.ts';

/** What a recorded observation shows, to its submitter and to a verifier: names, decisions, and who read notes. */
let env: TestEnvironment;
let monitor: TestClient;
let verifier: TestClient;
let centreName: string;
let monitorsName: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  await upsertZones(env.database.db, [
    { pcode: 'QT', parentPcode: null, level: 'state', names: { en: 'Tamarind' }, population: null },
    { pcode: 'QT01', parentPcode: 'QT', level: 'admin1', names: { en: 'West', ar: 'الغرب' }, population: null },
  ]);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  const monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  centreName = centre.name;
  monitorsName = monitors.name;
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

const record = (period: string, evidenceNotes?: string) =>
  monitor.request({
    method: 'POST',
    url: '/api/v1/observations',
    payload: {
      pcode: 'QT01',
      indicator: 'mines_uxo_on_routes',
      period,
      value: 2,
      source: 'monitoring_visit',
      method: 'Route survey',
      ...(evidenceNotes ? { evidenceNotes } : {}),
    },
  });

const evidenceReadings = async (id: string) =>
  env.database.db
    .select({ actor: accessLog.actorUserId })
    .from(accessLog)
    .where(and(eq(accessLog.recordType, 'observation_evidence'), eq(accessLog.recordId, id)));

describe('a recorded observation', () => {
  it('answers with the zone’s and organisation’s names, under the id its audit entry names', async () => {
    const created = await record('2025-01', 'Seen from the bridge.');
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      pcode: 'QT01',
      zoneName: { en: 'West', ar: 'الغرب' },
      organisation: { name: centreName },
      status: 'pending',
      evidenceNotes: 'Seen from the bridge.',
      verifications: [],
    });
    const [entry] = await env.database.db
      .select({ type: auditEntries.eventType })
      .from(auditEntries)
      .where(eq(auditEntries.subject, `observation:${body.id}`));
    expect(entry?.type).toBe('zones.observation_recorded');
    // The submitter read the notes in the answer: that reading is in the access log.
    expect(await evidenceReadings(body.id)).toHaveLength(1);
    expect((await monitor.request({ method: 'GET', url: `/api/v1/observations/${body.id}` })).json().id).toBe(body.id);
  });

  it('shows the verifier’s organisation by name, in the queue and after the decision', async () => {
    const id = (await record('2025-02', 'Checked twice.')).json().id as string;
    const queue = await verifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify' });
    const queued = queue.json().items.find((o: { id: string }) => o.id === id);
    expect(queued).toMatchObject({ zoneName: { en: 'West' }, organisation: { name: centreName } });
    const readings = (await evidenceReadings(id)).length;
    expect(readings).toBe(2);

    const decided = await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'request_evidence', reason: 'A photograph, please' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().verifications).toEqual([
      expect.objectContaining({
        decision: 'request_evidence',
        verifierOrganisation: expect.objectContaining({ name: monitorsName }),
      }),
    ]);
  });

  it('is refused as a conflict when given again, and 404 when it does not exist', async () => {
    expect((await record('2025-03')).statusCode).toBe(201);
    const again = await record('2025-03');
    expect(again.statusCode).toBe(409);
    const missing = await monitor.request({
      method: 'GET',
      url: '/api/v1/observations/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is read with its names in two statements beyond the session’s', async () => {
    const id = (await record('2025-04')).json().id as string;
    const statements = await countStatements(env.database, () =>
      monitor.request({ method: 'GET', url: `/api/v1/observations/${id}` }),
    );
    if (statements !== undefined) expect(statements).toBe(3);
  });

  it('lists a page with the total of what matches, also past the end, in two statements beyond the session’s', async () => {
    const page = (query: string) =>
      monitor.request({ method: 'GET', url: `/api/v1/observations?pcode=QT01&${query}` }).then((r) => r.json());
    const all = await page('limit=100');
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(all.total);
    const second = await page('limit=1&offset=1');
    expect(second).toMatchObject({ total: all.total, items: [{ id: all.items[1].id }] });
    expect(await page(`limit=5&offset=${all.total}`)).toEqual({ total: all.total, items: [] });
    expect(await page('period=1999-01')).toEqual({ total: 0, items: [] });
    const statements = await countStatements(env.database, () => page('limit=100&period=2025-04'));
    if (statements !== undefined) expect(statements).toBe(3);
  });
});

describe('a duplicate observation', () => {
  it('is refused with a link to the value the organisation already gave, whether it differs or repeats it', async () => {
    const first = (await record('2025-07')).json();
    const differing = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: {
        pcode: 'QT01',
        indicator: 'mines_uxo_on_routes',
        period: '2025-07',
        value: 9,
        source: 'survey',
        method: 'Another count',
      },
    });
    expect(differing.statusCode).toBe(409);
    expect(differing.json()).toMatchObject({
      reason: 'duplicate_observation',
      existing: { id: first.id, href: `/api/v1/observations/${first.id}` },
    });
    const repeated = await record('2025-07');
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json().existing).toEqual({ id: first.id, href: `/api/v1/observations/${first.id}` });
  });
});
