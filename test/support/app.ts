import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp, type HomewardApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { DatabaseHandle } from '../../src/server/platform/db/client.ts';
import { copyTemplate } from './template.ts';

/** A fixed master key for tests only (32 bytes, base64). */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestEnvironment {
  app: HomewardApp;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** A fresh migrated database, its own data directory and an app on top, for one test file. */
export async function createTestDatabase(): Promise<{ database: DatabaseHandle; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-test-'));
  const database = await copyTemplate(inject('databaseTemplate'), dataDir);
  return { database, dataDir };
}

/**
 * An app on its own copy of the migrated database. The transparency log's checkpoint timer is off unless a test
 * turns it on: left at its minute, it signed a checkpoint (an entry of the log, and the signing key's on the
 * first) during whichever test of a slow file ran a minute after the app started, and a test counting what a
 * step wrote to the log (the demo's "a second load changes nothing") found entries it had not written.
 */
export async function createTestEnvironment(overrides: Partial<Config> = {}): Promise<TestEnvironment> {
  const { database, dataDir } = await createTestDatabase();
  const config = loadConfig(
    { HOMEWARD_LOG_LEVEL: 'silent' },
    { dataDir, masterKey: TEST_MASTER_KEY, checkpointIntervalSeconds: 0, ...overrides },
  );
  const app = await buildApp(config, { database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
