import { hash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { concludedConsultationFor } from '../forum/test-support.ts';
import { canonicalJson } from '../platform/audit/canonical.ts';
import { verifyLog } from '../platform/audit/verify.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { queryRows } from '../platform/db/client.ts';
import { upsertZones } from './gazetteer.ts';
import { currentZoneClass } from './public-zones.ts';

/**
 * The joint monitoring centre's month, through the API: a field monitor records observations, a verifier of
 * another organisation confirms them, the coordinator reviews and publishes, and the public sees the class.
 */
let env: TestEnvironment;
let monitor: TestClient;
let verifier: TestClient;
let ownVerifier: TestClient;
let coordinator: TestClient;
const PERIOD = '2026-10';

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await upsertZones(db, [
    { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
    { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
    { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder', ar: 'ألدر' }, population: 12000 },
    { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 8000 },
  ]);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  const monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  monitor = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['field_monitor'], organisationId: centre.id }),
  );
  coordinator = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['coordinator'], organisationId: centre.id }),
  );
  verifier = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['verifier'], organisationId: monitors.id }),
  );
  ownVerifier = await signIn(
    env.app,
    await createTestAccount(env.app, { roles: ['verifier'], organisationId: centre.id }),
  );
});
afterAll(() => env.close());

const observation = (overrides: Record<string, unknown> = {}) => ({
  pcode: 'QM0101',
  indicator: 'mines_uxo_on_routes',
  period: PERIOD,
  value: 3,
  source: 'monitoring_visit',
  method: 'Route survey with the mine action authority',
  ...overrides,
});

describe('observations and verification', () => {
  it('refuses an unknown P-code, an unknown indicator and a value out of range, naming the field', async () => {
    const unknownZone = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ pcode: 'QM0999' }),
    });
    expect(unknownZone.statusCode).toBe(400);
    expect(unknownZone.json().errors).toEqual([expect.objectContaining({ field: 'body.pcode', code: 'unknown' })]);
    const unknownIndicator = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ indicator: 'happiness' }),
    });
    expect(unknownIndicator.json().errors[0].field).toBe('body.indicator');
    const outOfRange = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ indicator: 'perceived_safety', value: 140 }),
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].field).toBe('body.value');
    const future = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ period: '2999-01' }),
    });
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'body.period', code: 'future' })]);
  });

  it('records an observation that waits for a verifier of another organisation', async () => {
    const created = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ evidenceNotes: 'Two devices found near the school road.' }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'pending',
      pcode: 'QM0101',
      evidenceNotes: 'Two devices found near the school road.',
    });
    const duplicate = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ value: 4 }),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('conflict');

    const id = created.json().id as string;
    const own = await ownVerifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'confirm' },
    });
    expect(own.statusCode).toBe(403);
    const ownQueue = await ownVerifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify' });
    expect(ownQueue.json().items.map((o: { id: string }) => o.id)).not.toContain(id);

    const queue = await verifier.request({ method: 'GET', url: '/api/v1/observations?queue=verify' });
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(id);
    const rejectWithoutReason = await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'reject' },
    });
    expect(rejectWithoutReason.statusCode).toBe(400);
    const confirmed = await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'confirm' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    expect(confirmed.json().verifications[0]).toMatchObject({ decision: 'confirm' });
    const again = await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'reject', reason: 'second thoughts' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('stores evidence notes encrypted, never as plain text', async () => {
    const rows = await queryRows(
      env.database.db,
      sql`select evidence_notes from zone_observations where evidence_notes is not null`,
    );
    const text = JSON.stringify(rows);
    expect(text).not.toContain('school road');
    expect(text).toContain('hw1.');
  });

  it('records a batch all-or-nothing: one bad row writes nothing', async () => {
    const bad = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations/batch',
      payload: {
        observations: [
          observation({ pcode: 'QM0102', indicator: 'perceived_safety', value: 80 }),
          observation({ pcode: 'QM0102', value: -1 }),
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.observations.1.value');
    const listed = await monitor.request({ method: 'GET', url: '/api/v1/observations?pcode=QM0102' });
    expect(listed.json().total).toBe(0);
  });
});

describe('review and publication', () => {
  it('refuses to publish a period while an observation is unverified, then publishes once it is', async () => {
    const pending = await monitor.request({
      method: 'POST',
      url: '/api/v1/observations',
      payload: observation({ pcode: 'QM0102', indicator: 'perceived_safety', value: 85, source: 'survey' }),
    });
    const refused = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: PERIOD },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', reason: 'unverified_observations' });
    // One observation waits, and the message says so in the singular.
    expect(refused.json().detail).toMatch(/^1 observation of \d{4}-\d{2} is still/);

    await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${pending.json().id}/verification`,
      payload: { decision: 'confirm' },
    });
    const review = await coordinator.request({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { period: PERIOD },
    });
    expect(review.statusCode).toBe(200);
    const alder = review.json().zones.find((z: { pcode: string }) => z.pcode === 'QM0101');
    expect(alder.class).toBe('not_conducive');
    expect(alder.summary).toMatch(/mine|ordnance/i);
    // What a screen needs to say it in the reader's language: the deciding reasons and the indicators they name.
    const reason = alder.classification.deciding.find((r: { kind: string }) => r.kind === 'hard_red');
    expect(reason).toBeDefined();
    const named = alder.classification.criteria.flatMap((c: { indicators: { indicator: string }[] }) =>
      c.indicators.map((i) => i.indicator),
    );
    expect(named).toContain(reason.indicators[0]);
    expect(named.length).toBeLessThan(10);
    expect(review.json().zones.map((z: { pcode: string }) => z.pcode)).toEqual(['QM0101', 'QM0102']);

    const published = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: PERIOD },
    });
    expect(published.statusCode).toBe(201);
    const publication = published.json();
    expect(publication.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const entries = await coordinator.request({
      method: 'GET',
      url: '/api/v1/audit/entries?type=zones.period_published',
    });
    expect(JSON.stringify(entries.json())).toContain(publication.id);
    expect((await verifyLog(env.database.db)).ok).toBe(true);

    const content = await env.app.inject({ method: 'GET', url: `/api/v1/public/publications/${publication.id}` });
    expect(hash('sha256', canonicalJson(content.json().content), 'hex')).toBe(publication.contentHash);

    const twice = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: PERIOD },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('shows the published class on the public map and zone page, and to the returns module', async () => {
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones' });
    expect(list.statusCode).toBe(200);
    const alder = list.json().find((z: { pcode: string }) => z.pcode === 'QM0101');
    expect(alder).toMatchObject({ class: 'not_conducive', period: PERIOD });
    expect(JSON.stringify(list.json())).not.toContain('school road');

    const page = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM0101' });
    expect(page.json().current.classification.deciding[0].kind).toBe('hard_red');
    const history = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM0101/history' });
    expect(history.json().history).toHaveLength(1);

    const current = await currentZoneClass(env.database.db, 'QM0101', { now: new Date('2026-11-15T00:00:00Z') });
    expect(current).toMatchObject({ class: 'not_conducive', period: PERIOD, fresh: true });
    const later = await currentZoneClass(env.database.db, 'QM0101', { now: new Date('2027-06-15T00:00:00Z') });
    expect(later.fresh).toBe(false);
    const never = await currentZoneClass(env.database.db, 'QM0102', { now: new Date('2026-11-15T00:00:00Z') });
    expect(never.class).not.toBe('conducive');
  });

  it('publishes a correction that replaces the publication, which stays on record', async () => {
    const [first] = (await coordinator.request({ method: 'GET', url: '/api/v1/publications' })).json();
    const noReason = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: PERIOD, replaces: first.id },
    });
    expect(noReason.statusCode).toBe(400);
    const correction = await coordinator.request({
      method: 'POST',
      url: '/api/v1/publications',
      payload: { period: PERIOD, replaces: first.id, reason: 'Population baseline corrected' },
    });
    expect(correction.statusCode).toBe(201);
    expect(correction.json().replaces).toBe(first.id);
    const all = (await coordinator.request({ method: 'GET', url: '/api/v1/publications' })).json();
    expect(all).toHaveLength(2);
    const page = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM0101' });
    expect(page.json().current.publication.id).toBe(correction.json().id);
    // The history shows the period once, from the correction.
    const history = (await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM0101/history' })).json();
    expect(history.history).toHaveLength(1);
    expect(history.history[0].publication.id).toBe(correction.json().id);
    // Staff see the correction too, never the publication it replaced.
    const staffPage = (await verifier.request({ method: 'GET', url: '/api/v1/zones/QM0101' })).json();
    expect(staffPage.published).toMatchObject({ period: PERIOD, publication: { id: correction.json().id } });
    const staffList = (await verifier.request({ method: 'GET', url: '/api/v1/zones?parent=QM01' })).json();
    expect(staffList.items.find((z: { pcode: string }) => z.pcode === 'QM0101').publishedClass).toBe('not_conducive');
  });

  it('serves the map as GeoJSON with an ETag', async () => {
    const first = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones?format=geojson' });
    expect(first.json().type).toBe('FeatureCollection');
    const again = await env.app.inject({
      method: 'GET',
      url: '/api/v1/public/zones?format=geojson',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('sends the zone list compressed to a client that reads Brotli or gzip, and the same zones', async () => {
    const plain = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const brotli = await env.app.inject({
      method: 'GET',
      url: '/api/v1/public/zones',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(brotli.headers.etag).not.toBe(plain.headers.etag);
    const gzip = await env.app.inject({
      method: 'GET',
      url: '/api/v1/public/zones',
      headers: { 'accept-encoding': 'gzip;q=1, br;q=0' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('keeps a published zone page until the next publication: compressed, with an ETag, one statement', async () => {
    const url = '/api/v1/public/zones/QM0101';
    const plain = await env.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().current.classification.deciding[0].kind).toBe('hard_red');
    const pglite = env.database.pglite;
    const exclusive = pglite?._runExclusiveQuery.bind(pglite);
    let statements = 0;
    if (pglite && exclusive) {
      pglite._runExclusiveQuery = (statement) => {
        statements++;
        return exclusive(statement);
      };
    }
    let brotli: Awaited<ReturnType<typeof env.app.inject>>;
    try {
      brotli = await env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    } finally {
      if (pglite && exclusive) pglite._runExclusiveQuery = exclusive;
    }
    // Whether a publication came since: nothing else is asked of the database.
    if (pglite) expect(statements).toBe(1);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());
    const again = await env.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(brotli.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM9999' })).statusCode).toBe(404);
  });
});

describe('public responses on a slow network', () => {
  const page = '/api/v1/public/zones/QM0101';
  const historyUrl = '/api/v1/public/zones/QM0101/history';

  it('sends a zone page without its history, which is a request of its own, newest period first', async () => {
    const zone = await env.app.inject({ method: 'GET', url: page });
    expect(zone.statusCode).toBe(200);
    expect(zone.json()).not.toHaveProperty('history');
    const history = await env.app.inject({ method: 'GET', url: historyUrl });
    expect(history.statusCode).toBe(200);
    const entries = history.json().history as { period: string; publication: { id: string } }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((entry) => entry.period)).toEqual(
      entries
        .map((entry) => entry.period)
        .sort()
        .reverse(),
    );
    expect(entries[0]).toEqual(zone.json().current);
    expect(Object.keys(entries[0]!).sort()).toEqual(['class', 'classification', 'period', 'publication']);
    // The page weighs what its current class and framework weigh, compressed to a few kilobytes.
    const brotli = await env.app.inject({ method: 'GET', url: page, headers: { 'accept-encoding': 'br' } });
    expect(brotli.rawPayload.length).toBeLessThan(zone.rawPayload.length / 3);
    expect(brotli.rawPayload.length).toBeLessThan(10_000);
  });

  it('answers 404 problem+json for the history of a zone not in the gazetteer', async () => {
    const missing = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/QM9999/history' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().code).toBe('not_found');
    expect(missing.headers.etag).toBeUndefined();
    const malformed = await env.app.inject({ method: 'GET', url: '/api/v1/public/zones/not-a-pcode/history' });
    expect(malformed.statusCode).toBe(400);
  });

  it.each([
    ['the zone list', '/api/v1/public/zones'],
    ['a zone page', page],
    ['a zone history', historyUrl],
  ])('sends %s compressed, with an ETag, Cache-Control and a 304 when it has not changed', async (_name, url) => {
    const plain = await env.app.inject({ method: 'GET', url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(plain.headers.vary).toContain('accept-encoding');
    expect(plain.headers.etag).toMatch(/^"[^"]+"$/);
    expect(plain.rawPayload.length).toBeGreaterThanOrEqual(1024);
    for (const [accept, encoding, decode] of [
      ['br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const compressed = await env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': accept } });
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.etag).not.toBe(plain.headers.etag);
      expect(JSON.parse(decode(compressed.rawPayload).toString('utf8'))).toEqual(plain.json());
      const again = await env.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-encoding': accept, 'if-none-match': String(compressed.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(compressed.headers.etag);
    }
    // An ETag of another encoding, or of nothing Homeward sent, gets the whole body.
    const other = await env.app.inject({ method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
  });

  it('sends a body under a kilobyte as it is, with its ETag and a 304', async () => {
    // These zones have no outline: the map is an empty feature collection.
    const url = '/api/v1/public/zones?format=geojson';
    const small = await env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    const again = await env.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(small.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('lets anyone read the same public answers: no session, or a session of any organisation', async () => {
    for (const url of [page, historyUrl]) {
      const anonymous = await env.app.inject({ method: 'GET', url });
      for (const client of [coordinator, verifier]) {
        const signedIn = await client.request({ method: 'GET', url });
        expect(signedIn.statusCode).toBe(200);
        expect(signedIn.json()).toEqual(anonymous.json());
        expect(signedIn.headers.etag).toBe(anonymous.headers.etag);
      }
    }
  });

  it('caches every public read the same way, including those that keep no body of their own', async () => {
    const [publication] = (await coordinator.request({ method: 'GET', url: '/api/v1/publications' })).json();
    const url = `/api/v1/public/publications/${publication.id}`;
    const plain = await env.app.inject({ method: 'GET', url });
    expect(plain.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    const gzip = await env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
    const again = await env.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    // The log's checkpoint changes whenever one is signed: kept, but asked about again every time.
    const checkpoint = await env.app.inject({ method: 'GET', url: '/api/v1/public/checkpoint' });
    if (checkpoint.statusCode === 200) expect(checkpoint.headers['cache-control']).toBe('public, no-cache');
    // Staff answers are never public ones.
    const staff = await coordinator.request({ method: 'GET', url: '/api/v1/publications' });
    expect(staff.headers['cache-control'] ?? '').not.toContain('public');
    expect(staff.headers.etag).toBeUndefined();
  });
});

describe('framework versions', () => {
  it('refuses contradictory thresholds and never changes a published version', async () => {
    const active = (await coordinator.request({ method: 'GET', url: '/api/v1/frameworks/active' })).json();
    const definition = structuredClone(active.definition);
    const indicator = definition.criteria[0].indicators[0];
    const contradictory = structuredClone(definition);
    const bad = contradictory.criteria[0].indicators[0];
    [bad.green, bad.red] = bad.direction === 'higher_is_better' ? [10, 50] : [50, 10];
    const refused = await coordinator.request({
      method: 'POST',
      url: '/api/v1/frameworks/drafts',
      payload: { definition: contradictory },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toMatch(/^body\.definition\.criteria\.0\.indicators\.0\./);

    indicator.weight = indicator.weight + 1;
    const draft = await coordinator.request({
      method: 'POST',
      url: '/api/v1/frameworks/drafts',
      payload: { definition },
    });
    expect(draft.json()).toMatchObject({ version: active.version + 1, status: 'draft' });
    // A draft is published only after its consultation (the forum's guard): none yet, refused.
    const unconsulted = await coordinator.request({
      method: 'POST',
      url: `/api/v1/frameworks/${draft.json().version}/publish`,
    });
    expect(unconsulted.statusCode).toBe(409);
    expect(unconsulted.json()).toMatchObject({ reason: 'forum_consultation_missing' });
    await concludedConsultationFor(env.database.db, draft.json().version);
    const published = await coordinator.request({
      method: 'POST',
      url: `/api/v1/frameworks/${draft.json().version}/publish`,
    });
    expect(published.json().status).toBe('published');
    const again = await coordinator.request({
      method: 'POST',
      url: `/api/v1/frameworks/${draft.json().version}/publish`,
    });
    expect(again.statusCode).toBe(409);
    const versions = (await coordinator.request({ method: 'GET', url: '/api/v1/frameworks' })).json();
    expect(versions.find((v: { version: number }) => v.version === active.version).definitionHash).toBe(
      active.definitionHash,
    );
  });

  it('lets only coordinators change the framework', async () => {
    const response = await monitor.request({
      method: 'POST',
      url: '/api/v1/frameworks/drafts',
      payload: { definition: {} },
    });
    expect([400, 403]).toContain(response.statusCode);
    const forbidden = await verifier.request({ method: 'POST', url: '/api/v1/frameworks/1/publish' });
    expect(forbidden.statusCode).toBe(403);
  });
});
