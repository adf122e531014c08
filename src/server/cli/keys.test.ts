import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/app.ts';
import { loadConfig } from '../config.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { openKeyring, pendingKeyFile } from '../platform/crypto/keyring.ts';
import { encodeMasterKey, generateMasterKey, writeMasterKeyFile } from '../platform/crypto/master-key.ts';
import { rotateMasterKey } from '../platform/crypto/rotate.ts';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.ts';
import { planRotation, rotateKeys } from './keys.ts';

let database: DatabaseHandle;
let databaseDir: string;
const scratch: string[] = [];

beforeAll(async () => {
  ({ database, dataDir: databaseDir } = await createTestDatabase());
});
afterAll(async () => {
  await database.close();
  for (const dir of [databaseDir, ...scratch]) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-rotate-'));
  scratch.push(dir);
  return dir;
};
const configFor = (dataDir: string, masterKey?: string) =>
  loadConfig({ HOMEWARD_LOG_LEVEL: 'silent' }, { dataDir, masterKey });
const newKeyFile = (dir: string, mode = 0o600) => {
  const file = path.join(dir, 'new.key');
  fs.writeFileSync(file, encodeMasterKey(generateMasterKey()), { mode });
  return file;
};
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const homeward = (args: string[], env: Record<string, string> = {}) => {
  const { HOMEWARD_MASTER_KEY: _key, DATABASE_URL: _url, HOMEWARD_DATA_DIR: _dir, ...inherited } = process.env;
  return spawnSync(process.execPath, ['bin/homeward.js', ...args], { encoding: 'utf8', env: { ...inherited, ...env } });
};

describe('homeward keys rotate', () => {
  it('replaces the key file (mode 0600) after rewrapping, and everything stays readable', async () => {
    const dataDir = tempDir();
    const config = configFor(dataDir);
    const before = await openKeyring(config);
    const envelope = await before.encrypt(database.db, 'contact', '+000 555 0199');
    const keyFile = path.join(dataDir, 'master.key');
    const oldKey = fs.readFileSync(keyFile, 'utf8');

    const { lines } = await rotateKeys(database, planRotation(config, {}), {});
    expect(fs.readFileSync(keyFile, 'utf8')).not.toBe(oldKey);
    expect(mode(keyFile)).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['master.key']);

    const after = await openKeyring(config);
    expect(after.masterKeyId).not.toBe(before.masterKeyId);
    await after.verifyMasterKey(database.db);
    expect(await after.decrypt(database.db, envelope)).toBe('+000 555 0199');
    expect(lines[0]).toContain(`from ${before.masterKeyId} to ${after.masterKeyId}`);
    const [entry] = await database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.eventType, 'crypto.master_key_rotated'));
    expect(entry).toMatchObject({ subject: `master-key:${after.masterKeyId}`, actorUserId: null });
  });

  it('leaves the key file untouched when the database refuses the current key', async () => {
    const dataDir = tempDir();
    const config = configFor(dataDir);
    await openKeyring(config);
    const keyFile = path.join(dataDir, 'master.key');
    const oldKey = fs.readFileSync(keyFile, 'utf8');
    await expect(rotateKeys(database, planRotation(config, {}), {})).rejects.toThrow(/Wrong master key/);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(oldKey);
    expect(fs.readdirSync(dataDir)).toEqual(['master.key']);
  });

  it('explains how to finish a rotation interrupted before the key file was replaced', async () => {
    const fresh = await createTestDatabase();
    scratch.push(fresh.dataDir);
    try {
      const dataDir = tempDir();
      const config = configFor(dataDir);
      await (await openKeyring(config)).prepare(fresh.database.db);
      const { current, next } = planRotation(config, {});
      const keyFile = path.join(dataDir, 'master.key');
      writeMasterKeyFile(pendingKeyFile(keyFile), next.key);
      await rotateMasterKey(fresh.database.db, current, next);
      await expect((await openKeyring(config)).verifyMasterKey(fresh.database.db)).rejects.toThrow(
        `${keyFile}.next holds the key ${next.id}; move it over ${keyFile}`,
      );
    } finally {
      await fresh.database.close();
    }
  });

  it('needs --new-key-file when the key comes from HOMEWARD_MASTER_KEY, and says what to change', async () => {
    const dataDir = tempDir();
    const config = configFor(dataDir, generateMasterKey().toString('base64'));
    const envKeyring = await openKeyring(config);
    const fresh = await createTestDatabase();
    scratch.push(fresh.dataDir);
    try {
      const envelope = await envKeyring.encrypt(fresh.database.db, 'person', 'Yusuf');
      expect(() => planRotation(config, {})).toThrow(
        expect.objectContaining({ exitCode: 2, message: expect.stringMatching(/--new-key-file/) }),
      );

      const file = newKeyFile(tempDir());
      const { lines } = await rotateKeys(fresh.database, planRotation(config, { newKeyFile: file }), {
        newKeyFile: file,
      });
      expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(false);
      expect(lines.join('\n')).toMatch(new RegExp(`set HOMEWARD_MASTER_KEY to the contents of ${file}`));
      const next = await openKeyring(configFor(dataDir, fs.readFileSync(file, 'utf8')));
      expect(await next.decrypt(fresh.database.db, envelope)).toBe('Yusuf');
    } finally {
      await fresh.database.close();
    }
  });

  it('refuses a new key file that others can read, or that is the key already in use', async () => {
    const dataDir = tempDir();
    const config = configFor(dataDir);
    await openKeyring(config);
    expect(() => planRotation(config, { newKeyFile: newKeyFile(tempDir(), 0o644) })).toThrow(/chmod 600/);
    const same = path.join(dataDir, 'master.key');
    expect(() => planRotation(config, { newKeyFile: same })).toThrow(/already in use/);
    expect(() => planRotation(configFor(tempDir()), {})).toThrow(/no master key to rotate/);
  });

  it('works from the command line on an embedded data directory', async () => {
    const dataDir = tempDir();
    const config = configFor(dataDir);
    const handle = await openDatabase({ dataDir });
    let envelope: string;
    try {
      await handle.migrate();
      envelope = await (await openKeyring(config)).encrypt(handle.db, 'person', 'Leila');
    } finally {
      await handle.close();
    }
    const before = (await openKeyring(config)).masterKeyId;

    const run = homeward(['keys', 'rotate', '--data-keys', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const after = await openKeyring(config);
    expect(run.stdout).toContain(`from ${before} to ${after.masterKeyId}`);
    expect(mode(path.join(dataDir, 'master.key'))).toBe(0o600);

    const reopened = await openDatabase({ dataDir });
    try {
      await after.verifyMasterKey(reopened.db);
      expect(await after.decrypt(reopened.db, envelope)).toBe('Leila');
    } finally {
      await reopened.close();
    }

    const usage = homeward(['keys', 'rotate', '--data-dir', dataDir], {
      HOMEWARD_MASTER_KEY: generateMasterKey().toString('base64'),
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--new-key-file/);
    const help = homeward(['keys', 'rotate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--new-key-file');
  }, 120_000);
});
