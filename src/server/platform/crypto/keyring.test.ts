import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { buildApp } from '../../app.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { DecryptionError, type Keyring, MasterKeyMismatchError, openKeyring } from './keyring.ts';
import { fingerprintMasterKey, generateMasterKey } from './master-key.ts';
import { normaliseForIndex } from './normalise.ts';

let database: DatabaseHandle;
let dataDir: string;
let keyring: Keyring;
const scratch: string[] = [];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
});
afterAll(async () => {
  await database.close();
  for (const dir of [dataDir, ...scratch]) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-keys-'));
  scratch.push(dir);
  return dir;
};
const otherKeyring = () => openKeyring({ masterKey: generateMasterKey().toString('base64'), dataDir });

/** Flips one bit of the byte at `index` of the envelope's ciphertext part. */
function flipCiphertextByte(envelope: string, index: number): string {
  const [version, keyId, body] = envelope.split('.');
  const bytes = Buffer.from(body!, 'base64url');
  bytes[index % bytes.length]! ^= 0x01;
  return [version, keyId, bytes.toString('base64url')].join('.');
}

describe('encryption of personal data', () => {
  it('decrypts what it encrypted, with a fresh IV every time and the key id in the envelope', async () => {
    const name = 'Amira Ben Ali — أميرة بن علي';
    const first = await keyring.encrypt(database.db, 'person', name);
    const second = await keyring.encrypt(database.db, 'person', name);
    expect(first).not.toBe(second);
    expect(first).not.toContain('Amira');
    expect(first).toMatch(/^hw1\.[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
    expect(first.split('.')[1]).toBe(second.split('.')[1]);
    expect(await keyring.decrypt(database.db, first)).toBe(name);
    expect(await keyring.decrypt(database.db, second, 'person')).toBe(name);
    expect(await keyring.decrypt(database.db, await keyring.encrypt(database.db, 'narrative', ''))).toBe('');
  });

  it('uses a different data key for each purpose', async () => {
    const person = await keyring.encrypt(database.db, 'person', 'x');
    const contact = await keyring.encrypt(database.db, 'contact', 'x');
    expect(person.split('.')[1]).not.toBe(contact.split('.')[1]);
  });

  it('detects a flipped byte anywhere in the ciphertext', async () => {
    const envelope = await keyring.encrypt(database.db, 'contact', '+000 555 0100');
    const length = Buffer.from(envelope.split('.')[2]!, 'base64url').length;
    for (const index of [0, 11, 12, length - 17, length - 1]) {
      await expect(keyring.decrypt(database.db, flipCiphertextByte(envelope, index))).rejects.toThrow(DecryptionError);
    }
  });

  it('refuses an envelope used for another purpose, or pointed at another purpose key', async () => {
    const envelope = await keyring.encrypt(database.db, 'person', 'secret');
    await expect(keyring.decrypt(database.db, envelope, 'contact')).rejects.toThrow(/another purpose/);
    const contactKeyId = (await keyring.encrypt(database.db, 'contact', 'y')).split('.')[1]!;
    const [version, , body] = envelope.split('.');
    await expect(keyring.decrypt(database.db, [version, contactKeyId, body].join('.'))).rejects.toThrow(
      DecryptionError,
    );
    await expect(keyring.decrypt(database.db, 'not an envelope')).rejects.toThrow(DecryptionError);
  });

  it('names the expected and given fingerprints when the master key is wrong', async () => {
    const envelope = await keyring.encrypt(database.db, 'person', 'secret');
    const wrong = await otherKeyring();
    const error = await wrong.verifyMasterKey(database.db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MasterKeyMismatchError);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(keyring.masterKeyId);
    expect(message).toContain(wrong.masterKeyId);
    expect(message).toContain('HOMEWARD_MASTER_KEY');
    await expect(wrong.decrypt(database.db, envelope)).rejects.toThrow(MasterKeyMismatchError);
    // Nor does a wrong key get to add data keys of its own for a purpose not used yet.
    await expect(wrong.encrypt(database.db, 'audit-details', 'x')).rejects.toThrow(MasterKeyMismatchError);
    await expect(keyring.verifyMasterKey(database.db)).resolves.toBeUndefined();
  });

  it('refuses to start the server with a wrong master key', async () => {
    const config = loadConfig(
      { HOMEWARD_LOG_LEVEL: 'silent' },
      { dataDir, masterKey: generateMasterKey().toString('base64') },
    );
    await expect(buildApp(config, { database, logger: false })).rejects.toThrow(
      new RegExp(`fingerprint ${keyring.masterKeyId}`),
    );
  });

  it('rejects a HOMEWARD_MASTER_KEY that is not base64 of 32 bytes, without echoing it', async () => {
    for (const masterKey of ['secret-password', Buffer.alloc(16).toString('base64'), '']) {
      const error = await openKeyring({ masterKey, dataDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/HOMEWARD_MASTER_KEY must be the base64 encoding of exactly 32/);
      if (masterKey) expect((error as Error).message).not.toContain(masterKey);
    }
  });

  it('keeps a data key created in a rolled-back transaction from being used afterwards', async () => {
    const fresh = await createTestDatabase();
    scratch.push(fresh.dataDir);
    try {
      const ring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir: fresh.dataDir });
      await fresh.database.db
        .transaction(async (tx) => {
          await ring.encrypt(tx, 'narrative', 'draft');
          tx.rollback();
        })
        .catch(() => {});
      const envelope = await ring.encrypt(fresh.database.db, 'narrative', 'kept');
      const restarted = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir: fresh.dataDir });
      expect(await restarted.decrypt(fresh.database.db, envelope)).toBe('kept');
    } finally {
      await fresh.database.close();
    }
  });

  it("remembers a transaction's keys for that transaction only: after its rollback, none of them is used", async () => {
    const fresh = await createTestDatabase();
    scratch.push(fresh.dataDir);
    try {
      const ring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir: fresh.dataDir });
      let inside: string[] = [];
      await fresh.database.db
        .transaction(async (tx) => {
          // The second use in the transaction takes the key the first one created, without reading it again.
          inside = [await ring.encrypt(tx, 'narrative', 'one'), await ring.encrypt(tx, 'narrative', 'two')];
          tx.rollback();
        })
        .catch(() => {});
      expect(inside[0]!.split('.')[1]).toBe(inside[1]!.split('.')[1]);
      const after = await fresh.database.db.transaction((tx) => ring.encrypt(tx, 'narrative', 'kept'));
      expect(after.split('.')[1]).not.toBe(inside[0]!.split('.')[1]);
      const restarted = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir: fresh.dataDir });
      expect(await restarted.decrypt(fresh.database.db, after)).toBe('kept');
    } finally {
      await fresh.database.close();
    }
  });

  it('creates one data key per purpose when callers race', async () => {
    const fresh = await createTestDatabase();
    scratch.push(fresh.dataDir);
    try {
      const rings = await Promise.all([1, 2, 3].map(() => openKeyring({ masterKey: TEST_MASTER_KEY, dataDir })));
      const indexes = await Promise.all(rings.map((ring) => ring.blindIndex(fresh.database.db, 'person', 'Same')));
      expect(new Set(indexes).size).toBe(1);
      const envelopes = await Promise.all(rings.map((ring) => ring.encrypt(fresh.database.db, 'person', 'v')));
      expect(new Set(envelopes.map((envelope) => envelope.split('.')[1])).size).toBe(1);
    } finally {
      await fresh.database.close();
    }
  });
});

describe('master key file', () => {
  it('is generated on first use with mode 0600 and reused afterwards', async () => {
    const dir = path.join(tempDir(), 'data');
    const first = await openKeyring({ masterKey: undefined, dataDir: dir });
    const file = path.join(dir, 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.masterKeySource).toEqual({ kind: 'file', path: file });
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    expect(key).toHaveLength(32);
    expect(first.masterKeyId).toBe(fingerprintMasterKey(key));
    expect((await openKeyring({ masterKey: undefined, dataDir: dir })).masterKeyId).toBe(first.masterKeyId);
  });

  it('is refused when other users can read it, saying how to fix it', async () => {
    const dir = tempDir();
    await openKeyring({ masterKey: undefined, dataDir: dir });
    const file = path.join(dir, 'master.key');
    fs.chmodSync(file, 0o644);
    await expect(openKeyring({ masterKey: undefined, dataDir: dir })).rejects.toThrow(
      new RegExp(`readable or writable by other users \\(mode 0644\\).*chmod 600 ${file}`),
    );
  });

  it('is refused when it does not hold a 32-byte key', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'master.key'), 'short\n', { mode: 0o600 });
    await expect(openKeyring({ masterKey: undefined, dataDir: dir })).rejects.toThrow(/master key file .* must be/);
  });
});

describe('blind indexes', () => {
  it('match for differently written equal values', async () => {
    const index = (value: string) => keyring.blindIndex(database.db, 'person', value);
    const expected = await index('amira ben ali');
    expect(expected).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const variant of ['  Amira   Ben\tAli ', 'AMIRA BEN ALI', 'Ａｍｉｒａ ｂｅｎ ａｌｉ', 'amira\u00a0ben\nali']) {
      expect(await index(variant)).toBe(expected);
    }
    expect(await index('amira benali')).not.toBe(expected);
    expect(await index('Straße')).toBe(await index('STRASSE'));
  });

  it('differ across purposes for the same value', async () => {
    expect(await keyring.blindIndex(database.db, 'person', '0100 555')).not.toBe(
      await keyring.blindIndex(database.db, 'contact', '0100 555'),
    );
  });

  it('normalise with NFKC, trimming, collapsed whitespace and case folding', () => {
    expect(normaliseForIndex('  ﬁle\u3000Ｎｏ.  ２ ')).toBe('file no. 2');
    expect(normaliseForIndex('ΟΔΥΣΣΕΥΣ')).toBe(normaliseForIndex('οδυσσευς'));
  });
});
