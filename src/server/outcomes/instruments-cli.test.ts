import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { runHomeward } from '../cli/test-support.ts';
import { openDatabase } from '../platform/db/client.ts';
import { DEFAULT_INSTRUMENT_PATH } from './instruments.ts';

/** `homeward import form FILE`: the real command on an embedded database. */
describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward import form', () => {
  let dataDir: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const fixtures = path.join(import.meta.dirname, 'files', 'fixtures');
  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);
  const SLOW = 180_000;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-forms-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await database.close();
  }, SLOW);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports the default instrument once, then says nothing changed', { timeout: SLOW }, async () => {
    const first = await homeward('import', 'form', DEFAULT_INSTRUMENT_PATH);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^imported the form homeward_reintegration version 2026\.1 \(34 questions in en, ar, fr\) as instrument [0-9a-f-]{36}\n$/,
    );
    const again = await homeward('import', 'form', DEFAULT_INSTRUMENT_PATH);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was already imported from this file');
  });

  it('refuses a bad form with exit code 1, one problem a line naming its row and question', {
    timeout: SLOW,
  }, async () => {
    const bad = await homeward('import', 'form', path.join(fixtures, 'bad-form.xlsx'));
    expect(bad.code).toBe(1);
    const lines = bad.stderr.split('\n');
    expect(lines[0]).toContain('Nothing was imported from');
    expect(lines[0]).toContain('(10 problems)');
    expect(lines).toContain(
      "  survey, row 3, score: type range is not supported (Homeward's forms take text, integer, decimal, date, select_one, select_multiple, note, calculate, geopoint and image)",
    );
    expect(lines).toContain('  survey, row 6, name: the name name is already used at row 2');
    const dry = await homeward('import', 'form', path.join(fixtures, 'odk-follow-up.xlsx'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^checked the form odk-follow-up version \d{12}, nothing written: 7 questions in en, fr\n$/,
    );
    const usage = await homeward('import', 'form', path.join(fixtures, 'bad-form.xlsx'), '--org', 'Somebody');
    expect(usage.code).toBe(2);
  });
});
