import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { addBareGatewayRoute } from './bare-gateway.ts';

interface Fixture {
  method: 'GET' | 'POST';
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

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
  // The limit of the timeline's Atom feed (bench/forum.ts): the same feed, from memory.
  const staticAtom = process.env.HOMEWARD_BENCH_STATIC_ATOM;
  if (staticAtom) {
    const body = fs.readFileSync(staticAtom, 'utf8');
    app.get('/timeline.atom', async (_request, reply) => reply.type('application/atom+xml; charset=utf-8').send(body));
  }
  // The limit of the mixed load (bench/mixed.ts): each route answers what Homeward answered it, from memory.
  const fixtures = process.env.HOMEWARD_BENCH_FIXTURES;
  if (fixtures) {
    const answers = JSON.parse(fs.readFileSync(fixtures, 'utf8')) as Fixture[];
    for (const { method, path: url, status, headers, body } of answers) {
      const bytes = Buffer.from(body, 'base64');
      app.route({ method, url, handler: async (_request, reply) => reply.code(status).headers(headers).send(bytes) });
    }
  }
  // The limit of the gateway's submissions (bench/gateway.ts): the same rows, stored the plainest way.
  const gatewayDataDir = process.env.HOMEWARD_BENCH_GATEWAY_DATA_DIR;
  if (gatewayDataDir) {
    await addBareGatewayRoute(app, gatewayDataDir, process.env.HOMEWARD_BENCH_GATEWAY_ORGANISATION ?? '');
    process.once('SIGTERM', async () => {
      await app.close();
      process.exit(0);
    });
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
