import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { odkExportFiles } from '../outcomes/files/zip-test-support.ts';
import { insertTestInstrument } from '../outcomes/response-imports-test-support.ts';
import { createOrganisation } from '../platform/accounts/provisioning.ts';
import { openDatabase } from '../platform/db/client.ts';
import { createTestZones } from '../zones/test-support.ts';
import { checkResponsesOptions } from './import-responses.ts';
import { runHomeward } from './test-support.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'outcomes', 'files', 'fixtures', 'responses');

describe('homeward import responses (options)', () => {
  it('refuses a missing form, an unknown population and a round that is no round, as wrong usage', () => {
    expect(() => checkResponsesOptions({})).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => checkResponsesOptions({ form: 'f', population: 'host' })).toThrow(
      /--population is returnee or resident/,
    );
    expect(() => checkResponsesOptions({ form: 'f', round: '2' })).toThrow(/--round is one of 1, 3, 6, 12/);
    expect(() => checkResponsesOptions({ form: 'f', population: 'resident' })).toThrow(/needs --round/);
    expect(checkResponsesOptions({ form: 'f', population: 'resident', round: '6' })).toEqual({
      population: 'resident',
      round: 6,
    });
  });
});

describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward import responses (command line)', () => {
  let dataDir: string;
  let files: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const SLOW = 180_000;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-responses-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await createOrganisation(
      database.db,
      { name: 'Field Survey Partners', kind: 'independent_monitor', homeState: 'QM' },
      null,
    );
    await createTestZones(database.db);
    await insertTestInstrument(database.db);
    await database.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  });

  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);
  const residents = path.join(FIXTURES, 'kobo-residents.csv');

  it('imports resident answers, then the same file again without change', { timeout: SLOW }, async () => {
    const args = [
      'import',
      'responses',
      residents,
      '--form',
      'homeward_reintegration',
      '--org',
      'Field Survey Partners',
    ];
    const first = await homeward(...args, '--population', 'resident', '--round', '6');
    expect(first.stderr).toMatch(/read 3 rows \(\d+\.\d kB\) in \d+\.\d s\n$/);
    expect(first).toMatchObject({
      code: 0,
      stdout:
        'imported 2 answer sets (0 unchanged) of homeward_reintegration 2026.1 for Field Survey Partners, resident households\n' +
        '  not imported: 1 row rejected in the collection tool\n',
    });
    const again = await homeward(...args, '--population', 'resident', '--round', '6');
    expect(again.stdout).toContain('imported 0 answer sets (2 unchanged)');
  });

  it("imports ODK Central's main CSV with its repeat CSV given by --repeat, refusing an orphan repeat row", {
    timeout: SLOW,
  }, async () => {
    // The export's rows as resident households of QM0101.
    const { main, repeat } = odkExportFiles();
    const mainFile = path.join(files, main.name);
    const repeatFile = path.join(files, repeat.name);
    fs.writeFileSync(mainFile, main.bytes.toString('utf8').replace(/\{\{REF\d\}\},,/g, ',QM0101,'));
    const orphanFile = path.join(files, 'orphan', repeat.name);
    fs.mkdirSync(path.dirname(orphanFile));
    fs.writeFileSync(orphanFile, repeat.bytes.toString('utf8').replace('9b03,', '9b04,'));
    const args = [
      'import',
      'responses',
      mainFile,
      '--form',
      'homeward_reintegration',
      '--org',
      'Field Survey Partners',
    ];
    const resident = ['--population', 'resident', '--round', '6'];

    const orphan = await homeward(...args, '--repeat', orphanFile, ...resident);
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain(
      `  ${repeat.name}, line 3, PARENT_KEY: names no submission of ${main.name} (no row has this KEY)\n`,
    );

    fs.writeFileSync(repeatFile, repeat.bytes);
    const first = await homeward(...args, '--repeat', repeatFile, ...resident);
    expect(first.stdout).toBe(
      'imported 3 answer sets (0 unchanged) of homeward_reintegration 2026.1 for Field Survey Partners, resident households\n',
    );
    expect(first.code).toBe(0);
    const again = await homeward(...args, '--repeat', repeatFile, ...resident);
    expect(again.stdout).toContain('imported 0 answer sets (3 unchanged)');

    const missing = await homeward(...args, '--repeat', path.join(files, 'nowhere.csv'), ...resident);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere.csv cannot be read');
    const misplaced = await homeward('import', 'gazetteer', mainFile, '--repeat', repeatFile);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--repeat apply only to responses');
  });

  it('exits 1 naming the line and field of each problem, and 2 on wrong usage', { timeout: SLOW }, async () => {
    const bad = path.join(files, 'bad.csv');
    fs.writeFileSync(bad, fs.readFileSync(residents, 'utf8').replace(',QM0101,', ',QM4444,').replaceAll('4f0', '4c0'));
    const refused = await homeward(
      'import',
      'responses',
      bad,
      '--form',
      'homeward_reintegration',
      '--org',
      'Field Survey Partners',
      '--population',
      'resident',
      '--round',
      '3',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `homeward: Nothing was imported from ${bad} (1 problem). Fix the file and import it again.\n`,
    );
    expect(refused.stderr).toContain('  line 2, zone: is not the P-code of a zone in the gazetteer\n');

    const usage = await homeward('import', 'responses', residents, '--org', 'Field Survey Partners');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('needs --form');
    const help = await homeward('import', '--help');
    expect(help.stdout).toContain('--population <population>');
    expect(help.stdout).toContain('responses');
  });
});
