import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { accessLog, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { cleanFileName } from './evidence-files.ts';
import {
  CHROMIUM_JPEG,
  CHROMIUM_PNG,
  carriesMetadata,
  GPS_MARK,
  jpegWithGps,
  pngWithGps,
} from './files/test-images.ts';
import { zoneEvidenceFiles } from './tables.ts';
import { createTestZones } from './test-support.ts';

/** Evidence files through the API: cleaned, encrypted, and downloaded only by those who may see evidence. */
let env: TestEnvironment;
let monitor: TestClient;
let otherMonitor: TestClient;
let verifier: TestClient;
let coordinatorElsewhere: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  const centre = await createTestOrganisation(env.app, { kind: 'monitoring_centre' });
  const partner = await createTestOrganisation(env.app, { kind: 'civil_society' });
  const monitors = await createTestOrganisation(env.app, { kind: 'independent_monitor' });
  const account = (role: 'field_monitor' | 'verifier' | 'coordinator', organisationId: string) =>
    createTestAccount(env.app, { roles: [role], organisationId }).then((created) => signIn(env.app, created));
  monitor = await account('field_monitor', centre.id);
  otherMonitor = await account('field_monitor', partner.id);
  verifier = await account('verifier', monitors.id);
  coordinatorElsewhere = await account('coordinator', partner.id);
});
afterAll(() => env.close());

let month = 0;
async function recorded(): Promise<string> {
  month++;
  const response = await monitor.request({
    method: 'POST',
    url: '/api/v1/observations',
    payload: {
      pcode: 'QM0101',
      indicator: 'mines_uxo_on_routes',
      period: `2023-${String(month).padStart(2, '0')}`,
      value: 2,
      source: 'monitoring_visit',
      method: 'Route survey',
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

const attach = (client: TestClient, id: string, bytes: Buffer, contentType = 'image/jpeg', name = 'IMG_2041.jpg') =>
  client.request({
    method: 'POST',
    url: `/api/v1/observations/${id}/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': contentType },
    payload: bytes,
  });
const download = (client: TestClient, href: string) => client.request({ method: 'GET', url: href });

describe('attaching an evidence file', () => {
  it('stores a photo without its EXIF location, encrypted, and gives it back cleaned to the submitter and a verifier', async () => {
    const id = await recorded();
    const phone = jpegWithGps();
    const response = await attach(monitor, id, phone);
    expect(response.statusCode).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({
      name: 'IMG_2041.jpg',
      mediaType: 'image/jpeg',
      size: CHROMIUM_JPEG.length,
      observationVersion: 1,
    });

    const [stored] = await env.database.db.select().from(zoneEvidenceFiles).where(eq(zoneEvidenceFiles.id, file.id));
    expect(stored?.content).toMatch(/^hw1\./);
    expect(stored?.fileName).toMatch(/^hw1\./);
    expect(stored?.content).not.toContain(CHROMIUM_JPEG.toString('base64').slice(0, 40));
    expect(stored?.fileName).not.toContain('IMG_2041');

    for (const reader of [monitor, verifier]) {
      const got = await download(reader, file.href);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/jpeg');
      expect(got.headers['content-disposition']).toContain('attachment');
      expect(got.headers['cache-control']).toBe('private, no-store');
      expect(got.rawPayload.equals(CHROMIUM_JPEG)).toBe(true);
      expect(carriesMetadata(got.rawPayload)).toBe(false);
      expect(got.rawPayload.toString('latin1')).not.toContain(GPS_MARK);
    }
    const readings = await env.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.recordType, 'observation_evidence_file'), eq(accessLog.recordId, file.id)));
    expect(readings).toHaveLength(2);
    const [entry] = await env.database.db
      .select({ type: auditEntries.eventType })
      .from(auditEntries)
      .where(
        and(eq(auditEntries.subject, `observation:${id}`), eq(auditEntries.eventType, 'zones.evidence_file_attached')),
      );
    expect(entry?.type).toBe('zones.evidence_file_attached');
  });

  it('finds the type from the content, whatever the sender says, and strips PNG text and eXIf chunks', async () => {
    const id = await recorded();
    const response = await attach(monitor, id, pngWithGps(), 'application/octet-stream', 'scan.jpg');
    expect(response.json()).toMatchObject({ mediaType: 'image/png', size: CHROMIUM_PNG.length });
    const got = await download(verifier, response.json().href);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(CHROMIUM_PNG)).toBe(true);
  });

  it('hides the file from another organisation, a coordinator elsewhere and anyone signed out (404)', async () => {
    const id = await recorded();
    const { href } = (await attach(monitor, id, CHROMIUM_PNG, 'image/png')).json();
    for (const outsider of [otherMonitor, coordinatorElsewhere]) {
      const refused = await download(outsider, href);
      expect(refused.statusCode).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await env.app.inject({ method: 'GET', url: href })).statusCode).toBe(401);
    const history = (await otherMonitor.request({ method: 'GET', url: `/api/v1/observations/${id}/history` })).json();
    expect(history).toMatchObject({ seesEvidence: false, files: [] });
    expect(history.observation.evidenceFiles).toBeNull();
    const own = (await monitor.request({ method: 'GET', url: `/api/v1/observations/${id}/history` })).json();
    expect(own.files).toHaveLength(1);
    expect(own.observation.evidenceFiles).toBe(1);
  });

  it('refuses another organisation’s observation as if it did not exist, and writes nothing', async () => {
    const id = await recorded();
    const refused = await attach(otherMonitor, id, CHROMIUM_PNG, 'image/png');
    expect(refused.statusCode).toBe(404);
    expect(
      await env.database.db.select().from(zoneEvidenceFiles).where(eq(zoneEvidenceFiles.observationId, id)),
    ).toEqual([]);
  });

  it('refuses a PDF, a type it cannot clean, a damaged image, an empty body and JSON, each with a clear problem', async () => {
    const id = await recorded();
    const pdf = await attach(
      monitor,
      id,
      Buffer.from('%PDF-1.7\n1 0 obj << /Author (A. Monitor) >>'),
      'application/pdf',
      'report.pdf',
    );
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'unsupported_media_type', reason: 'pdf_not_cleanable' });
    expect(pdf.json().detail).toContain('PDF');
    const gif = await attach(monitor, id, Buffer.from('GIF89a\u0001\u0000'), 'image/gif', 'a.gif');
    expect(gif.json()).toMatchObject({ status: 415, reason: 'unsupported_type' });
    const nul = await attach(monitor, id, Buffer.from('\u0000\u0000\u0000 not an image'), 'application/octet-stream');
    expect(nul.json()).toMatchObject({ status: 415, reason: 'unsupported_type' });
    const cut = await attach(monitor, id, CHROMIUM_JPEG.subarray(0, 400));
    expect(cut.statusCode).toBe(400);
    expect(cut.json().errors[0]).toMatchObject({ field: 'body', code: 'damaged_file' });
    const empty = await attach(monitor, id, Buffer.alloc(0), 'image/png');
    expect(empty.statusCode).toBe(400);
    const json = await monitor.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/files?name=a.png`,
      payload: { file: CHROMIUM_PNG.toString('base64') },
    });
    expect(json.statusCode).toBe(415);
    const noName = await monitor.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/files`,
      headers: { 'content-type': 'image/png' },
      payload: CHROMIUM_PNG,
    });
    expect(noName.statusCode).toBe(400);
    expect(
      await env.database.db.select().from(zoneEvidenceFiles).where(eq(zoneEvidenceFiles.observationId, id)),
    ).toEqual([]);
  });

  it('refuses a file over 10 MB with 413 and says the limit, without storing it', async () => {
    const id = await recorded();
    const huge = Buffer.concat([CHROMIUM_JPEG.subarray(0, 20), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const response = await attach(monitor, id, huge);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', reason: 'evidence_file' });
    expect(response.json().detail).toContain('10');
    expect(
      await env.database.db.select().from(zoneEvidenceFiles).where(eq(zoneEvidenceFiles.observationId, id)),
    ).toEqual([]);
  });

  it('refuses a body sent in chunks once it passes 10 MB, without a declared length', async () => {
    const id = await recorded();
    const chunks = (function* () {
      yield CHROMIUM_JPEG.subarray(0, 20);
      for (let i = 0; i < 11; i++) yield Buffer.alloc(1024 * 1024);
    })();
    const response = await monitor.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/files?name=big.jpg`,
      headers: { 'content-type': 'image/jpeg' },
      payload: Readable.from(chunks),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().reason).toBe('evidence_file');
    expect(
      await env.database.db.select().from(zoneEvidenceFiles).where(eq(zoneEvidenceFiles.observationId, id)),
    ).toEqual([]);
  });

  it('accepts files while the value waits for a verifier, and refuses them once it is decided', async () => {
    const id = await recorded();
    await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'request_evidence', reason: 'A photo of the sign, please' },
    });
    expect((await attach(monitor, id, CHROMIUM_PNG, 'image/png', 'sign.png')).statusCode).toBe(201);
    await monitor.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/evidence`,
      payload: { evidenceNotes: 'Photo attached.' },
    });
    await verifier.request({
      method: 'POST',
      url: `/api/v1/observations/${id}/verification`,
      payload: { decision: 'confirm' },
    });
    const late = await attach(monitor, id, CHROMIUM_PNG, 'image/png');
    expect(late.statusCode).toBe(409);
    expect(late.json().reason).toBe('observation_decided');
  });
});

describe('cleanFileName', () => {
  it('keeps the last part of a path without control or direction characters', () => {
    expect(cleanFileName('C:\\Users\\amina\\photo.jpg')).toBe('photo.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('pho\u0007to\u202e.jpg')).toBe('photo.jpg');
    expect(cleanFileName('   ')).toBe('evidence');
    expect(cleanFileName('صورة الجسر.jpg')).toBe('صورة الجسر.jpg');
  });
});
