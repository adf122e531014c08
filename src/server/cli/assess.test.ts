import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.ts';
import { upsertZones } from '../zones/gazetteer.ts';
import { assessFromCli, parsePeriod } from './assess.ts';
import { runHomeward } from './test-support.ts';

const GAZETTEER = [
  { pcode: 'QM', parentPcode: null, level: 'state' as const, names: { en: 'Marenland' }, population: null },
  { pcode: 'QM01', parentPcode: 'QM', level: 'admin1' as const, names: { en: 'North' }, population: null },
  { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2' as const, names: { en: 'Alder' }, population: 12000 },
  { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2' as const, names: { en: 'Birch' }, population: 8000 },
];

describe('homeward assess (in process)', () => {
  let database: DatabaseHandle;
  let dataDir: string;
  beforeAll(async () => {
    ({ database, dataDir } = await createTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to assess an empty gazetteer, then prints the count of each class', async () => {
    await expect(assessFromCli(database.db, '2026-03')).rejects.toMatchObject({ params: { reason: 'no_zones' } });
    await upsertZones(database.db, GAZETTEER);
    expect(await assessFromCli(database.db, '2026-03')).toEqual([
      'Assessed 2 zones for 2026-03 (framework version 1):',
      '  conducive                0',
      '  conditionally conducive  0',
      '  insufficient data        2',
      '  not conducive            0',
    ]);
  });

  it('takes a month only', () => {
    expect(parsePeriod('2026-12')).toBe('2026-12');
    for (const bad of ['2026-13', '2026-3', 'March 2026']) {
      expect(() => parsePeriod(bad)).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });
});

describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward assess (command line)', () => {
  let dataDir: string;
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_MASTER_KEY: TEST_MASTER_KEY, HOMEWARD_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-cli-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await upsertZones(database.db, GAZETTEER);
    await database.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const homeward = (...args: string[]) => runHomeward(dataDir, env, args);

  const SLOW = 120_000;

  it('exits 0 with the count of each class, and 2 on a period that is not a month', { timeout: SLOW }, async () => {
    const assessed = await homeward('assess', '--period', '2026-03');
    expect(assessed.code).toBe(0);
    expect(assessed.stdout).toContain('Assessed 2 zones for 2026-03 (framework version 1):');
    expect(assessed.stdout).toMatch(/insufficient data {8}2/);
    const bad = await homeward('assess', '--period', '2026-13');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2026-13" is not a period');
    expect((await homeward('assess')).code).toBe(2);
  });
});
