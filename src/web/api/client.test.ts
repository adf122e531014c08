import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client.ts';
import { ApiError } from './problem.ts';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, body: Record<string, unknown>) =>
  json(status, { type: 'about:blank', title: 'T', status, ...body }, 'application/problem+json; charset=utf-8');

/** A fake server: answers each request with the next scripted response and records what was sent. */
function server(...responses: (Response | ((sent: Sent) => Response))[]) {
  const sent: Sent[] = [];
  let tokens = 0;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request: Sent = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    };
    sent.push(request);
    if (request.url.endsWith('/auth/csrf')) return json(200, { token: `token-${++tokens}` });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return typeof next === 'function' ? next(request) : next;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

describe('API client', () => {
  it('sends a chosen file as it is, under its own type, and keeps the record a refusal names', async () => {
    const existing = { id: 'e0a1', href: '/api/v1/observations/e0a1' };
    const { fetch, sent } = server(
      json(201, { id: 'f1' }),
      problem(409, { code: 'conflict', reason: 'duplicate_observation', existing }),
    );
    const api = createApiClient({ language: () => 'en', fetch });
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await api.post('/observations/1/files', photo, { query: { name: 'IMG 1.jpg' } });
    const upload = sent.find((r) => r.url.includes('/files'))!;
    expect(upload.url).toBe('/api/v1/observations/1/files?name=IMG+1.jpg');
    expect(upload.headers['content-type']).toBe('image/jpeg');
    expect(upload.body).toBe(photo);
    const refused = await api.post('/observations', { value: 1 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).existing).toEqual(existing);
  });

  it('sends the chosen language as Accept-Language on every request, including the CSRF token fetch', async () => {
    let language = 'ar';
    const { fetch, sent } = server(json(200, { ok: true }), json(201, { id: 1 }));
    const api = createApiClient({ language: () => language, fetch });
    await api.get('/me');
    language = 'fr';
    await api.post('/users', { email: 'a@example.org' });
    expect(sent.map((r) => [r.method, r.url, r.headers['accept-language']])).toEqual([
      ['GET', '/api/v1/me', 'ar'],
      ['GET', '/api/v1/auth/csrf', 'fr'],
      ['POST', '/api/v1/users', 'fr'],
    ]);
  });

  it('fetches a fresh single-use CSRF token for each write and none for reads', async () => {
    const { fetch, sent } = server(json(200, []), json(201, {}), json(200, {}), new Response(null, { status: 204 }));
    const api = createApiClient({ language: () => 'en', fetch });
    await api.get('/users');
    await api.post('/users', { email: 'a@example.org' });
    await api.patch('/organisations/1', { name: 'N' });
    await api.delete('/users/1/memberships/2');
    const writes = sent.filter((r) => !r.url.endsWith('/auth/csrf'));
    expect(writes.map((r) => [r.method, r.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'token-1'],
      ['PATCH', 'token-2'],
      ['DELETE', 'token-3'],
    ]);
    expect(sent.filter((r) => r.url.endsWith('/auth/csrf'))).toHaveLength(3);
  });

  it('sends JSON bodies with their content type, and no content type without a body', async () => {
    const { fetch, sent } = server(json(200, {}), json(200, {}));
    const api = createApiClient({ language: () => 'en', fetch });
    await api.post('/auth/login', { email: 'a@example.org', password: 'pw' }, { csrf: false });
    await api.post('/auth/totp/enrol');
    expect(sent[0]).toMatchObject({
      url: '/api/v1/auth/login',
      body: '{"email":"a@example.org","password":"pw"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(sent[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(sent.filter((r) => r.url.endsWith('/auth/csrf'))).toHaveLength(1);
    expect(sent[2]!.headers['content-type']).toBeUndefined();
    expect(sent[2]!.body).toBeUndefined();
  });

  it('retries a write once with a new token when the token was refused (nothing was written)', async () => {
    const { fetch, sent } = server(problem(403, { code: 'csrf_failed', detail: 'Reload' }), json(201, { id: 7 }));
    const api = createApiClient({ language: () => 'en', fetch });
    await expect(api.post('/users', {})).resolves.toEqual({ id: 7 });
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers['x-csrf-token'])).toEqual(['token-1', 'token-2']);
  });

  it('turns problem+json into an ApiError with the translated detail and field errors by form field', async () => {
    const { fetch } = server(
      problem(400, {
        code: 'validation_failed',
        detail: 'بعض الحقول ناقصة أو غير صالحة.',
        requestId: 'req-1',
        errors: [
          { field: 'body.email', code: 'invalid_format', message: 'Invalid email address' },
          { field: 'body.memberships.0.role', code: 'invalid_value', message: 'Invalid option' },
        ],
      }),
    );
    const api = createApiClient({ language: () => 'ar', fetch });
    const error = await api.post('/users', { email: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'بعض الحقول ناقصة أو غير صالحة.',
      requestId: 'req-1',
    });
    expect(apiError.forField('email')).toBe('Invalid email address');
    expect(apiError.forField('memberships.0.role')).toBe('Invalid option');
    expect(apiError.forField('displayName')).toBeUndefined();
    expect(apiError.sessionLost).toBe(false);
  });

  it('keeps the reason a problem gives, so a screen can act on one case of its code', async () => {
    const { fetch } = server(problem(409, { code: 'conflict', reason: 'email_taken', detail: 'That email is taken.' }));
    const api = createApiClient({ language: () => 'en', fetch });
    await expect(api.post('/users', {})).rejects.toMatchObject({ code: 'conflict', reason: 'email_taken' });
  });

  it('keeps the status of an error that is not a problem (a proxy page), without a detail to show', async () => {
    const { fetch } = server(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    const api = createApiClient({ language: () => 'en', fetch });
    const error = (await api.get('/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 502, code: 'unavailable', detail: undefined });
  });

  it('reports a server that cannot be reached as a network error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ language: () => 'en', fetch });
    const error = (await api.get('/me').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('tells listeners when the session is lost outside the sign-in steps, not during them', async () => {
    const expired = () => problem(401, { code: 'session_expired', detail: 'Your session has expired.' });
    const { fetch } = server(expired(), problem(401, { code: 'invalid_credentials', detail: 'Wrong' }), expired());
    const api = createApiClient({ language: () => 'en', fetch });
    const lost = vi.fn();
    const stop = api.onSessionLost(lost);
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'session_expired' });
    await expect(api.post('/auth/login', {}, { csrf: false })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0]![0]).toMatchObject({ code: 'session_expired' });
    stop();
    await expect(api.get('/users')).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('treats a write whose CSRF token cannot be had because the session expired as a lost session', async () => {
    const fetch = vi.fn(async () =>
      problem(401, { code: 'session_expired', detail: 'expired' }),
    ) as unknown as typeof globalThis.fetch;
    const api = createApiClient({ language: () => 'en', fetch });
    const lost = vi.fn();
    api.onSessionLost(lost);
    await expect(api.post('/users', {})).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('adds query parameters, leaving out empty ones', async () => {
    const { fetch, sent } = server(json(200, []));
    const api = createApiClient({ language: () => 'en', fetch });
    await api.get('/users', { query: { organisationId: 'o-1', page: 2, q: '', missing: undefined } });
    expect(sent[0]!.url).toBe('/api/v1/users?organisationId=o-1&page=2');
  });
});
