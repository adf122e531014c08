import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { countStatements } from '../../../test/support/statements.ts';
import { createTestAccount, signIn, type TestClient } from '../platform/auth/test-support.ts';
import { setShapes, upsertZones } from './gazetteer.ts';
import { zoneAssessments } from './tables.ts';

/** The staff zone list and zone page: what the gazetteer and the assessments say, in few statements. */
let env: TestEnvironment;
let reader: TestClient;

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await upsertZones(db, [
    { pcode: 'QS', parentPcode: null, level: 'state', names: { en: 'Sorrel' }, population: null },
    { pcode: 'QS01', parentPcode: 'QS', level: 'admin1', names: { en: 'East' }, population: null },
    { pcode: 'QS0101', parentPcode: 'QS01', level: 'admin2', names: { en: 'Ash' }, population: 900 },
    { pcode: 'QS0102', parentPcode: 'QS01', level: 'admin2', names: { en: 'Elm' }, population: 700 },
    { pcode: 'QS010101', parentPcode: 'QS0101', level: 'location', names: { en: 'Ash Ford' }, population: 90 },
  ]);
  await setShapes(db, new Map([['QS01', { type: 'Point', coordinates: [1, 2] }]]));
  const assessment = (
    pcode: string,
    period: string,
    zoneClass: 'conducive' | 'not_conducive' | 'insufficient_data',
  ) => ({
    pcode,
    period,
    stateCode: 'QS',
    frameworkVersion: 1,
    class: zoneClass,
    classification: { class: zoneClass, criteria: [], deciding: [], summary: '' },
  });
  await db
    .insert(zoneAssessments)
    .values([
      assessment('QS0101', '2026-01', 'conducive'),
      assessment('QS0101', '2026-02', 'insufficient_data'),
      assessment('QS0102', '2026-02', 'not_conducive'),
    ]);
  reader = await signIn(env.app, await createTestAccount(env.app, { roles: ['verifier'] }));
});
afterAll(() => env.close());

const get = async (url: string) => {
  const response = await reader.request({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};
type Summary = { pcode: string; class: string | null; period: string | null; hasShape: boolean };

describe('the staff zone list', () => {
  it('pages the filtered zones with their total, also past the end', async () => {
    const first = await get('/api/v1/zones?q=QS&limit=2');
    expect(first.body.total).toBe(5);
    expect(first.body.items.map((z: Summary) => z.pcode)).toEqual(['QS', 'QS01']);
    expect(first.body.items[1].hasShape).toBe(true);
    const last = await get('/api/v1/zones?q=QS&limit=2&offset=4');
    expect(last.body).toMatchObject({ total: 5, items: [{ pcode: 'QS0102' }] });
    expect((await get('/api/v1/zones?q=QS&offset=10')).body).toEqual({ total: 5, items: [] });
    expect((await get('/api/v1/zones?q=QS&level=admin2')).body.total).toBe(2);
    expect((await get('/api/v1/zones?q=nowhere')).body).toEqual({ total: 0, items: [] });
  });

  it('shows each zone’s class in the latest assessed period, or in the period asked', async () => {
    const classes = (body: { items: Summary[] }) =>
      Object.fromEntries(body.items.map((z) => [z.pcode, z.class && `${z.class} ${z.period}`]));
    expect(classes((await get('/api/v1/zones?parent=QS01')).body)).toEqual({
      QS0101: 'insufficient_data 2026-02',
      QS0102: 'not_conducive 2026-02',
    });
    expect(classes((await get('/api/v1/zones?parent=QS01&period=2026-01')).body)).toEqual({
      QS0101: 'conducive 2026-01',
      QS0102: null,
    });
  });

  it('is read in three statements beyond the session’s', async () => {
    const statements = await countStatements(env.database, () => get('/api/v1/zones?q=QS'));
    if (statements !== undefined) expect(statements).toBe(4);
  });
});

describe('a staff zone page', () => {
  it('names the zone’s ancestors from the state down, its children and its assessments', async () => {
    const location = await get('/api/v1/zones/QS010101');
    expect(location.status).toBe(200);
    expect(location.body.zone).toMatchObject({ pcode: 'QS010101', parentPcode: 'QS0101', hasShape: false });
    expect(location.body.ancestors.map((z: Summary) => [z.pcode, z.hasShape])).toEqual([
      ['QS', false],
      ['QS01', true],
      ['QS0101', false],
    ]);
    expect(location.body.children).toEqual([]);

    const district = (await get('/api/v1/zones/QS0101')).body;
    expect(district.ancestors.map((z: Summary) => z.pcode)).toEqual(['QS', 'QS01']);
    expect(district.children.map((z: Summary) => z.pcode)).toEqual(['QS010101']);
    expect(district.assessments.map((a: { period: string }) => a.period)).toEqual(['2026-02', '2026-01']);
    expect((await get('/api/v1/zones/QS')).body.ancestors).toEqual([]);
  });

  it('answers 404 for a zone not in the gazetteer', async () => {
    const missing = await get('/api/v1/zones/QS9999');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('is read in five statements beyond the session’s, however deep the zone', async () => {
    await get('/api/v1/zones/QS010101');
    const statements = await countStatements(env.database, () => get('/api/v1/zones/QS010101'));
    if (statements !== undefined) expect(statements).toBe(6);
  });
});
