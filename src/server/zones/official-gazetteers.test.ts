import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { importGazetteer, importShapes } from './imports.ts';
import { zones } from './tables.ts';

/**
 * Gazetteers as OCHA and HDX publish them, in their P-code shapes: Iraq (IQ, IQG07, IQG07Q02), Myanmar (MMR,
 * MMR001, MMR001D001, townships MMR001001 that do not begin with their district's code), Burundi (BDI, BDI001,
 * BDI001001), Madagascar (MG11101001A), Kyrgyzstan's zero-padded codes, digits-only codes and the global P-code
 * list. The CSV files are in test/fixtures/gazetteers; the workbooks are made here.
 */

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/gazetteers');
const fixture = (name: string) => path.join(FIXTURES, name);

let env: TestEnvironment;
let db: Database;
let dir: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  db = env.database.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-gazetteers-'));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};

async function workbook(name: string, sheets: Record<string, unknown[][]>, hidden: string[] = []): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName, hidden.includes(sheetName) ? { state: 'hidden' } : {});
    for (const row of rows) sheet.addRow(row);
  }
  const target = path.join(dir, name);
  await book.xlsx.writeFile(target);
  return target;
}

async function problemsOf(promise: Promise<unknown>): Promise<FieldError[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_failed');
  return (error as AppError).errors ?? [];
}

const zonesOf = (prefix: string) =>
  db
    .select({ pcode: zones.pcode, parentPcode: zones.parentPcode, level: zones.level, names: zones.names })
    .from(zones)
    .where(like(zones.pcode, `${prefix}%`))
    .orderBy(asc(zones.pcode));

const gazetteerAudits = async () =>
  (await db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.eventType, 'zones.gazetteer_imported')))[0]!
    .n;

describe('official gazetteers as published', () => {
  it('imports the Iraq COD table (ADM2_EN, ADM2_AR, ADM2_PCODE…) with its IQG07Q02 P-codes, then changes nothing', async () => {
    const result = await importGazetteer(db, fixture('irq_adm2_cod.csv'));
    expect(result).toMatchObject({
      zones: 14,
      created: 14,
      levels: { state: 1, admin1: 2, admin2: 11 },
      sheets: [{ sheet: null, rows: 11, levels: { admin2: 11 } }],
      warnings: [],
    });
    const diyala = await zonesOf('IQG07');
    expect(diyala.slice(0, 3)).toEqual([
      { pcode: 'IQG07', parentPcode: 'IQ', level: 'admin1', names: { en: 'Diyala', ar: 'ديالى' } },
      { pcode: 'IQG07Q01', parentPcode: 'IQG07', level: 'admin2', names: { en: 'Al-Khalis', ar: 'الخالص' } },
      { pcode: 'IQG07Q02', parentPcode: 'IQG07', level: 'admin2', names: { en: 'Al-Muqdadiya', ar: 'المقدادية' } },
    ]);
    expect(await zonesOf('IQ')).toContainEqual({
      pcode: 'IQ',
      parentPcode: null,
      level: 'state',
      names: { en: 'Iraq', ar: 'العراق' },
    });
    expect(await importGazetteer(db, fixture('irq_adm2_cod.csv'))).toMatchObject({ created: 0, unchanged: 14 });
  });

  it('imports an HDX HXL-tagged Burundi table, reading #country+code and the French names, and says which column it left', async () => {
    const result = await importGazetteer(db, fixture('bdi_adm2_hxl.csv'));
    expect(result).toMatchObject({ zones: 9, created: 9, levels: { state: 1, admin1: 2, admin2: 6 } });
    // #adm1+who+code beside #adm1+code: the plain tag is read, and the summary says so.
    expect(result.warnings).toEqual([
      'the file: column E (#adm1+who+code) was not read: column D (#adm1+code) gives admin1pcode, and HXL reads the tag without extra attributes',
    ]);
    expect(await zonesOf('BDI001')).toEqual([
      { pcode: 'BDI001', parentPcode: 'BDI', level: 'admin1', names: { en: 'Bubanza', fr: 'Bubanza' } },
      { pcode: 'BDI001001', parentPcode: 'BDI001', level: 'admin2', names: { en: 'Bubanza', fr: 'Bubanza' } },
      { pcode: 'BDI001002', parentPcode: 'BDI001', level: 'admin2', names: { en: 'Gihanga', fr: 'Gihanga' } },
      { pcode: 'BDI001003', parentPcode: 'BDI001', level: 'admin2', names: { en: 'Mpanda', fr: 'Mpanda' } },
    ]);
    expect((await zonesOf('BDI'))[0]).toEqual({
      pcode: 'BDI',
      parentPcode: null,
      level: 'state',
      names: { en: 'Burundi' },
    });
  });

  it('imports every admin sheet of a Myanmar COD workbook (mmr_admin0…mmr_admin3), warning that townships do not nest by prefix', async () => {
    const header = (n: number) =>
      Array.from({ length: n + 1 }, (_, k) => n - k).flatMap((k) => [`ADM${k}_EN`, `ADM${k}_MY`, `ADM${k}_PCODE`]);
    const kachin = ['Kachin', 'ကချင်ပြည်နယ်', 'MMR001'];
    const myanmar = ['Myanmar', 'မြန်မာ', 'MMR'];
    const myitkyina = ['Myitkyina', 'မြစ်ကြီးနား', 'MMR001D001'];
    const file = await workbook(
      'mmr_adminboundaries_tabulardata.xlsx',
      {
        Metadata: [
          ['Source', 'MIMU'],
          ['Date', '2024-03-01'],
        ],
        mmr_admin0: [header(0), myanmar],
        mmr_admin1: [header(1), [...kachin, ...myanmar], ['Kayah', 'ကယားပြည်နယ်', 'MMR002', ...myanmar]],
        mmr_admin2: [
          header(2),
          [...myitkyina, ...kachin, ...myanmar],
          ['Loikaw', 'လွိုင်ကော်', 'MMR002D001', 'Kayah', 'ကယားပြည်နယ်', 'MMR002', ...myanmar],
        ],
        mmr_admin3: [
          header(3),
          ['Myitkyina', 'မြစ်ကြီးနား', 'MMR001001', ...myitkyina, ...kachin, ...myanmar],
          ['Waingmaw', 'ဝိုင်းမော်', 'MMR001002', ...myitkyina, ...kachin, ...myanmar],
          ['Injangyang', 'အင်ဂျန်းယန်', 'MMR001003', ...myitkyina, ...kachin, ...myanmar],
        ],
        Old: [header(1), ['Kachin', '', 'MMR001', ...myanmar]],
        mmr_admin4: [],
      },
      ['Old'],
    );
    const result = await importGazetteer(db, file);
    expect(result).toMatchObject({
      zones: 8,
      created: 8,
      levels: { state: 1, admin1: 2, admin2: 2, admin3: 3 },
      sheets: [
        { sheet: 'mmr_admin0', rows: 1, levels: { state: 1 } },
        { sheet: 'mmr_admin1', rows: 2, levels: { admin1: 2 } },
        { sheet: 'mmr_admin2', rows: 2, levels: { admin2: 2 } },
        { sheet: 'mmr_admin3', rows: 3, levels: { admin3: 3 } },
      ],
      ignored: [
        { sheet: 'Metadata', reason: 'not an admin level sheet' },
        { sheet: 'Old', reason: 'hidden' },
        { sheet: 'mmr_admin4', reason: 'empty' },
      ],
    });
    expect(result.warnings).toEqual([
      "3 units have P-codes that do not begin with the parent's (MMR001001 in MMR001D001, MMR001002 in MMR001D001, " +
        'MMR001003 in MMR001D001): each was placed under the parent the file gives',
    ]);
    expect(await zonesOf('MMR001')).toContainEqual({
      pcode: 'MMR001002',
      parentPcode: 'MMR001D001',
      level: 'admin3',
      names: { en: 'Waingmaw', my: 'ဝိုင်းမော်' },
    });
  });

  it('reads only the sheets --sheet names, and Kyrgyzstan codes that are zero-padded rather than nested', async () => {
    const file = await workbook('kgz.xlsx', {
      ADM0: [
        ['ADM0_EN', 'ADM0_PCODE'],
        ['Kyrgyzstan', 'KG'],
      ],
      ADM1: [
        ['ADM1_EN', 'ADM1_RU', 'ADM1_PCODE', 'ADM0_PCODE'],
        ['Batken', 'Баткенская область', 'KG08000000000', 'KG'],
      ],
      ADM2: [
        ['ADM2_EN', 'ADM2_PCODE', 'ADM1_PCODE', 'ADM0_PCODE'],
        ['Batken', 'KG08201000000', 'KG08000000000', 'KG'],
        ['Kadamjai', 'KG08203000000', 'KG08000000000', 'KG'],
      ],
    });
    const first = await importGazetteer(db, file, { sheets: ['adm0', 'ADM1'], dryRun: true });
    expect(first).toMatchObject({
      zones: 2,
      created: 2,
      dryRun: true,
      ignored: [{ sheet: 'ADM2', reason: 'not named with --sheet' }],
    });
    expect(await zonesOf('KG')).toEqual([]);
    const all = await importGazetteer(db, file);
    expect(all).toMatchObject({ zones: 4, created: 4, levels: { state: 1, admin1: 1, admin2: 2 } });
    expect(all.warnings).toEqual([
      "2 units have P-codes that do not begin with the parent's (KG08201000000 in KG08000000000, KG08203000000 in " +
        'KG08000000000): each was placed under the parent the file gives',
    ]);
    expect(await problemsOf(importGazetteer(db, file, { sheets: ['ADM3'] }))).toEqual([
      expect.objectContaining({
        field: 'file',
        message: 'the workbook has no sheet "ADM3": its sheets are ADM0, ADM1, ADM2',
      }),
    ]);
  });

  it('reads the newer COD layout: names in the language of the lang columns, English from adm*_ref, P-codes with a trailing letter', async () => {
    const result = await importGazetteer(db, fixture('mdg_adm4_cod_lang.csv'));
    expect(result).toMatchObject({
      zones: 7,
      levels: { state: 1, admin1: 1, admin2: 1, admin3: 1, admin4: 3 },
      columnsNotRead: [{ sheet: null, columns: ['valid_on'] }],
    });
    const rows = await zonesOf('MG');
    expect(rows.find((row) => row.pcode === 'MG')).toEqual({
      pcode: 'MG',
      parentPcode: null,
      level: 'state',
      names: { en: 'Madagascar', fr: 'Madagascar', mg: 'Madagasikara' },
    });
    expect(rows.find((row) => row.pcode === 'MG11101')?.names).toEqual({
      fr: 'Antananarivo Ier Arrondissement',
      en: 'Antananarivo I',
    });
    expect(rows.find((row) => row.pcode === 'MG11101001A')).toMatchObject({ parentPcode: 'MG11101', level: 'admin4' });
  });

  it('reads the global P-code list: a numeric level, and the country ISO3 code as the first level’s parent', async () => {
    // Without the country in the gazetteer: one problem for the missing parent, not one a row.
    const before = await gazetteerAudits();
    expect(await problemsOf(importGazetteer(db, fixture('global_pcodes_afg.csv')))).toEqual([
      {
        field: 'line 3, parent_pcode',
        code: 'unknown_parent',
        message:
          'no unit AFG in the file or the gazetteer (the parent of 3 units; this is the first): add it to the file, ' +
          'or import the gazetteer that holds it first',
      },
    ]);
    expect(await zonesOf('AF')).toEqual([]);
    expect(await gazetteerAudits()).toBe(before);
    await importGazetteer(db, file('afg.csv', 'pcode,name_en\nAF,Afghanistan\n'));
    const result = await importGazetteer(db, fixture('global_pcodes_afg.csv'));
    expect(result).toMatchObject({
      zones: 7,
      created: 7,
      levels: { admin1: 3, admin2: 4 },
      columnsNotRead: [{ sheet: null, columns: ['Location', 'Valid from date'] }],
    });
    expect(result.warnings).toEqual([
      'the parent AFG (a country code) is not in the file or the gazetteer: 3 units (AF01, AF02, AF03) are placed ' +
        'under the state AF, whose P-code begins theirs',
    ]);
    expect((await zonesOf('AF01'))[0]).toEqual({
      pcode: 'AF01',
      parentPcode: 'AF',
      level: 'admin1',
      names: { en: 'Kabul' },
    });
  });

  it('accepts digits-only P-codes placed by the parent column, warning of siblings whose codes differ in length', async () => {
    const result = await importGazetteer(
      db,
      file(
        'digits.csv',
        'pcode,parent_pcode,level,name_en\nQZ,,0,Qazland\n35,QZ,1,Lakes\n3501000,35,2,Shore\n3502000,35,2,Marsh\n350300,35,2,Reed\n',
      ),
    );
    expect(result).toMatchObject({ zones: 5, created: 5, levels: { state: 1, admin1: 1, admin2: 3 } });
    expect(result.warnings).toContain(
      '1 unit has children whose P-codes differ in length (350300 and 3501000 in 35): check that no code is cut short or mistyped',
    );
    const [shore] = await db
      .select({ parent: zones.parentPcode, level: zones.level })
      .from(zones)
      .where(eq(zones.pcode, '3501000'));
    expect(shore).toEqual({ parent: '35', level: 'admin2' });
  });
});

describe('gazetteer files refused whole', () => {
  it('refuses a file cut short in its last row, naming the line, and writes nothing', async () => {
    const errors = await problemsOf(importGazetteer(db, fixture('gin_truncated.csv')));
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'line 9, file',
        code: 'truncated',
        message: expect.stringMatching(/cut short/),
      }),
    ]);
    expect(await zonesOf('GN')).toEqual([]);
  });

  it('refuses a quote that is never closed in words about the file, not the parser', async () => {
    const errors = await problemsOf(
      importGazetteer(db, file('quote.csv', 'pcode,name_en\nQX,Quillon\nQX01,"North\nQX02,South\n')),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('line 3, file');
    expect(errors[0]!.message).not.toMatch(/Quote Not Closed|parsing/i);
    expect(errors[0]!.message).toMatch(/double quote on this line is never closed/);
    expect(await zonesOf('QX')).toEqual([]);
  });

  it('refuses a workbook with no admin sheet, listing its sheets, and one with a level deeper than admin4', async () => {
    const none = await workbook('none.xlsx', {
      Sheet1: [
        ['pcode', 'name_en'],
        ['QY', 'Ylland'],
      ],
      Notes: [['Read me']],
    });
    expect(await problemsOf(importGazetteer(db, none))).toEqual([
      expect.objectContaining({
        field: 'file',
        code: 'no_admin_sheet',
        message: expect.stringContaining('its sheets are Sheet1, Notes'),
      }),
    ]);
    const deep = await workbook('deep.xlsx', {
      ADM0: [
        ['ADM0_EN', 'ADM0_PCODE'],
        ['Ylland', 'QY'],
      ],
      ADM5: [
        ['ADM5_EN', 'ADM5_PCODE'],
        ['Croft', 'QY0101010101'],
      ],
    });
    expect(await problemsOf(importGazetteer(db, deep))).toEqual([
      expect.objectContaining({
        field: 'file',
        message: expect.stringMatching(/^sheet ADM5: admin level 5 is deeper/),
      }),
    ]);
    expect(await zonesOf('QY')).toEqual([]);
  });

  it('refuses a workbook whose admin sheet has no P-code column, naming the sheet', async () => {
    const book = await workbook('no-pcode.xlsx', {
      ADM0: [
        ['ADM0_EN', 'ADM0_PCODE'],
        ['Ylland', 'QY'],
      ],
      ADM1: [
        ['Name', 'Code'],
        ['North', 'QY01'],
      ],
    });
    expect(await problemsOf(importGazetteer(db, book))).toEqual([
      expect.objectContaining({ field: 'sheet ADM1, line 1, pcode', code: 'missing_column' }),
    ]);
    expect(await zonesOf('QY')).toEqual([]);
  });

  it('refuses names the file says nothing about the language of, once for the file', async () => {
    const errors = await problemsOf(
      importGazetteer(db, file('french.csv', 'pcode,name_fr\nQV,Vallonie\nQV01,Nord\nQV02,Sud\n')),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'line 2, name_en',
        message: expect.stringMatching(/^the file gives no English names/),
      }),
    ]);
  });
});

describe('shapes files refused whole', () => {
  it('refuses an XLSX given as shapes as "not a GeoJSON file", and features with no P-code property naming those found', async () => {
    const xlsx = await workbook('shapes.xlsx', { ADM0: [['ADM0_PCODE'], ['IQ']] });
    const errors = await problemsOf(importShapes(db, xlsx));
    expect(errors).toEqual([expect.objectContaining({ field: 'file', code: 'geojson' })]);
    expect(errors[0]!.message).toMatch(/^is not a GeoJSON file/);
    expect(errors[0]!.message).not.toMatch(/Unexpected token|PK/);

    const ring = [
      [44, 33],
      [45, 33],
      [45, 34],
      [44, 33],
    ];
    const feature = (properties: object) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Polygon', coordinates: [ring] },
    });
    const unnamed = file(
      'unnamed.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ OBJECTID: 1, Shape_Leng: 2.5, NAME_2: 'Diyala' }),
          feature({ OBJECTID: 2, NAME_2: 'Erbil' }),
        ],
      }),
    );
    expect(await problemsOf(importShapes(db, unnamed))).toEqual([
      expect.objectContaining({
        field: 'features',
        message: expect.stringContaining('the features have the properties OBJECTID, Shape_Leng, NAME_2'),
      }),
    ]);
  });
});
