import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, createTestOrganisation, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { ODK_FORM } from './files/fixtures/build-fixtures.ts';
import { workbookBytes } from './files/xlsform-book.ts';
import { DEFAULT_INSTRUMENT_PATH, ensureDefaultInstrument, instrumentByFormId } from './instruments.ts';
import { outcomeInstruments } from './tables.ts';

/**
 * Survey instruments through the API: an XLSForm imported by a coordinator, the same workbook again without
 * change, another workbook under the same version refused, a bad form refused with every problem by row and
 * nothing stored, and who may import and read.
 */
let env: TestEnvironment;
let coordinator: TestClient;
let monitor: TestClient;
let donor: TestClient;

const account = async (organisationId: string, role: Role) =>
  signIn(env.app, await createTestAccount(env.app, { organisationId, roles: [role] }));

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'files', 'fixtures', name));
const body = (fileName: string, bytes: Uint8Array) => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString('base64'),
});
const post = (client: TestClient, payload: unknown, language = 'en') =>
  client.request({
    method: 'POST',
    url: '/api/v1/outcomes/instruments',
    payload: payload as never,
    headers: { 'accept-language': language },
  });

const stored = async () => (await env.database.db.select().from(outcomeInstruments)).length;

beforeAll(async () => {
  env = await createTestEnvironment();
  const centre = (await createTestOrganisation(env.app, { kind: 'monitoring_centre' })).id;
  coordinator = await account(centre, 'coordinator');
  monitor = await account(centre, 'field_monitor');
  donor = await account(centre, 'donor');
});
afterAll(() => env.close());

describe('POST /api/v1/outcomes/instruments', () => {
  it('imports a Kobo form once, answers the same workbook again unchanged, and lists it', async () => {
    const bytes = fixture('kobo_household.xlsx');
    const first = await post(coordinator, body('kobo_household.xlsx', bytes));
    expect(first.statusCode).toBe(201);
    const created = first.json();
    expect(created).toMatchObject({
      created: true,
      instrument: {
        formId: 'kobo_household',
        version: 'vXkR2Lw4nE7',
        languages: ['en', 'ar'],
        defaultLanguage: 'en',
        questions: 5,
        latest: true,
      },
    });
    const again = await post(coordinator, body('renamed.xlsx', bytes));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, instrument: { id: created.instrument.id } });

    const entries = await env.database.db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'outcomes.instrument_imported'));
    expect(entries.map((e) => e.details)).toEqual([
      { instrumentId: created.instrument.id, formId: 'kobo_household', version: 'vXkR2Lw4nE7', questions: 5 },
    ]);

    const list = await monitor.request({ method: 'GET', url: '/api/v1/outcomes/instruments' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { formId: string }) => i.formId)).toContain('kobo_household');

    const one = await donor.request({ method: 'GET', url: `/api/v1/outcomes/instruments/${created.instrument.id}` });
    expect(one.statusCode).toBe(403);
    const read = await monitor.request({ method: 'GET', url: `/api/v1/outcomes/instruments/${created.instrument.id}` });
    expect(read.statusCode).toBe(200);
    const definition = read.json().definition;
    expect(definition.children.map((n: { name: string }) => n.name)).toContain('household');
    expect(definition.choices.yes_no).toEqual([
      { name: 'yes', label: { en: 'Yes', ar: 'نعم' } },
      { name: 'no', label: { en: 'No', ar: 'لا' } },
    ]);
  });

  it('refuses another workbook under a version already imported, naming the stored one', async () => {
    const first = await post(
      coordinator,
      body('odk-follow-up.xlsx', await workbookBytes({ ...ODK_FORM, settings: [['version'], ['3']] })),
    );
    expect(first.statusCode).toBe(201);
    const changed = structuredClone(ODK_FORM);
    changed.survey![1]![2] = 'Day of the visit';
    const before = await stored();
    const second = await post(
      coordinator,
      body('odk-follow-up.xlsx', await workbookBytes({ ...changed, settings: [['version'], ['3']] })),
      'fr',
    );
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'conflict',
      reason: 'instrument_version_exists',
      existing: { id: first.json().instrument.id, href: `/api/v1/outcomes/instruments/${first.json().instrument.id}` },
    });
    expect(second.json().detail).toContain('La version 3 du formulaire odk-follow-up');
    expect(await stored()).toBe(before);
    // A new version is a new instrument, and becomes the latest.
    const next = await post(
      coordinator,
      body('odk-follow-up.xlsx', await workbookBytes({ ...changed, settings: [['version'], ['4']] })),
    );
    expect(next.statusCode).toBe(201);
    expect((await instrumentByFormId(env.database.db, 'odk-follow-up'))!.version).toBe('4');
    expect((await instrumentByFormId(env.database.db, 'odk-follow-up', '3'))!.id).toBe(first.json().instrument.id);
  });

  it('refuses a bad form with each problem naming its sheet, row and question, and stores nothing', async () => {
    const before = await stored();
    const response = await post(coordinator, body('bad-form.xlsx', fixture('bad-form.xlsx')));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toHaveLength(10);
    expect(problem.errors).toContainEqual({
      field: 'survey, row 5, colour',
      code: 'missing_list',
      message: 'select_one colour names the choice list colours, which the choices sheet does not have',
    });
    expect(await stored()).toBe(before);
  });

  it('refuses an old .xls, a body that is not base64, a path as file name, and an oversized workbook', async () => {
    const xls = await post(coordinator, body('form.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])));
    expect(xls.statusCode).toBe(400);
    expect(xls.json().errors[0]).toMatchObject({ field: 'file', code: 'old_format' });
    const notBase64 = await post(coordinator, { fileName: 'form.xlsx', contentBase64: 'not base64!' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().errors[0].field).toBe('body.contentBase64');
    const folder = await post(coordinator, { fileName: '../../etc/passwd', contentBase64: 'AAAA' });
    expect(folder.json().errors[0].field).toBe('body.fileName');
    const nul = await post(coordinator, { fileName: 'a\u0000.xlsx', contentBase64: 'AAAA' });
    expect(nul.statusCode).toBe(400);
    const big = await post(coordinator, { fileName: 'big.xlsx', contentBase64: 'A'.repeat(960_000) });
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0]).toMatchObject({ field: 'body.contentBase64' });
    const huge = await post(coordinator, { fileName: 'huge.xlsx', contentBase64: 'A'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
  });

  it('stores a version once when two people import it at the same moment', async () => {
    const bytes = await workbookBytes({
      ...ODK_FORM,
      settings: [
        ['form_id', 'version'],
        ['same_moment', '1'],
      ],
    });
    const answers = await Promise.all([
      post(coordinator, body('a.xlsx', bytes)),
      post(coordinator, body('b.xlsx', bytes)),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => a.json().instrument.id)).size).toBe(1);
  });

  it('lets only coordinators and administrators import', async () => {
    const refused = await post(monitor, body('kobo_household.xlsx', fixture('kobo_household.xlsx')));
    expect(refused.statusCode).toBe(403);
    const anonymous = await env.app.inject({
      method: 'POST',
      url: '/api/v1/outcomes/instruments',
      payload: body('kobo_household.xlsx', fixture('kobo_household.xlsx')),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 404 for an instrument that does not exist', async () => {
    const response = await monitor.request({
      method: 'GET',
      url: '/api/v1/outcomes/instruments/0190a8f0-0000-7000-8000-000000000000',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().reason).toBe('instrument');
  });
});

describe('ensureDefaultInstrument', () => {
  it('imports the shipped workbook once', async () => {
    const first = await ensureDefaultInstrument(env.database.db);
    const second = await ensureDefaultInstrument(env.database.db);
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({ formId: 'homeward_reintegration', version: '2026.1', languages: ['en', 'ar', 'fr'] });
    expect(fs.existsSync(DEFAULT_INSTRUMENT_PATH)).toBe(true);
    expect((await instrumentByFormId(env.database.db))!.id).toBe(first.id);
  });
});
