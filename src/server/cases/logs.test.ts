import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../test/support/app.ts';
import type { RegisteredHousehold, RegisterHouseholdRequest } from '../../shared/cases/schemas.ts';
import { buildApp, type HomewardApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestAccount, signIn, type TestClient } from '../platform/auth/test-support.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { createTestZones } from '../zones/test-support.ts';

/**
 * The server log at its most talkative while a case worker registers, searches and opens a household: none of
 * the person's name, date of birth, document number or phone, nor the slip's code, may be written to it.
 */
let app: HomewardApp;
let database: DatabaseHandle;
let dataDir: string;
let worker: TestClient;
const lines: string[] = [];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  const config = loadConfig({ HOMEWARD_LOG_LEVEL: 'trace' }, { dataDir, masterKey: TEST_MASTER_KEY });
  app = await buildApp(config, { database, logStream: { write: (line) => void lines.push(line) } });
  await app.ready();
  await createTestZones(database.db);
  worker = await signIn(app, await createTestAccount(app, { roles: ['case_worker'] }));
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const HOUSEHOLD: RegisterHouseholdRequest = {
  asylumStateCode: 'QT',
  intendedPcode: 'QM0101',
  members: [
    {
      name: { given: 'Ruqaya', family: 'Barzani', other: 'Hemin' },
      dateOfBirth: '1979-11-23',
      sex: 'female',
      relationship: 'head',
      documents: [{ kind: 'national_id', number: 'QM4417-2093' }],
      documentStatus: 'available',
      phones: ['+964 750 318 2271'],
      needs: [{ need: 'serious_medical_condition', plan: 'Insulin for three months' }],
    },
  ],
};

describe('the server log', () => {
  it('holds no personal field of a household registered, searched for and opened', async () => {
    const registered = await worker.request({ method: 'POST', url: '/api/v1/cases/households', payload: HOUSEHOLD });
    expect(registered.statusCode, registered.body).toBe(201);
    const { household, statusCode } = registered.json<RegisteredHousehold>();
    for (const payload of [
      { name: 'Ruqaya Hemin Barzani' },
      { document: { number: 'QM4417-2093' } },
      { phone: '+964 750 318 2271' },
    ]) {
      const found = await worker.request({ method: 'POST', url: '/api/v1/cases/search', payload });
      expect(found.json<{ items: { householdId: string }[] }>().items.map((item) => item.householdId)).toEqual([
        household.id,
      ]);
    }
    const opened = await worker.request({ method: 'GET', url: `/api/v1/cases/households/${household.id}` });
    expect(opened.body).toContain('Barzani');
    // A refused registration echoes nothing either: a head born after the child.
    const refused = await worker.request({
      method: 'POST',
      url: '/api/v1/cases/households',
      payload: {
        ...HOUSEHOLD,
        members: [
          HOUSEHOLD.members[0]!,
          { ...HOUSEHOLD.members[0]!, relationship: 'parent', documents: [], phones: [], needs: [] },
        ],
      },
    });
    expect(refused.json()).toMatchObject({ reason: 'household_inconsistent' });

    const log = lines.join('\n');
    expect(log).toContain('/api/v1/cases/households/:id');
    for (const secret of [
      'Ruqaya',
      'Barzani',
      'Hemin',
      '1979-11-23',
      'QM4417',
      '2093',
      '318 2271',
      '3182271',
      'Insulin',
    ]) {
      expect(log.includes(secret), `${secret} in the server log`).toBe(false);
    }
    expect(log.includes(statusCode.replace(/\D/g, ''))).toBe(false);
  });
});
