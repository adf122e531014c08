import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});
afterAll(() => env.close());

describe('HTTP platform', () => {
  it('reports health with the database kind and version', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.HOMEWARD_TEST_DATABASE_URL ? 'postgres' : 'embedded',
      version: expect.any(String),
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
    const next = await env.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(next.headers['x-request-id']).not.toBe(response.headers['x-request-id']);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // A JSON response may load nothing and be framed by nothing.
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('gives pages the document policy: scripts and styles from Homeward itself only', async () => {
    const page = await env.app.inject({ method: 'GET', url: '/zones' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown route with a problem in the caller language', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/v1/nowhere',
      headers: { 'accept-language': 'ar' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('not_found');
    expect(problem.detail).toMatch(/[\u0600-\u06FF]/);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('serves the OpenAPI document and the reference UI', async () => {
    const openapi = await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(openapi.json().paths['/api/v1/health']).toBeDefined();
    const docs = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
