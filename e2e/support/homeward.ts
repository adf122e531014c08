import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Running the real Homeward for browser tests and web benchmarks: the production build of the web application
 * (built first when it is missing or older than its sources) served by `homeward start` on a free port, with
 * its own data directory.
 */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_DIR = path.join(ROOT, 'dist/web');
const BIN = path.join(ROOT, 'bin/homeward.js');
/** What the web build is made from: a change to any of these makes dist/web out of date. */
const WEB_SOURCES = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
const TEST_FILE = /\.test\.tsx?$/;

/** One demo account as `homeward demo --json` prints it. */
export interface DemoAccount {
  /** The role, or `<role>_<organisation>` for a second account of a role (`field_monitor_un`). */
  key: string;
  email: string;
  displayName: string;
  role: string;
  organisationName: string;
  password: string;
  totpSecret: string | null;
}

function newestSource(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (!TEST_FILE.test(child)) newest = Math.max(newest, newestSource(path.join(entry, child)));
  }
  return newest;
}

/** Why the web application must be built, or null when dist/web is there and newer than every source. */
export function webBuildNeeded(): string | null {
  const index = fs.statSync(path.join(WEB_DIR, 'index.html'), { throwIfNoEntry: false });
  if (!index) return 'dist/web is missing';
  const newest = Math.max(...WEB_SOURCES.map((source) => newestSource(path.join(ROOT, source))));
  return newest > index.mtimeMs ? 'dist/web is older than its sources' : null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(stdout);
      else
        reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} exited ${code}\n${stderr}`));
    });
  });
}

/** Builds the web application and its server renderer (`npm run build:web`) when dist/web is missing or out of date. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  const reason = webBuildNeeded();
  if (!reason) return;
  log(`building the web application (${reason})…`);
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--logLevel', 'warn']);
  // The server's rendering of the public pages (dist/ssr), as `npm run build:web` builds it.
  await run(process.execPath, [vite, 'build', '--ssr', 'ssr/render.tsx', '--logLevel', 'warn']);
}

/**
 * The environment for a Homeward process of our own: the embedded database in `dataDir`, never a database
 * the machine happens to be configured with, quiet logs.
 */
function homewardEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_DATA_DIR: dataDir, HOMEWARD_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.HOMEWARD_MASTER_KEY;
  return env;
}

/** A sample household as `homeward demo --json` prints it: its case reference and the code on its slip. */
export interface DemoSample {
  reference: string;
  statusCode: string;
  stage: string;
}

/** Loads the demo region into `dataDir` and answers its accounts and sample households (`homeward demo --json`). */
export async function loadDemo(dataDir: string): Promise<{ accounts: DemoAccount[]; samples: DemoSample[] }> {
  const out = await run(process.execPath, [BIN, '--data-dir', dataDir, 'demo', '--json'], homewardEnv(dataDir));
  const printed = JSON.parse(out) as { accounts: DemoAccount[]; samples?: DemoSample[] };
  return { accounts: printed.accounts, samples: printed.samples ?? [] };
}

export interface RunningHomeward {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `homeward start` on a free port of 127.0.0.1 and answers once it listens. Its output goes to
 * `logFile` when given (a failing run can then be read afterwards).
 */
export async function startHomeward(dataDir: string, logFile?: string): Promise<RunningHomeward> {
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, '--data-dir', dataDir, 'start', '--port', '0', '--host', '127.0.0.1'],
    { cwd: ROOT, env: homewardEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = logFile ? fs.createWriteStream(logFile) : undefined;
  child.stderr?.on('data', (chunk: Buffer) => log?.write(chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`homeward start did not listen within 120 s:\n${seen}`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      seen += chunk.toString();
      const port = /running at https?:\/\/[^:\s]+:(\d+)/.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`homeward start exited with ${code} before listening:\n${seen}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      log?.end();
    },
  };
}
