import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { buildApp, type HomewardApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import { writeBackup } from '../platform/backup/backup.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { insertRoutingRule } from './test-support.ts';

/**
 * An anonymous submitter leaves no trace of where they came from: neither the server's log (at its most talkative
 * level) nor the database files nor a backup holds their address or user agent, whether they submitted, read their
 * item or guessed a code.
 */
let app: HomewardApp;
let database: DatabaseHandle;
let dataDir: string;
const lines: string[] = [];
const ADDRESS = '203.0.113.77';
const AGENT = 'Nokia105-OperaMini/ReturneeHandset-4711';
const TEXT = 'The guards at the crossing took our papers';

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  const config = loadConfig({ HOMEWARD_LOG_LEVEL: 'trace' }, { dataDir, masterKey: TEST_MASTER_KEY });
  app = await buildApp(config, { database, logStream: { write: (line) => void lines.push(line) } });
  await app.ready();
  const organisation = await createTestOrganisation(app);
  await insertRoutingRule(database.db, { organisationId: organisation.id });
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const headers = { 'user-agent': AGENT, 'x-forwarded-for': ADDRESS };

describe('an anonymous submission', () => {
  let code = '';

  it('is accepted, and its code opens it', async () => {
    const submitted = await app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/submissions',
      payload: {
        kind: 'complaint',
        complaintCategory: 'misconduct',
        disclosure: 'anonymous',
        text: TEXT,
        language: 'ar',
      },
      headers,
      remoteAddress: ADDRESS,
    });
    expect(submitted.statusCode).toBe(201);
    code = submitted.json().receiptCode;
    const read = await app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/status',
      payload: { code },
      headers,
      remoteAddress: ADDRESS,
    });
    expect(read.statusCode).toBe(200);
    const guessed = await app.inject({
      method: 'POST',
      url: '/api/v1/public/gateway/receipts/status',
      payload: { code: '1111222233334444' },
      headers,
      remoteAddress: ADDRESS,
    });
    expect(guessed.statusCode).toBe(404);
  });

  it('leaves no address, user agent, text or code in the server log', () => {
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const needle of [ADDRESS, AGENT, 'ReturneeHandset', TEXT, code]) expect(log).not.toContain(needle);
  });

  it('leaves no address or user agent in the database files or a backup', async () => {
    const needles = [ADDRESS, AGENT, TEXT, code];
    const pglite = database.pglite;
    if (pglite) {
      await pglite.exec('checkpoint');
      const files = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
      for (const needle of needles) expect(files.includes(Buffer.from(needle)), needle).toBe(false);
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-backup-')), 'gateway.backup');
    await writeBackup(database.db, file, app.platform.keyring.masterKeyId);
    const backup = gunzipSync(fs.readFileSync(file));
    // The backup holds the submission (its kind is in clear), so what is not found is not there.
    expect(backup.includes(Buffer.from('gateway.submission_received'))).toBe(true);
    for (const needle of needles) expect(backup.includes(Buffer.from(needle)), needle).toBe(false);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
