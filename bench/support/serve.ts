import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';

// Child process for bench/support/servers.ts: serves Homeward, or a bare Fastify route as the limit.
const kind = process.argv[2];
if (kind === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/api/v1/health', async () => ({ status: 'ok', database: 'embedded', version: '0' }));
  // The limit of the public zone list (bench/zones.ts): a static JSON body of the same size.
  const staticJson = process.env.HOMEWARD_BENCH_STATIC_JSON;
  if (staticJson) {
    const body = fs.readFileSync(staticJson, 'utf8');
    app.get('/api/v1/public/zones', async (_request, reply) => reply.type('application/json').send(body));
  }
  console.log(`listening ${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/health`);
} else {
  const ownDataDir = process.env.HOMEWARD_DATA_DIR === undefined;
  const dataDir = process.env.HOMEWARD_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-'));
  const config = loadConfig({ ...process.env, HOMEWARD_LOG_LEVEL: 'silent' }, { dataDir });
  const app = await buildApp(config, { logger: false });
  process.once('SIGTERM', async () => {
    await app.close();
    if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
  console.log(`listening ${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/health`);
}
