import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { loadDemo } from '../../demo/load.ts';
import { findUserByEmail } from '../accounts/directory.ts';
import { verifyLog } from '../audit/verify.ts';
import { type Keyring, openKeyring } from '../crypto/keyring.ts';
import { type DatabaseHandle, queryRows } from '../db/client.ts';
import { writeBackup } from './backup.ts';
import { RestoreError, type RestoreOptions, restoreBackup } from './restore.ts';

let source: { database: DatabaseHandle; dataDir: string };
let keyring: Keyring;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-backup-test-'));
const backupFile = path.join(work, 'homeward.backup');

const options = (overrides: Partial<RestoreOptions> = {}): RestoreOptions => ({
  masterKeyId: keyring.masterKeyId,
  replace: false,
  verify: async (tx) => {
    const verdict = await verifyLog(tx);
    return { ok: verdict.ok, message: verdict.ok ? 'intact' : verdict.message };
  },
  ...overrides,
});

async function counts(database: DatabaseHandle) {
  const rows = await queryRows<{ users: number; organisations: number; entries: number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM organisations)::int AS organisations,
        (SELECT count(*) FROM audit_entries)::int AS entries`,
  );
  return rows[0]!;
}

/** Rewrites the backup's lines (then its checksum, as a careful forger would), returning a new file. */
function forge(edit: (lines: string[]) => string[], name: string): string {
  const lines = gunzipSync(fs.readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
  const body = edit(lines.slice(0, -1));
  const end = JSON.parse(lines.at(-1)!);
  end.sha256 = createHash('sha256')
    .update(body.map((line) => `${line}\n`).join(''))
    .digest('hex');
  const file = path.join(work, name);
  fs.writeFileSync(file, gzipSync(`${[...body, JSON.stringify(end)].join('\n')}\n`));
  return file;
}

beforeAll(async () => {
  source = await createTestDatabase();
  keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir: source.dataDir });
  await keyring.prepare(source.database.db);
  // The organisations and accounts are what these tests need; the demo's year of zone data would only make
  // every backup and restore here slower.
  await loadDemo(source.database.db, keyring, 'small', { modules: false });
  // One zone with one observation, for the table the database derives from observations.
  await source.database.db.execute(
    sql`INSERT INTO zones (pcode, state_code, level, names) VALUES ('QM', 'QM', 'state', '{"en":"Qamar"}')`,
  );
  await source.database.db.execute(sql`
    INSERT INTO zone_observations (id, pcode, state_code, indicator, period, value, source, method, status,
        organisation_id)
      SELECT gen_random_uuid(), 'QM', 'QM', 'tripartite_agreement', '2026-01', 1, 'partner_report', 'Signed text',
        'pending', id FROM organisations LIMIT 1`);
  await writeBackup(source.database.db, backupFile, keyring.masterKeyId);
});
afterAll(async () => {
  await source.database.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips everything into an empty database, with personal data still encrypted in the file', async () => {
    const target = await createTestDatabase();
    try {
      const result = await restoreBackup(target.database.db, backupFile, options());
      expect(result.verification).toBe('intact');
      expect(await counts(target.database)).toEqual(await counts(source.database));
      const admin = await findUserByEmail(target.database.db, 'administrator@demo.homeward.example');
      expect(admin?.totpSecret).toBeTruthy();
      // The TOTP secret restored as ciphertext decrypts with the same master key.
      const secret = await keyring.decrypt(target.database.db, admin!.totpSecret!);
      expect(secret).toMatch(/^[A-Z2-7]+$/);
      expect(gunzipSync(fs.readFileSync(backupFile)).toString('utf8')).not.toContain(secret);
      expect((await verifyLog(target.database.db)).ok).toBe(true);
    } finally {
      await target.database.close();
    }
  });

  it('leaves derived tables out of the file and rebuilds them on restore', async () => {
    const header = JSON.parse(gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n')[0]!);
    expect(header.tables).toContain('zone_observations');
    expect(header.tables).not.toContain('zone_observed_indicators');
    const target = await createTestDatabase();
    try {
      await restoreBackup(target.database.db, backupFile, options());
      const observed = await queryRows<{ pcode: string; indicator: string }>(
        target.database.db,
        sql`SELECT pcode, indicator FROM zone_observed_indicators`,
      );
      expect(observed).toEqual([{ pcode: 'QM', indicator: 'tripartite_agreement' }]);
    } finally {
      await target.database.close();
    }
  });

  it('refuses a corrupted file and writes nothing', async () => {
    const bytes = fs.readFileSync(backupFile);
    const corrupted = Buffer.from(bytes);
    corrupted[Math.floor(bytes.length / 2)]! ^= 0xff;
    const corruptFile = path.join(work, 'corrupt.backup');
    fs.writeFileSync(corruptFile, corrupted);
    const truncatedFile = path.join(work, 'truncated.backup');
    fs.writeFileSync(truncatedFile, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const target = await createTestDatabase();
    try {
      await expect(restoreBackup(target.database.db, corruptFile, options())).rejects.toThrow(/corrupted|truncated/);
      await expect(restoreBackup(target.database.db, truncatedFile, options())).rejects.toThrow(/corrupted|truncated/);
      await expect(restoreBackup(target.database.db, path.join(work, 'missing'), options())).rejects.toThrow(
        /No backup file/,
      );
      expect(await counts(target.database)).toEqual({ users: 0, organisations: 0, entries: 0 });
    } finally {
      await target.database.close();
    }
  });

  it('refuses a backup made with another master key, naming both keys', async () => {
    const target = await createTestDatabase();
    try {
      const attempt = restoreBackup(target.database.db, backupFile, options({ masterKeyId: 'mk-other' }));
      await expect(attempt).rejects.toThrow(RestoreError);
      await expect(attempt).rejects.toThrow(new RegExp(`${keyring.masterKeyId}.*mk-other`));
    } finally {
      await target.database.close();
    }
  });

  it('keeps what a database already holds unless told to replace it', async () => {
    const before = await counts(source.database);
    await expect(restoreBackup(source.database.db, backupFile, options())).rejects.toThrow(/already holds data/);
    expect(await counts(source.database)).toEqual(before);
    await restoreBackup(source.database.db, backupFile, options({ replace: true }));
    expect(await counts(source.database)).toEqual(before);
  });

  it('undoes the whole restore when the restored transparency log does not verify', async () => {
    const forged = forge(
      (lines) =>
        lines.map((line) => {
          const record = JSON.parse(line);
          if (record.kind !== 'rows' || record.table !== 'audit_entries') return line;
          record.rows[2].subject = 'organisation:forged';
          return JSON.stringify(record);
        }),
      'forged.backup',
    );
    const target = await createTestDatabase();
    try {
      await expect(restoreBackup(target.database.db, forged, options())).rejects.toThrow(/does not verify: seq 3/);
      expect(await counts(target.database)).toEqual({ users: 0, organisations: 0, entries: 0 });
    } finally {
      await target.database.close();
    }
  });
});
