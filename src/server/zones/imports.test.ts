import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { verifyLog } from '../platform/audit/verify.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { importGazetteer, importObservations, importShapes } from './imports.ts';
import { zoneObservations, zones } from './tables.ts';

let env: TestEnvironment;
let db: Database;
let dir: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  db = env.database.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-imports-'));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

/** The problems an import was refused with (it must be refused). */
async function problemsOf(promise: Promise<unknown>): Promise<FieldError[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_failed');
  return (error as AppError).errors ?? [];
}

const zonesOf = (state: string) =>
  db
    .select({
      pcode: zones.pcode,
      parentPcode: zones.parentPcode,
      level: zones.level,
      names: zones.names,
      population: zones.population,
    })
    .from(zones)
    .where(like(zones.pcode, `${state}%`))
    .orderBy(asc(zones.pcode));

const auditCount = async (type: string) =>
  (await db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.eventType, type)))[0]!.n;

describe('importGazetteer', () => {
  const good = [
    'pcode,parent_pcode,level,name_en,name_ar,population',
    'QM,,state,Marenland,مارنلاند,',
    'QM01,QM,admin1,North,الشمال,50000',
    'QM0101,QM01,admin2,Alder,ألدر,12000',
    'QM0102,QM01,admin2,Birch,,8000',
  ].join('\n');

  it('creates every unit of a good file with one audit entry, and a second import changes nothing', async () => {
    const before = await auditCount('zones.gazetteer_imported');
    const first = await importGazetteer(db, file('good.csv', good));
    expect(first).toMatchObject({ zones: 4, created: 4, updated: 0, unchanged: 0 });
    expect(first.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await zonesOf('QM')).toEqual([
      { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland', ar: 'مارنلاند' }, population: null },
      { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North', ar: 'الشمال' }, population: 50000 },
      { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder', ar: 'ألدر' }, population: 12000 },
      { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2', names: { en: 'Birch' }, population: 8000 },
    ]);
    expect(await auditCount('zones.gazetteer_imported')).toBe(before + 1);

    const again = await importGazetteer(db, file('good-again.csv', good));
    expect(again).toMatchObject({ zones: 4, created: 0, updated: 0, unchanged: 4, fileHash: first.fileHash });
    expect(await auditCount('zones.gazetteer_imported')).toBe(before + 1);
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it('reports every bad row with its line and field, and writes nothing', async () => {
    const bad = [
      'pcode,name_en,population',
      'QN,Nordmark,',
      'QN01,East,-5',
      'QN02,,100',
      'QN0201,Lone,',
      'QX0301,Orphan,',
      'QN01,East again,',
    ].join('\n');
    const errors = await problemsOf(importGazetteer(db, file('bad.csv', bad)));
    expect(errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'line 3, population: not_a_count',
      'line 4, name_en: required',
      'line 6, pcode: no_parent',
      'line 7, pcode: duplicate',
    ]);
    expect(errors[0]!.message).toBe('"-5" is not a population: give a whole number, 0 or more');
    expect(errors[3]!.message).toBe('QN01 is also on line 3');
    expect(await zonesOf('QN')).toEqual([]);
  });

  it('refuses an unknown parent, a P-code outside its parent and a level above its parent', async () => {
    const errors = await problemsOf(
      importGazetteer(
        db,
        file(
          'hierarchy.csv',
          [
            'pcode,parent_pcode,level,name',
            'QM0103,QM09,,Cedar',
            'QM0104,QM02,,Dogwood',
            'QM0105,QM01,state,Elm',
            'QM0106,QM01,admin1,Fir',
          ].join('\n'),
        ),
      ),
    );
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'line 2, parent_pcode: no unit QM09 in the file or the gazetteer: add it to the file, or import the gazetteer that holds it first',
      'line 3, parent_pcode: no unit QM02 in the file or the gazetteer: add it to the file, or import the gazetteer that holds it first',
      'line 4, level: QM0105 cannot be a state (level 0): it has the parent QM01',
      'line 5, level: QM0106 must be below its parent QM01, which is admin1',
    ]);
  });

  it('places a unit under the parent the file gives even when its P-code does not begin with it, with a warning', async () => {
    const nested = await importGazetteer(db, file('nested.csv', 'pcode,parent_pcode,name\nQM0201,QM0101,Grove\n'), {
      dryRun: true,
    });
    expect(nested).toMatchObject({ zones: 1, created: 1, dryRun: true, levels: { admin3: 1 } });
    expect(nested.warnings).toEqual([
      "1 unit has a P-code that does not begin with the parent's (QM0201 in QM0101): each was placed under the parent the file gives",
    ]);
    expect((await zonesOf('QM0201')).length).toBe(0);
  });

  it('infers parents from the longest P-code prefix in the file or the gazetteer, and levels from depth', async () => {
    const result = await importGazetteer(
      db,
      file(
        'inferred.csv',
        ['name,pcode,population', 'Alder Village,QM0101001,300', 'South,QM02,', 'Pine,QM0201,'].join('\n'),
      ),
    );
    expect(result).toMatchObject({ created: 3, updated: 0 });
    const rows = (await zonesOf('QM')).filter((zone) => ['QM0101001', 'QM02', 'QM0201'].includes(zone.pcode));
    expect(rows).toEqual([
      { pcode: 'QM0101001', parentPcode: 'QM0101', level: 'admin3', names: { en: 'Alder Village' }, population: 300 },
      { pcode: 'QM02', parentPcode: 'QM', level: 'admin1', names: { en: 'South' }, population: null },
      { pcode: 'QM0201', parentPcode: 'QM02', level: 'admin2', names: { en: 'Pine' }, population: null },
    ]);
  });

  it('updates what changed and keeps what the file has no column for (other languages, population)', async () => {
    const result = await importGazetteer(db, file('rename.csv', 'pcode,name_en\nQM0101,Alder Vale\nQM0102,Birch\n'));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [alder] = (await zonesOf('QM0101')).filter((zone) => zone.pcode === 'QM0101');
    expect(alder).toMatchObject({ names: { en: 'Alder Vale', ar: 'ألدر' }, population: 12000 });
  });

  it('accepts the OCHA COD wide shape, from an XLSX workbook with an HXL row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('QO admin2');
    sheet.addRow([
      'admin0Name_en',
      'admin0Pcode',
      'admin1Name_en',
      'admin1Name_fr',
      'admin1Pcode',
      'admin2Name_en',
      'admin2Pcode',
    ]);
    sheet.addRow([
      '#country+name',
      '#adm0+code',
      '#adm1+name',
      '#adm1+name+i_fr',
      '#adm1+code',
      '#adm2+name',
      '#adm2+code',
    ]);
    sheet.addRow(['Oruvia', 'QO', 'Coast', 'Côte', 'QO01', 'Harbour', 'QO0101']);
    sheet.addRow(['Oruvia', 'QO', 'Coast', 'Côte', 'QO01', 'Dunes', 'QO0102']);
    sheet.addRow(['Oruvia', 'QO', 'Hills', 'Collines', 'QO02', 'Pass', 'QO0201']);
    const workbook = path.join(dir, 'cod.xlsx');
    await book.xlsx.writeFile(workbook);
    expect(await importGazetteer(db, workbook)).toMatchObject({ zones: 6, created: 6 });
    expect(await zonesOf('QO')).toEqual([
      { pcode: 'QO', parentPcode: null, level: 'state', names: { en: 'Oruvia' }, population: null },
      { pcode: 'QO01', parentPcode: 'QO', level: 'admin1', names: { en: 'Coast', fr: 'Côte' }, population: null },
      { pcode: 'QO0101', parentPcode: 'QO01', level: 'admin2', names: { en: 'Harbour' }, population: null },
      { pcode: 'QO0102', parentPcode: 'QO01', level: 'admin2', names: { en: 'Dunes' }, population: null },
      { pcode: 'QO02', parentPcode: 'QO', level: 'admin1', names: { en: 'Hills', fr: 'Collines' }, population: null },
      { pcode: 'QO0201', parentPcode: 'QO02', level: 'admin2', names: { en: 'Pass' }, population: null },
    ]);
  });

  it('refuses a COD file that names one unit two ways, and a file without a P-code column', async () => {
    const errors = await problemsOf(
      importGazetteer(
        db,
        file(
          'cod-conflict.csv',
          'admin1Pcode,admin1Name_en,admin2Pcode,admin2Name_en\nQO03,Plain,QO0301,Ford\nQO03,Plains,QO0302,Mill\n',
        ),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ field: 'line 3, admin1name_en', message: 'QO03 is named "Plain" on line 2' }),
    ]);
    const noPcode = await problemsOf(importGazetteer(db, file('no-pcode.csv', 'name,population\nNowhere,1\n')));
    expect(noPcode).toEqual([expect.objectContaining({ field: 'line 1, pcode', code: 'missing_column' })]);
  });

  it('lists at most 50 problems', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => `QM09${String(i).padStart(2, '0')},Name,many`);
    const error = await importGazetteer(db, file('many.csv', `pcode,name_en,population\n${rows.join('\n')}\n`)).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.errors).toHaveLength(50);
    expect(error.params).toMatchObject({ problems: 80, truncated: 1 });
  });
});

describe('importShapes', () => {
  const square = (x: number, y: number) => [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ];
  const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
    type: 'Feature',
    properties,
    geometry,
  });

  it('sets the shapes of known zones by any common P-code property, and a second import changes nothing', async () => {
    const shapes = collection([
      feature(
        { ADM0_PCODE: 'QM', ADM1_PCODE: 'QM01', ADM2_PCODE: 'QM0101', ADM2_EN: 'Alder' },
        { type: 'Polygon', coordinates: square(30, 10) },
      ),
      feature({ admin2Pcode: 'QM0102' }, { type: 'MultiPolygon', coordinates: [square(31, 10), square(33, 10)] }),
    ]);
    const before = await auditCount('zones.gazetteer_imported');
    expect(await importShapes(db, file('shapes-dry.geojson', shapes), { dryRun: true })).toMatchObject({
      features: 2,
      shapes: 2,
    });
    const [unset] = await db.select({ shape: zones.shape }).from(zones).where(eq(zones.pcode, 'QM0101'));
    expect(unset?.shape).toBeNull();
    expect(await auditCount('zones.gazetteer_imported')).toBe(before);
    expect(await importShapes(db, file('shapes.geojson', shapes))).toMatchObject({
      features: 2,
      shapes: 2,
      unchanged: 0,
    });
    const [alder] = await db.select({ shape: zones.shape }).from(zones).where(eq(zones.pcode, 'QM0101'));
    expect(alder?.shape).toEqual({ type: 'Polygon', coordinates: square(30, 10) });
    expect(await auditCount('zones.gazetteer_imported')).toBe(before + 1);

    expect(await importShapes(db, file('shapes-again.geojson', shapes))).toMatchObject({ shapes: 0, unchanged: 2 });
    expect(await auditCount('zones.gazetteer_imported')).toBe(before + 1);
  });

  it('refuses an unknown P-code or a bad geometry with the feature index and field, and writes nothing', async () => {
    const open = square(40, 10);
    open[0]!.pop();
    open[0]!.push([40.5, 10.5]);
    const errors = await problemsOf(
      importShapes(
        db,
        file(
          'bad-shapes.geojson',
          collection([
            feature({ pcode: 'QM02' }, { type: 'Polygon', coordinates: square(35, 10) }),
            feature({ pcode: 'QM0999' }, { type: 'Polygon', coordinates: square(36, 10) }),
            feature({ pcode: 'QM0201' }, { type: 'Point', coordinates: [37, 10] }),
            feature({ PCODE: 'QO01' }, { type: 'Polygon', coordinates: open }),
            feature({ name: 'no code' }, { type: 'Polygon', coordinates: square(38, 10) }),
            feature(
              { pcode: 'QO02' },
              {
                type: 'Polygon',
                coordinates: [
                  [
                    [200, 10],
                    [201, 10],
                    [201, 11],
                    [200, 10],
                  ],
                ],
              },
            ),
          ]),
        ),
      ),
    );
    expect(errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'features[1].properties.pcode: unknown',
      'features[2].geometry.type: geometry',
      'features[3].geometry.coordinates[0]: geometry',
      'features[4].properties: required',
      'features[5].geometry.coordinates[0][0]: geometry',
    ]);
    const [south] = await db.select({ shape: zones.shape }).from(zones).where(eq(zones.pcode, 'QM02'));
    expect(south?.shape).toBeNull();
    expect(await problemsOf(importShapes(db, file('not-json.geojson', '{"type":')))).toEqual([
      expect.objectContaining({ field: 'file', code: 'geojson' }),
    ]);
  });
});

describe('importObservations', () => {
  let organisationId: string;
  const header = 'pcode,indicator,period,value,source,method,evidence_notes';
  /** Distinct good rows: ten zones, one month after another from 2001-01. */
  const rows = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const month = Math.floor(i / 10);
      const period = `${2001 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
      return `QT${String(i % 10).padStart(2, '0')},water_access,${period},${50 + (i % 40)},survey,Household survey,`;
    });
  const countOfOrganisation = async () =>
    (
      await db.select({ n: count() }).from(zoneObservations).where(eq(zoneObservations.organisationId, organisationId))
    )[0]!.n;

  beforeAll(async () => {
    organisationId = (await createTestOrganisation(env.app, { kind: 'independent_monitor' })).id;
    const units = [
      'pcode,name_en',
      'QT,Tarnesia',
      ...Array.from({ length: 10 }, (_, i) => `QT${String(i).padStart(2, '0')},Unit ${i}`),
    ];
    await importGazetteer(db, file('qt.csv', units.join('\n')));
  });

  const observationsOf = (period: string) =>
    db
      .select()
      .from(zoneObservations)
      .where(and(eq(zoneObservations.organisationId, organisationId), eq(zoneObservations.period, period)))
      .orderBy(asc(zoneObservations.pcode));

  const importFile = (
    name: string,
    lines: string[],
    onProgress?: (rows: number, bytes: number, total: number) => void,
  ) =>
    importObservations(db, env.app.platform.keyring, file(name, [header, ...lines].join('\n')), {
      organisationId,
      ...(onProgress ? { onProgress } : {}),
    });

  it('imports a good file with one audit entry, and the same file again creates nothing', async () => {
    const before = await auditCount('zones.observations_imported');
    const progress: [number, number, number][] = [];
    const first = await importFile(
      'good.csv',
      [
        'QT01,water_access,2026-03,71.5,survey,Household survey,Seen with the water committee',
        'QT02,active_hostilities,2026-03,no,Monitoring visit,Visit with the local council,',
        'QT03,security_incidents,2026-03-15,0.4,key_informant_interview,Interviews with elders,',
      ],
      (...report) => progress.push(report),
    );
    expect(first).toMatchObject({ rows: 3, created: 3, unchanged: 0 });
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await observationsOf('2026-03');
    expect(stored.map((o) => [o.pcode, o.indicator, o.value, o.source, o.status])).toEqual([
      ['QT01', 'water_access', 71.5, 'survey', 'pending'],
      ['QT02', 'active_hostilities', 0, 'monitoring_visit', 'pending'],
      ['QT03', 'security_incidents', 0.4, 'key_informant_interview', 'pending'],
    ]);
    expect(stored[0]!.evidenceNotes).toMatch(/^hw1\./);
    expect(await env.app.platform.keyring.decrypt(db, stored[0]!.evidenceNotes!, 'narrative')).toBe(
      'Seen with the water committee',
    );
    expect(progress.at(-1)).toEqual([
      3,
      fs.statSync(path.join(dir, 'good.csv')).size,
      fs.statSync(path.join(dir, 'good.csv')).size,
    ]);
    expect(await auditCount('zones.observations_imported')).toBe(before + 1);

    const again = await importObservations(db, env.app.platform.keyring, path.join(dir, 'good.csv'), {
      organisationId,
    });
    expect(again).toMatchObject({ rows: 3, created: 0, unchanged: 3 });
    expect(await observationsOf('2026-03')).toHaveLength(3);
    expect(await auditCount('zones.observations_imported')).toBe(before + 1);
  });

  it('checks a file with a dry run, answering what an import would do and writing nothing', async () => {
    const before = await auditCount('zones.observations_imported');
    const stored = await observationsOf('2026-04');
    const result = await importObservations(
      db,
      env.app.platform.keyring,
      file('dry.csv', [header, 'QT01,water_access,2026-04,60,survey,Household survey,'].join('\n')),
      { organisationId, dryRun: true },
    );
    expect(result).toMatchObject({ rows: 1, created: 1, unchanged: 0 });
    expect(await observationsOf('2026-04')).toEqual(stored);
    expect(await auditCount('zones.observations_imported')).toBe(before);
  });

  it('refuses a file with a bad row, writing none of its rows and leaving existing data as it was', async () => {
    expect(await countOfOrganisation()).toBe(3);
    const errors = await problemsOf(
      importFile('one-bad.csv', [...rows(2500), 'QT04,water_access,2026-05,140,survey,Household survey,']),
    );
    expect(errors).toEqual([
      { field: 'line 2502, value', code: 'range', message: 'The value must be between 0 and 100 (percent).' },
    ]);
    expect(await countOfOrganisation()).toBe(3);
    expect(await observationsOf('2026-03')).toHaveLength(3);
  });

  it('names the line and field of an unknown indicator, an unknown P-code, a bad source and a missing value', async () => {
    const errors = await problemsOf(
      importFile('unknowns.csv', [
        'QT05,happiness,2026-06,3,survey,Survey,',
        'QT99,water_access,2026-06,60,survey,Survey,',
        'QT06,water_access,2026-06,60,rumour,Survey,',
        'QT07,water_access,2026-6,,survey,Survey,',
        'QT08,,2026-06,1,survey,Survey,',
      ]),
    );
    expect(errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'line 2, indicator: unknown',
      'line 3, pcode: unknown',
      'line 4, source: enum',
      'line 5, period: format',
      'line 5, value: number',
      'line 6, indicator: required',
    ]);
    expect(await observationsOf('2026-06')).toEqual([]);
  });

  it('refuses a changed value for an observation already given, naming the line', async () => {
    const errors = await problemsOf(
      importFile('changed.csv', [
        'QT01,water_access,2026-03,71.5,survey,Household survey,',
        'QT02,active_hostilities,2026-03,1,monitoring_visit,Visit with the local council,',
        'QT05,water_access,2026-07,60,survey,Survey,',
      ]),
    );
    expect(errors).toEqual([
      {
        field: 'line 3, value',
        code: 'duplicate_observation',
        message: 'your organisation already gave 0 for QT02 active_hostilities 2026-03',
      },
    ]);
    expect((await observationsOf('2026-03')).map((o) => o.value)).toEqual([71.5, 0, 0.4]);
    expect(await observationsOf('2026-07')).toEqual([]);
  });

  it('refuses a row whose unquoted comma moves its values out from under their headers', async () => {
    const errors = await problemsOf(
      importFile('unquoted.csv', [
        'QT05,water_access,2026-08,60,survey,"Household survey, round 2",',
        'QT06,water_access,2026-08,60,survey,Household survey, round 2,Notes',
      ]),
    );
    expect(errors).toEqual([
      {
        field: 'line 3, column H',
        code: 'extra_cells',
        message: 'holds a value but the header has no column H: a value with a "," in it must be in double quotes',
      },
    ]);
    expect(await observationsOf('2026-08')).toEqual([]);
  });

  it('refuses a zone, indicator and period given twice in one file', async () => {
    const errors = await problemsOf(
      importFile('twice.csv', [
        'QT05,water_access,2026-07,60,survey,Survey,',
        'QT05,water_access,2026-07,61,survey,Survey,',
      ]),
    );
    expect(errors).toEqual([
      { field: 'line 3, indicator', code: 'duplicate', message: 'QT05 water_access 2026-07 is given twice' },
    ]);
  });

  it('refuses a file without the columns it needs, and an unknown organisation', async () => {
    const errors = await problemsOf(
      importObservations(
        db,
        env.app.platform.keyring,
        file('columns.csv', 'pcode,indicator,value\nQT01,water_access,1\n'),
        {
          organisationId,
        },
      ),
    );
    expect(errors.map((e) => e.field)).toEqual(['line 1, period', 'line 1, source', 'line 1, method']);
    await expect(
      importObservations(db, env.app.platform.keyring, path.join(dir, 'good.csv'), {
        organisationId: '01900000-0000-7000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads XLSX with an HXL row, and stops listing problems at 50', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Observations');
    sheet.addRow(['Zone', 'Indicator', 'Month', 'Value', 'Source', 'Method']);
    sheet.addRow(['#adm1+code', '#indicator+code', '#date+period', '#value', '#meta+source', '#meta+method']);
    sheet.addRow(['QT09', 'schools_functioning', '2026-08', 66, 'partner_report', 'Education cluster report']);
    sheet.addRow(['QT98', 'schools_functioning', '2026-08', 66, 'partner_report', 'Education cluster report']);
    const workbook = path.join(dir, 'observations.xlsx');
    await book.xlsx.writeFile(workbook);
    // The zone column is the deepest admin P-code (#adm1+code): a problem names it.
    expect(await problemsOf(importObservations(db, env.app.platform.keyring, workbook, { organisationId }))).toEqual([
      expect.objectContaining({ field: 'line 4, admin1pcode', code: 'unknown' }),
    ]);
    sheet.spliceRows(4, 1);
    await book.xlsx.writeFile(workbook);
    expect(await importObservations(db, env.app.platform.keyring, workbook, { organisationId })).toMatchObject({
      rows: 1,
      created: 1,
    });
    expect(
      await importFile(
        'many-bad.csv',
        Array.from({ length: 200 }, () => 'QT99,water_access,2026-09,1,survey,x,'),
      ).catch((e) => e),
    ).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ code: 'unknown' })]),
      params: { truncated: 1 },
    });
  });

  it('keeps a method with a tab, a backslash and a line break exactly as written, and adds only the new rows', async () => {
    const method = 'Survey\twith a back\\slash,\nover two lines';
    const quoted = `"${method.replaceAll('"', '""')}"`;
    const first = await importFile('special.csv', [`QT05,water_access,2026-02,60,survey,${quoted},Notes\\with\ttab`]);
    expect(first).toMatchObject({ created: 1 });
    const [stored] = await observationsOf('2026-02');
    expect(stored!.method).toBe(method);
    expect(await env.app.platform.keyring.decrypt(db, stored!.evidenceNotes!, 'narrative')).toBe('Notes\\with\ttab');
    // The same row again beside a new one: the first is unchanged, the second created.
    const second = await importFile('special-and-new.csv', [
      `QT05,water_access,2026-02,60,survey,${quoted},`,
      'QT06,water_access,2026-02,61,survey,Household survey,',
    ]);
    expect(second).toMatchObject({ rows: 2, created: 1, unchanged: 1 });
    expect((await observationsOf('2026-02')).map((o) => o.pcode)).toEqual(['QT05', 'QT06']);
  });
});
