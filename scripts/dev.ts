// `npm run dev`: the API server and Vite's dev server together. Open Vite's address: pages reload as you edit,
// and Vite passes /api/* on to the API server, so the browser sees one origin (cookies, CSRF) as in production.
// HOMEWARD_API_PORT (default 8080) moves the API server; other variables (HOMEWARD_DATA_DIR, DATABASE_URL) reach it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';

const rootDir = path.resolve(import.meta.dirname, '..');
const apiPort = process.env.HOMEWARD_API_PORT ?? '8080';
process.env.HOMEWARD_API_URL ??= `http://127.0.0.1:${apiPort}`;

const api = spawn(process.execPath, [path.join(rootDir, 'bin/homeward.js'), 'start', '--port', apiPort], {
  cwd: rootDir,
  stdio: 'inherit',
});

const vite = await createServer({ configFile: path.join(rootDir, 'vite.config.ts') });
await vite.listen();
vite.printUrls();

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await vite.close();
  if (api.exitCode === null) api.kill('SIGTERM');
  process.exit(code);
}
api.on('exit', (code) => {
  if (!stopping) console.error(`The API server stopped (exit ${code ?? 'signal'}); stopping the dev server.`);
  void stop(code ?? 1);
});
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
