import { type ApiError, isApiError, networkError, problemFromResponse } from './problem.ts';

export const API_BASE = '/api/v1';
const CSRF_PATH = '/auth/csrf';
const AUTH_PREFIX = '/auth/';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Writes carry a fresh single-use CSRF token unless this is false (sign-in: there is no session yet). */
  csrf?: boolean;
}

export interface ApiClientOptions {
  /** The language the person reads, sent as Accept-Language so problems come back in it. */
  language: () => string;
  fetch?: typeof fetch;
  /** Prefix of every path; `/api/v1` by default. */
  baseUrl?: string;
}

export type SessionLostListener = (error: ApiError) => void;

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
  /**
   * Called when a request outside the sign-in steps finds the person no longer signed in (expired session,
   * signed out elsewhere). Returns a function that removes the listener.
   */
  onSessionLost(listener: SessionLostListener): () => void;
}

function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

/**
 * The one way the web application talks to the API: same-origin cookies, Accept-Language, a fresh CSRF token
 * per write, and problem+json turned into ApiError (a server that cannot be reached becomes code `network`).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? API_BASE;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const listeners = new Set<SessionLostListener>();

  async function send(method: string, path: string, body: unknown, request: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      'accept-language': options.language(),
    };
    // A Blob (a file the person chose) is sent as it is, under its own type; anything else as JSON.
    const raw = typeof Blob !== 'undefined' && body instanceof Blob;
    if (body !== undefined)
      headers['content-type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
    if (method !== 'GET' && request.csrf !== false) headers['x-csrf-token'] = await csrfToken(request.signal);
    try {
      return await doFetch(withQuery(`${baseUrl}${path}`, request.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') throw error;
      throw networkError(error);
    }
  }

  async function csrfToken(signal: AbortSignal | undefined): Promise<string> {
    const { token } = await call<{ token: string }>('GET', CSRF_PATH, undefined, signal ? { signal } : {});
    return token;
  }

  async function attempt<T>(method: string, path: string, body: unknown, request: RequestOptions): Promise<T> {
    let response = await send(method, path, body, request);
    let error = response.ok ? undefined : await problemFromResponse(response);
    // A rejected token means the write never ran (the check comes first), so one retry with a new token is safe.
    if (error?.code === 'csrf_failed' && method !== 'GET' && request.csrf !== false) {
      response = await send(method, path, body, request);
      error = response.ok ? undefined : await problemFromResponse(response);
    }
    if (error) throw error;
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : undefined) as T;
  }

  async function call<T>(method: string, path: string, body: unknown, request: RequestOptions): Promise<T> {
    try {
      return await attempt<T>(method, path, body, request);
    } catch (error) {
      // The sign-in steps handle their own answers; anywhere else, a lost session sends the person to sign in.
      if (isApiError(error) && error.sessionLost && !path.startsWith(AUTH_PREFIX)) {
        for (const listener of listeners) listener(error);
      }
      throw error;
    }
  }

  return {
    get: (path, request = {}) => call('GET', path, undefined, request),
    post: (path, body, request = {}) => call('POST', path, body, request),
    put: (path, body, request = {}) => call('PUT', path, body, request),
    patch: (path, body, request = {}) => call('PATCH', path, body, request),
    delete: (path, request = {}) => call('DELETE', path, undefined, request),
    onSessionLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
