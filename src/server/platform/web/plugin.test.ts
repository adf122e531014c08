import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../http/problem.ts';
import { webApp } from './plugin.ts';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head></html>';
const SCRIPT = `console.log(${JSON.stringify('homeward '.repeat(200))});`;

function fakeBuild(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'assets/app-1a2b3c.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'assets/app-1a2b3c.js.gz'), gzipSync(SCRIPT));
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

async function server(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/api/v1/health', { config: { permission: 'public' } }, async () => ({ status: 'ok' }));
  await app.register(webApp, { root });
  await app.ready();
  return app;
}

describe('serving the web application', () => {
  let root: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    root = fakeBuild();
    app = await server(root);
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/help', '/languages', '/ar', '/staff', '/staff/sign-in', '/staff/administration/users?x=1'])(
    'answers the page %s with the application, revalidated on every visit',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX);
    },
  );

  it('answers an unknown page with the application (its "not found" page) and status 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/no-such/page' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toBe(INDEX);
  });

  it('never answers under /api: an unknown API address stays a problem+json 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
  });

  it('serves hashed assets for a year, pre-compressed when the browser accepts it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.body).toBe(SCRIPT);

    const gzipped = await app.inject({
      method: 'GET',
      url: '/assets/app-1a2b3c.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBeLessThan(SCRIPT.length);
  });

  it('answers a missing asset with 404, not with the application page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<!doctype html>');
  });

  it('serves files at the root (the icon) with a short cache, and refuses paths that climb out', async () => {
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    const climb = await app.inject({ method: 'GET', url: '/assets/../../etc/passwd' });
    expect(climb.statusCode).toBeGreaterThanOrEqual(400);
    expect(climb.body).not.toContain('root:');
  });

  it('declares every route it adds as public and anonymous (no session lookup, no address logged)', async () => {
    const routes: { url: string; config: unknown }[] = [];
    const probe = Fastify({ logger: false });
    probe.addHook('onRoute', (route) => {
      routes.push({ url: route.url, config: route.config });
    });
    await probe.register(webApp, { root });
    await probe.ready();
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes)
      expect(route.config, route.url).toMatchObject({ permission: 'public', anonymous: true });
    await probe.close();
  });
});

describe('before the web application is built', () => {
  it('answers pages with a clear page saying how to build it', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-web-empty-'));
    const app = await server(empty);
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('npm run build');
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    await app.close();
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
