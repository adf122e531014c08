import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../test/support/app.ts';
import { latestCheckpoint } from '../platform/audit/checkpoint.ts';
import { readHead } from '../platform/audit/head.ts';
import { openKeyring } from '../platform/crypto/keyring.ts';
import { loadDemoAndSign } from './demo.ts';

const bin = path.resolve('bin/homeward.js');

describe('a demo load', () => {
  it('ends with a checkpoint of the log it grew, recorded by the entry after it', async () => {
    const { database, dataDir } = await createTestDatabase();
    try {
      const keyring = await openKeyring({ masterKey: TEST_MASTER_KEY, dataDir });
      await keyring.prepare(database.db);
      await loadDemoAndSign(database.db, keyring, 'small', { modules: false });
      const size = (await readHead(database.db))!.treeSize;
      expect((await latestCheckpoint(database.db))?.treeSize).toBe(size - 1);
      await loadDemoAndSign(database.db, keyring, 'small', { modules: false });
      expect((await readHead(database.db))!.treeSize).toBe(size);
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** `homeward start` on the embedded database (the command itself, which other tests build around). */
describe.skipIf(process.env.HOMEWARD_TEST_DATABASE_URL)('homeward start and the transparency log', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-start-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOMEWARD_MASTER_KEY: TEST_MASTER_KEY,
    HOMEWARD_LOG_LEVEL: 'silent',
    HOMEWARD_CHECKPOINT_INTERVAL_SECONDS: '3600',
  };
  delete env.DATABASE_URL;
  delete env.HOMEWARD_AUDIT_SIGNING_KEY_ID;
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** Starts the server; answers its address once it listens, or its exit code and error output if it stops first. */
  function start(extra: NodeJS.ProcessEnv = {}) {
    const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'start', '--port', '0'], {
      env: { ...env, ...extra },
    });
    let stdout = '';
    let stderr = '';
    return new Promise<{ child: ChildProcess; url?: string; code?: number | null; stderr: string }>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
        if (url) resolve({ child, url, stderr });
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('exit', (code) => resolve({ child, code, stderr }));
    });
  }
  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });

  it('signs a checkpoint before serving, and refuses a signing key other than the pinned one', {
    timeout: 180_000,
  }, async () => {
    const unpinned = await start({ HOMEWARD_AUDIT_SIGNING_KEY_ID: '0123456789abcdef' });
    expect(unpinned.code).toBe(1);
    expect(unpinned.stderr).toContain(
      'homeward: refusing to start: HOMEWARD_AUDIT_SIGNING_KEY_ID pins 0123456789abcdef, but the database holds no signing key',
    );

    const first = await start();
    expect(first.url).toBeDefined();
    const response = await fetch(`${first.url!.replace('localhost', '127.0.0.1')}/api/v1/public/checkpoint`);
    expect(response.status).toBe(200);
    const { keyId, treeSize } = await response.json();
    expect(treeSize).toBeGreaterThan(0);
    await stop(first.child);

    const other = await start({ HOMEWARD_AUDIT_SIGNING_KEY_ID: 'fedcba9876543210' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      `homeward: refusing to start: the transparency log's signing key is ${keyId}, but ` +
        'HOMEWARD_AUDIT_SIGNING_KEY_ID pins fedcba9876543210',
    );
    const pinned = await start({ HOMEWARD_AUDIT_SIGNING_KEY_ID: keyId });
    expect(pinned.url).toBeDefined();
    await stop(pinned.child);
  });
});
