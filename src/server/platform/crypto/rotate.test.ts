import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/app.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createKeyring, DATA_PURPOSES, MasterKeyMismatchError } from './keyring.ts';
import { fingerprintMasterKey, generateMasterKey, type MasterKey } from './master-key.ts';
import { rotateMasterKey } from './rotate.ts';
import { dataKeys } from './schema.ts';

let database: DatabaseHandle;
let dataDir: string;

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const masterKey = (): MasterKey => {
  const key = generateMasterKey();
  return { key, id: fingerprintMasterKey(key), source: { kind: 'environment' } };
};

describe('master key rotation', () => {
  it('keeps every ciphertext and blind index readable while every wrapped key changes', async () => {
    const first = masterKey();
    const before = createKeyring(first);
    await before.prepare(database.db);
    const values = DATA_PURPOSES.map((purpose, i) => ({ purpose, text: `value ${i} ${purpose}` }));
    const envelopes = await Promise.all(values.map((v) => before.encrypt(database.db, v.purpose, v.text)));
    const index = await before.blindIndex(database.db, 'person', 'Amira Ben Ali');
    const wrappedBefore = await database.db.select().from(dataKeys);

    const second = masterKey();
    const result = await rotateMasterKey(database.db, first, second);
    expect(result).toMatchObject({ previousMasterKeyId: first.id, masterKeyId: second.id });
    expect(result.rewrapped).toBe(wrappedBefore.length);

    const wrappedAfter = await database.db.select().from(dataKeys);
    expect(wrappedAfter).toHaveLength(wrappedBefore.length);
    for (const row of wrappedAfter) {
      const old = wrappedBefore.find((candidate) => candidate.id === row.id)!;
      expect(row.wrappedKey).not.toBe(old.wrappedKey);
      expect(row.masterKeyId).toBe(second.id);
    }

    const after = createKeyring(second);
    await after.verifyMasterKey(database.db);
    for (const [i, envelope] of envelopes.entries()) {
      expect(await after.decrypt(database.db, envelope)).toBe(values[i]!.text);
    }
    expect(await after.blindIndex(database.db, 'person', 'amira ben ali')).toBe(index);
    await expect(createKeyring(first).verifyMasterKey(database.db)).rejects.toThrow(MasterKeyMismatchError);
  });

  it('refuses to rotate from a key that does not open the database, changing nothing', async () => {
    const stored = await database.db.select().from(dataKeys);
    await expect(rotateMasterKey(database.db, masterKey(), masterKey())).rejects.toThrow(/Wrong master key/);
    expect(await database.db.select().from(dataKeys)).toEqual(stored);
  });

  it('starts new data keys on request, still reading what the old ones encrypted', async () => {
    const current = masterKey();
    const fresh = await createTestDatabase();
    try {
      const before = createKeyring(current);
      const envelope = await before.encrypt(fresh.database.db, 'narrative', 'what happened at the crossing');
      const index = await before.blindIndex(fresh.database.db, 'narrative', 'crossing');

      const next = masterKey();
      const result = await rotateMasterKey(fresh.database.db, current, next, { newDataKeys: true });
      expect(result.newDataKeyPurposes).toEqual(['narrative']);

      const after = createKeyring(next);
      const newer = await after.encrypt(fresh.database.db, 'narrative', 'a later account');
      expect(newer.split('.')[1]).not.toBe(envelope.split('.')[1]);
      expect(await after.decrypt(fresh.database.db, envelope)).toBe('what happened at the crossing');
      expect(await after.decrypt(fresh.database.db, newer)).toBe('a later account');
      expect(await after.blindIndex(fresh.database.db, 'narrative', 'Crossing')).toBe(index);
    } finally {
      await fresh.database.close();
      fs.rmSync(fresh.dataDir, { recursive: true, force: true });
    }
  });

  it('records the rotation inside its own transaction, and undoes everything when recording fails', async () => {
    const current = masterKey();
    const fresh = await createTestDatabase();
    try {
      await createKeyring(current).prepare(fresh.database.db);
      const stored = await fresh.database.db.select().from(dataKeys);
      const failing = rotateMasterKey(fresh.database.db, current, masterKey(), {
        newDataKeys: true,
        record: async () => {
          throw new Error('audit log unavailable');
        },
      });
      await expect(failing).rejects.toThrow('audit log unavailable');
      expect(await fresh.database.db.select().from(dataKeys)).toEqual(stored);
    } finally {
      await fresh.database.close();
      fs.rmSync(fresh.dataDir, { recursive: true, force: true });
    }
  });
});
