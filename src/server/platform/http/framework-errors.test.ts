import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_MASTER_KEY } from '../../../../test/support/app.ts';
import { buildApp, type HomewardApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../db/client.ts';

/**
 * Errors raised before the application's handler, sent over a real socket (some never reach Fastify's
 * router, so inject cannot produce them).
 */
let app: HomewardApp;
let database: DatabaseHandle;
let dataDir: string;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  const config = loadConfig(
    { HOMEWARD_LOG_LEVEL: 'info' },
    { dataDir, masterKey: TEST_MASTER_KEY, bodyLimitBytes: 4096 },
  );
  app = await buildApp(config, { database, logStream: { write: (line) => void lines.push(line) } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes the bytes as they are and reads the answer until the server closes the connection. */
function raw(request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    // Not end(): a client that half-closes may see the server close before a slow answer is written.
    socket.write(request);
  });
}

const get = (target: string, extra = '') =>
  raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

const post = (target: string, contentType: string, body: string) =>
  raw(
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: ${contentType}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );

/** The same problem+json, security headers and request id as any answer of the application. */
function expectProblem(response: RawResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  const problem = JSON.parse(response.body);
  expect(problem).toMatchObject({ status, code, requestId: response.headers['x-request-id'] });
  expect(problem.title).toEqual(expect.any(String));
}

describe('errors before the application handler', () => {
  it('answers a URL that does not decode with a bad_request problem', async () => {
    expectProblem(await get('/api/v1/public/zones/%E0%A4%A'), 400, 'bad_request');
    expectProblem(await get('/api/v1/observations/%zz'), 400, 'bad_request');
  });

  it('answers an over-long path parameter with a problem (the router finds no route for it)', async () => {
    expectProblem(await get(`/api/v1/public/zones/${'Q'.repeat(500)}`), 404, 'not_found');
    expectProblem(await get(`/api/v1/observations/${'%41'.repeat(300)}`), 404, 'not_found');
  });

  it('answers control characters in a header and a malformed request line with bad_request', async () => {
    expectProblem(await get('/api/v1/health', 'X-Probe: a\u0001b\r\n'), 400, 'bad_request');
    expectProblem(await raw('GET /api/v1/health HTTP/1.1 extra\r\nHost: x\r\n\r\n'), 400, 'bad_request');
    expectProblem(await raw('NOT A REQUEST AT ALL\r\n\r\n'), 400, 'bad_request');
  });

  it('answers oversized headers with header_too_large', async () => {
    expectProblem(await get('/api/v1/health', `X-Padding: ${'a'.repeat(40_000)}\r\n`), 431, 'header_too_large');
    expectProblem(await get(`/api/v1/health?${'q'.repeat(40_000)}`), 431, 'header_too_large');
  });

  it('answers invalid JSON, a wrong content type and a body too large with problems', async () => {
    expectProblem(await post('/api/v1/auth/login', 'application/json', '{"email": '), 400, 'malformed_json');
    expectProblem(await post('/api/v1/auth/login', 'text/plain', 'hello'), 415, 'unsupported_media_type');
    expectProblem(await post('/api/v1/auth/login', 'application/x-unknown', 'hello'), 415, 'unsupported_media_type');
    const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(8000) });
    expectProblem(await post('/api/v1/auth/login', 'application/json', big), 413, 'payload_too_large');
  });

  it('refuses a cross-site write sent without a Host header (HTTP/1.0) as a problem, not a failure', async () => {
    const response = await raw(
      'POST /api/v1/auth/login HTTP/1.0\r\nOrigin: https://attacker.example\r\n' +
        'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
    );
    expectProblem(response, 403, 'forbidden');
  });

  it('answers odd but parseable headers without a 5xx', async () => {
    const odd = [
      'Cookie: homeward_session=%E0%A4%A\r\n',
      'Cookie: homeward_device=%zz~\u00ff\r\n',
      'Cookie: homeward_device=%zz~\r\n',
      'Cookie: homeward_session=\u00ff\r\n',
      `Cookie: homeward_device=${`${'0'.repeat(32)}.${'A'.repeat(22)}~`.repeat(40)}\r\n`,
      'Accept-Language: \u00e9\u00ff;q=abc, *;q=-1\r\n',
      'Content-Type: application/json; charset=\u00ff\r\n',
    ];
    const body = '{"email":"a@b.example","password":"not right"}';
    for (const header of odd) {
      const response = await raw(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${header}` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      expect(response.status, header).toBeLessThan(500);
      expect(response.status, header).toBeGreaterThanOrEqual(400);
    }
  });

  it('log each such request by its request id, with no address and none of the bytes sent', async () => {
    lines.length = 0;
    const response = await get('/api/v1/health', `X-Padding: ${'secret-'.repeat(6000)}\r\n`);
    const bad = await get('/api/v1/public/zones/%E0%A4%A');
    const text = lines.join('');
    expect(text).toContain(response.headers['x-request-id']);
    expect(text).toContain(bad.headers['x-request-id']);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('secret-');
    expect(text).not.toContain('%E0');
  });
});
