import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { createOrganisation } from '../platform/accounts/provisioning.ts';
import { openDatabase } from '../platform/db/client.ts';
import { createTestZones } from '../zones/test-support.ts';
import { runHomeward } from './test-support.ts';

const KOBO = path.join(import.meta.dirname, '../../../test/fixtures/cases/kobo-households.csv');

describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward import households', () => {
  let dataDir: string;
  let files: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);
  // Each run starts a process that opens the embedded database: slow on a busy machine.
  const SLOW = 180_000;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-household-files-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await createTestZones(database.db);
    await createOrganisation(database.db, { name: 'Returns Partner', kind: 'un_agency', homeState: 'QM' }, null);
    await database.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(files, { recursive: true, force: true });
  });

  it('checks with --dry-run, then imports, writing the slips to a file only its owner reads', {
    timeout: SLOW,
  }, async () => {
    const checked = await homeward('import', 'households', KOBO, '--organisation', 'Returns Partner', '--dry-run');
    expect(checked).toMatchObject({ code: 0 });
    expect(checked.stdout.split('\n')[0]).toBe('checked 3 households (7 people) for Returns Partner, nothing written');

    const slips = path.join(files, 'slips.csv');
    const imported = await homeward(
      'import',
      'households',
      KOBO,
      '--organisation',
      'Returns Partner',
      '--slips',
      slips,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'imported 3 households (7 people) for Returns Partner, each with its registration decision open',
    );
    expect(imported.stdout).toContain('0 households flagged as possible duplicates for review');
    // The embedded engine runs no autovacuum: the command tidies up after the load itself.
    expect(imported.stdout).toMatch(/database tidied after the import in \d+\.\d s/);
    expect(checked.stdout).not.toContain('tidied');
    expect(fs.statSync(slips).mode & 0o777).toBe(0o600);
    const codes = fs
      .readFileSync(slips, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]!);
    expect(codes).toHaveLength(3);
    // The codes are written to the slips file and nowhere else: not to the terminal.
    for (const code of codes) expect(imported.stdout + imported.stderr).not.toContain(code);

    // The same households again: each is flagged as a possible duplicate of its first registration.
    const again = await homeward(
      'import',
      'households',
      KOBO,
      '--org',
      'Returns Partner',
      '--slips',
      path.join(files, 'again.csv'),
    );
    expect(again.stdout).toContain('3 households flagged as possible duplicates for review');
  });

  it('exits 1 naming the line and field of every problem, and 2 without --slips', { timeout: SLOW }, async () => {
    const bad = path.join(files, 'bad.csv');
    fs.writeFileSync(
      bad,
      'household_id,relationship,given_name,family_name,date_of_birth,sex,asylum_state,intended_pcode\n' +
        'H1,head,Ali,Rahimi,1980-01-01,male,JO,QM0101\n' +
        'H1,son,Reza,Rahimi,1979-02-02,male,,\n' +
        'H2,head,Sara,Karimi,1985-01-01,unknown,JO,QM0101\n',
    );
    const slips = path.join(files, 'refused-slips.csv');
    const refused = await homeward('import', 'households', bad, '--organisation', 'Returns Partner', '--slips', slips);
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      `homeward: Nothing was imported from ${bad} (2 problems). Fix the file and import it again.`,
      '  line 3, date_of_birth: household H1: a child must be at least 12 years younger than the head: the ages ' +
        'contradict the relationship',
      '  line 4, sex: one of female, male, other',
      '',
    ]);
    expect(fs.existsSync(slips)).toBe(false);

    const noSlips = await homeward('import', 'households', KOBO, '--organisation', 'Returns Partner');
    expect(noSlips.code).toBe(2);
    expect(noSlips.stderr).toContain('needs --slips <file>');
    const noOrganisation = await homeward('import', 'households', KOBO, '--dry-run');
    expect(noOrganisation.code).toBe(2);
    expect(noOrganisation.stderr).toContain('needs --organisation');
  });
});
