import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from '../../platform/auth/test-support.ts';
import { createTestZones } from '../../zones/test-support.ts';
import { odkExportFiles, zipOf } from '../files/zip-test-support.ts';
import { insertTestFollowUps, insertTestInstrument } from '../response-imports-test-support.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'files', 'fixtures', 'responses');
const fixture = (name: string, refs: readonly string[] = []) =>
  refs.reduce(
    (text, ref, i) => text.replaceAll(`{{REF${i + 1}}}`, ref),
    fs.readFileSync(path.join(FIXTURES, name), 'utf8'),
  );
const base64 = (text: string) => Buffer.from(text).toString('base64');

let env: TestEnvironment;
let coordinator: TestAccount;
let client: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment({ outcomeImportMaxBytes: 64 * 1024 });
  await createTestZones(env.database.db);
  await insertTestInstrument(env.database.db);
  coordinator = await createTestAccount(env.app, { roles: ['coordinator'] });
  client = await signIn(env.app, coordinator);
});

afterAll(async () => {
  await env.close();
});

const post = (payload: unknown, as = client) =>
  as.request({ method: 'POST', url: '/api/v1/outcomes/imports', payload: payload as object });

describe('POST /api/v1/outcomes/imports', () => {
  it('imports a Kobo CSV and answers the counts; the same file again is unchanged', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const made = await insertTestFollowUps(env.database.db, env.app.platform.keyring, {
        organisationId: coordinator.organisationId,
        recordedBy: coordinator.userId,
      });
      refs.push(made.reference);
    }
    const body = {
      formId: 'homeward_reintegration',
      fileName: 'reintegration_2026.csv',
      contentBase64: base64(fixture('kobo-returnees.csv', refs)),
    };
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, unchanged: 0, population: 'returnee', rows: 3 });
    const again = await post(body);
    expect(again.json()).toMatchObject({ created: 0, unchanged: 3 });
  });

  it("imports ODK Central's zip with its repeat, and refuses one that would unzip beyond the limit", async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const made = await insertTestFollowUps(env.database.db, env.app.platform.keyring, {
        organisationId: coordinator.organisationId,
        recordedBy: coordinator.userId,
      });
      refs.push(made.reference);
    }
    const { main, repeat } = odkExportFiles(refs);
    const body = {
      formId: 'homeward_reintegration',
      fileName: 'homeward_reintegration.zip',
      contentBase64: zipOf([main, repeat]).toString('base64'),
    };
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, unchanged: 0, rows: 3 });
    expect((await post(body)).json()).toMatchObject({ created: 0, unchanged: 3 });

    // A few bytes that declare a repeat CSV of 3 GB: refused before anything is unzipped.
    const bomb = zipOf([main, { ...repeat, declaredSize: 3 * 1024 * 1024 * 1024 }]);
    const refused = await post({ ...body, contentBase64: bomb.toString('base64') });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', code: 'too_large', message: expect.stringContaining('unzips to more than 512 MB') }],
    });
  });

  it('answers 400 naming the line and field of each refused row', async () => {
    const response = await post({
      formId: 'homeward_reintegration',
      fileName: 'residents.csv',
      contentBase64: base64(fixture('kobo-residents.csv').replace(',QM0101,', ',QM7777,')),
      population: 'resident',
      round: 3,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'line 2, zone', code: 'unknown_zone' }],
    });
  });

  it('refuses a round that is no round, an unknown form, a file that is not base64, and a file too large', async () => {
    const base = { formId: 'homeward_reintegration', fileName: 'x.csv', contentBase64: base64('a;b\n1;2\n') };
    expect((await post({ ...base, round: 2 })).statusCode).toBe(400);
    const unknown = await post({ ...base, formId: 'another_form' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', reason: 'outcome_instrument' });
    const broken = await post({ ...base, contentBase64: 'not base64!' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].field).toContain('contentBase64');
    const huge = await post({ ...base, contentBase64: 'A'.repeat(200 * 1024) });
    expect(huge.statusCode).toBe(413);
    const nul = await post({ ...base, fileName: 'a\u0000.csv' });
    expect(nul.statusCode).toBe(400);
  });

  it('is refused to a role without response:import, and to anonymous callers', async () => {
    const verifier = await createTestAccount(env.app, {
      roles: ['verifier'],
      organisationId: coordinator.organisationId,
    });
    const as = await signIn(env.app, verifier);
    const body = { formId: 'homeward_reintegration', fileName: 'x.csv', contentBase64: base64('a') };
    expect((await post(body, as)).statusCode).toBe(403);
    const anonymous = await env.app.inject({ method: 'POST', url: '/api/v1/outcomes/imports', payload: body });
    expect(anonymous.statusCode).toBe(401);
  });
});
