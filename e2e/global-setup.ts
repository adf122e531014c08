import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  type DemoAccount,
  type DemoSample,
  ensureWebBuild,
  loadDemo,
  ROOT,
  startHomeward,
} from './support/homeward.ts';

export const OUTPUT_DIR = path.join(ROOT, 'test-output');
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'e2e-screenshots');

/**
 * Once per `npm run test:e2e`: build the web application if needed, load the demo region into a fresh data
 * directory, start Homeward on a free port, and give the tests its address and the demo accounts. The server
 * stops and the data directory is removed when the run ends.
 */
export default async function setup(project: TestProject) {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await ensureWebBuild();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-e2e-'));
  const dataDir = path.join(runDir, 'data');
  let server: Awaited<ReturnType<typeof startHomeward>> | undefined;
  try {
    const { accounts, samples } = await loadDemo(dataDir);
    server = await startHomeward(dataDir, path.join(OUTPUT_DIR, 'e2e-server.log'));
    project.provide('homeward', { url: server.url, accounts, samples, runDir, screenshotDir: SCREENSHOT_DIR });
  } catch (error) {
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    homeward: {
      /** The running server, e.g. http://127.0.0.1:41234 */
      url: string;
      /** The demo accounts (`homeward demo --json`), passwords and TOTP secrets included. */
      accounts: DemoAccount[];
      /** The demo's sample households (case reference and slip code), for the public status page. */
      samples: DemoSample[];
      /** A directory of this run, shared by the test files (the TOTP step ledger lives there). */
      runDir: string;
      screenshotDir: string;
    };
  }
}
