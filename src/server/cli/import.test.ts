import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { createOrganisation } from '../platform/accounts/provisioning.ts';
import { openDatabase } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';
import { gazetteerSummaryLines, parseImportKind, refusalMessage, warningLines } from './import.ts';
import { runHomeward } from './test-support.ts';

describe('homeward import (messages)', () => {
  it('lists every problem of a refused file on its own line, and says when the list stops short', () => {
    const refused = new AppError('validation_failed', {
      errors: [
        { field: 'line 3, population', code: 'not_a_count', message: 'give a whole number, 0 or more' },
        { field: 'line 7, pcode', code: 'duplicate', message: 'QM01 is also on line 3' },
      ],
      params: { problems: 2, truncated: 0 },
    });
    expect(refusalMessage('zones.csv', refused).split('\n')).toEqual([
      'Nothing was imported from zones.csv (2 problems). Fix the file and import it again.',
      '  line 3, population: give a whole number, 0 or more',
      '  line 7, pcode: QM01 is also on line 3',
    ]);
    const many = new AppError('validation_failed', { errors: [], params: { problems: 1200, truncated: 1 } });
    expect(refusalMessage('big.csv', many)).toContain('(1,200 problems; the first 0 are listed)');
  });

  it('states every sheet read with its rows and levels, the sheets and columns not read, and each warning', () => {
    const lines = gazetteerSummaryLines('/data/irq_adminboundaries_tabulardata.xlsx', {
      levels: { state: 1, admin1: 18, admin2: 120 },
      sheets: [
        { sheet: 'ADM0', rows: 1, levels: { state: 1 } },
        { sheet: 'ADM1', rows: 18, levels: { admin1: 18 } },
        { sheet: 'ADM2', rows: 120, levels: { admin2: 120 } },
      ],
      ignored: [{ sheet: 'Metadata', reason: 'not an admin level sheet' }],
      columnsNotRead: [{ sheet: 'ADM2', columns: ['validOn', 'ADM2ALT1EN'] }],
    });
    expect(lines).toEqual([
      '  read sheet ADM0: 1 row, 1 state',
      '  read sheet ADM1: 18 rows, 18 admin1',
      '  read sheet ADM2: 120 rows, 120 admin2',
      '  in all: 1 state, 18 admin1, 120 admin2',
      '  not read: sheet Metadata (not an admin level sheet)',
      '  not read: 2 columns of sheet ADM2 that a gazetteer has no use for (validOn, ADM2ALT1EN)',
    ]);
    expect(
      gazetteerSummaryLines('/data/zones.csv', {
        levels: {},
        sheets: [{ sheet: null, rows: 0, levels: {} }],
        ignored: [],
        columnsNotRead: [],
      }),
    ).toEqual(['  read zones.csv: 0 rows, no units']);
    expect(warningLines(["3 units have P-codes that do not begin with the parent's"])).toEqual([
      "warning: 3 units have P-codes that do not begin with the parent's",
    ]);
  });

  it('refuses an unknown kind as wrong usage', () => {
    expect(parseImportKind('shapes')).toBe('shapes');
    expect(() => parseImportKind('referrals')).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining('Kinds: gazetteer, shapes, observations, households, form, responses'),
      }),
    );
  });
});

describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward import (command line)', () => {
  let dataDir: string;
  let files: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-import-files-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await createOrganisation(
      database.db,
      { name: 'Independent Return Monitors', kind: 'independent_monitor', homeState: 'QM' },
      null,
    );
    await database.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  });

  const file = (name: string, content: string) => {
    const target = path.join(files, name);
    fs.writeFileSync(target, content);
    return target;
  };

  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);

  // Each run starts a process that opens the embedded database: slow on a busy machine.
  const SLOW = 180_000;

  it('imports a gazetteer, shapes and observations, each a second time without change', { timeout: SLOW }, async () => {
    const gazetteer = file(
      'gazetteer.csv',
      'pcode,name_en,population\nQM,Marenland,\nQM01,North,50000\nQM0101,Alder,12000\nQM0102,Birch,8000\n',
    );
    const first = await homeward('import', 'gazetteer', gazetteer);
    expect(first).toMatchObject({
      code: 0,
      stdout:
        'imported the gazetteer: 4 zones (4 created, 0 updated, 0 unchanged)\n' +
        '  read gazetteer.csv: 4 rows, 1 state, 1 admin1, 2 admin2\n',
    });
    expect((await homeward('import', 'gazetteer', gazetteer)).stdout).toBe(
      'imported the gazetteer: 4 zones (0 created, 0 updated, 4 unchanged)\n' +
        '  read gazetteer.csv: 4 rows, 1 state, 1 admin1, 2 admin2\n',
    );

    const ring = [
      [30, 10],
      [31, 10],
      [31, 11],
      [30, 10],
    ];
    const shapes = file(
      'shapes.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { ADM2_PCODE: 'QM0101' }, geometry: { type: 'Polygon', coordinates: [ring] } },
        ],
      }),
    );
    expect(await homeward('import', 'shapes', shapes)).toMatchObject({
      code: 0,
      stdout: 'imported 1 shape (0 unchanged)\n',
    });

    const observations = file(
      'observations.csv',
      [
        'pcode,indicator,period,value,source,method,evidence_notes',
        'QM0101,water_access,2026-03,71,survey,Household survey,Seen with the water committee',
        'QM0102,active_hostilities,2026-03,0,monitoring_visit,Visit with the local council,',
      ].join('\n'),
    );
    const imported = await homeward('import', 'observations', observations, '--org', 'Independent Return Monitors');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('imported 2 observations (0 unchanged) for Independent Return Monitors\n');
    // Not a terminal: one line at the end instead of a bar.
    expect(imported.stderr).toMatch(/^read 2 rows \(\d+\.\d kB\) in \d+\.\d s\n$/);
    const again = await homeward('import', 'observations', observations, '--org', 'Independent Return Monitors');
    expect(again.stdout).toBe('imported 0 observations (2 unchanged) for Independent Return Monitors\n');
  });

  it('exits 1 listing every problem of a refused file, one per line', { timeout: SLOW }, async () => {
    const bad = file('bad.csv', 'pcode,name_en,population\nQM02,South,-5\nQM03,,10\n');
    const refused = await homeward('import', 'gazetteer', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      `homeward: Nothing was imported from ${bad} (2 problems). Fix the file and import it again.`,
      '  line 2, population: "-5" is not a population: give a whole number, 0 or more',
      '  line 3, name_en: give the English name of QM03',
      '',
    ]);
    const unknownOrganisation = await homeward('import', 'observations', bad, '--org', 'Nobody');
    expect(unknownOrganisation).toMatchObject({
      code: 1,
      stderr: 'homeward: No organisation has the name or id "Nobody".\n',
    });
    const missing = await homeward('import', 'gazetteer', path.join(files, 'missing.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('(ENOENT)');
  });

  it('checks a file with --dry-run, printing the summary and its warnings and writing nothing', {
    timeout: SLOW,
  }, async () => {
    const burundi = path.join(import.meta.dirname, '../../../test/fixtures/gazetteers/bdi_adm2_hxl.csv');
    const checked = await homeward('import', 'gazetteer', burundi, '--dry-run');
    expect(checked).toMatchObject({
      code: 0,
      stdout:
        'checked the gazetteer, nothing written: 9 zones (an import would create 9, update 0, leave 0 unchanged)\n' +
        '  read bdi_adm2_hxl.csv: 6 rows, 1 state, 2 admin1, 6 admin2\n',
      stderr:
        'warning: the file: column E (#adm1+who+code) was not read: column D (#adm1+code) gives admin1pcode, and ' +
        'HXL reads the tag without extra attributes\n',
    });
    // Nothing was written: the import proper still creates every zone.
    expect((await homeward('import', 'gazetteer', burundi)).stdout).toMatch(
      /^imported the gazetteer: 9 zones \(9 created/,
    );
    const sheet = await homeward('import', 'gazetteer', burundi, '--sheet', 'ADM1');
    expect(sheet).toMatchObject({ code: 1 });
    expect(sheet.stderr).toContain('--sheet names a sheet of a workbook, and this file is not a workbook');
  });

  it('exits 2 on an unknown kind or a missing --org', { timeout: SLOW }, async () => {
    const unknownKind = await homeward('import', 'referrals', path.join(files, 'bad.csv'));
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.stderr).toContain('Unknown import kind "referrals"');
    const noOrganisation = await homeward('import', 'observations', path.join(files, 'bad.csv'));
    expect(noOrganisation.code).toBe(2);
    expect(noOrganisation.stderr).toContain('needs --org');
  });
});
