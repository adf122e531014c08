import { hash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { HomewardApp } from '../../app.ts';
import { type BodyEncoding, compressText, negotiateEncoding } from './compression.ts';

/**
 * How every public API response travels (`GET /api/v1/public/…`): compressed when the client reads Brotli or
 * gzip, with a strong ETag, a Cache-Control and `Vary: Accept-Encoding`, and 304 Not Modified when the client
 * already holds it. A visitor on a basic phone and a slow network reads these, so each byte and round trip counts.
 *
 * Every public GET route under /api/v1/public gets this from `registerPublicCache` without doing anything: the
 * serialized body is hashed for its ETag. A route that keeps its body as text between requests (the zone list,
 * built once per publication) hands it to `sendPublicBody` instead, which skips the hashing and compresses once.
 */

/**
 * Published classes change once a month, but a correction must reach readers soon: a minute without asking
 * again lets a visitor go from the map to a zone and back with no round trip (400 ms each on slow 3G), then
 * `must-revalidate` makes the next read ask, and a matching ETag answers that with a 304 of a few bytes.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, must-revalidate';
/**
 * For what may change at any moment and whose reader must see the latest (the transparency log's checkpoint,
 * which a witness countersigns): stored, but asked again each time, so only the 304 is saved.
 */
export const PUBLIC_REVALIDATE = 'public, no-cache';

/** Below this a body goes as it is: compression would save less than its headers and time cost. */
export const MIN_COMPRESSED_BYTES = 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How long a public response may be reused (`PUBLIC_CACHE_CONTROL` unless a route says otherwise). */
    publicCache?: typeof PUBLIC_CACHE_CONTROL | typeof PUBLIC_REVALIDATE;
  }
}

/** A response body kept as text, with its compressed forms made the first time a client asks for each. */
export interface PublicBody {
  readonly text: string;
  /** What the ETag is made of: the same tag means the same text. */
  readonly tag: string;
  readonly compressed: { br?: Promise<Buffer>; gzip?: Promise<Buffer> };
}

/** A body for text that stays the same as long as `tag` does (a content hash when no tag is given). */
export function publicBody(text: string, tag: string = hash('sha256', text, 'base64url').slice(0, 32)): PublicBody {
  return { text, tag, compressed: {} };
}

/** The body in the encoding asked for, with an ETag of its own per encoding (RFC 9110 §8.8.3). */
export async function encodePublicBody(
  body: PublicBody,
  wanted: BodyEncoding,
): Promise<{ payload: string | Buffer; etag: string; encoding: BodyEncoding }> {
  if (wanted === 'identity' || Buffer.byteLength(body.text) < MIN_COMPRESSED_BYTES) {
    return { payload: body.text, etag: `"${body.tag}"`, encoding: 'identity' };
  }
  // One compression per body and encoding, however many requests arrive while it runs.
  body.compressed[wanted] ??= compressText(body.text, wanted).catch((error: unknown) => {
    delete body.compressed[wanted]; // the next request tries again
    throw error;
  });
  return { payload: await body.compressed[wanted], etag: `"${body.tag}-${wanted}"`, encoding: wanted };
}

/** Whether the client's If-None-Match names this ETag (a list, or `*`; weak comparison, RFC 9110 §13.1.2). */
function clientHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Sets the caching headers and answers what to send: the payload, or null for a 304. */
async function prepare(
  request: FastifyRequest,
  reply: FastifyReply,
  body: PublicBody,
): Promise<string | Buffer | null> {
  const { payload, etag, encoding } = await encodePublicBody(
    body,
    negotiateEncoding(request.headers['accept-encoding']),
  );
  reply
    .header('etag', etag)
    .header('cache-control', request.routeOptions.config.publicCache ?? PUBLIC_CACHE_CONTROL)
    .header('vary', 'accept-encoding');
  if (clientHolds(request.headers['if-none-match'], etag)) {
    reply.code(304).removeHeader('content-type');
    return null;
  }
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return payload;
}

/** Sends a body kept between requests (see `publicBody`) as JSON or another type, with the caching above. */
export async function sendPublicBody(
  request: FastifyRequest,
  reply: FastifyReply,
  body: PublicBody,
  type = 'application/json',
): Promise<FastifyReply> {
  const payload = await prepare(request, reply, body);
  if (payload === null) return reply.send(null);
  return reply.type(type).send(payload as never);
}

/** A route under /api/v1/public that anyone may read: what this mechanism applies to. */
function isPublicRead(method: string | string[], url: string, permission: unknown): boolean {
  const methods = [method].flat();
  return (
    (methods.includes('GET') || methods.includes('HEAD')) &&
    url.startsWith('/api/v1/public/') &&
    permission === 'public'
  );
}

/** Bodies recently served by routes that do not keep their own (proofs, publications): compressed once each. */
const RECENT_BODIES = 500;
const recent = new Map<string, PublicBody>();

function recentBody(text: string): PublicBody {
  const fresh = publicBody(text);
  const known = recent.get(fresh.tag);
  if (known) {
    recent.delete(fresh.tag); // the most recently read last, the next to go first
    recent.set(fresh.tag, known);
    return known;
  }
  recent.set(fresh.tag, fresh);
  if (recent.size > RECENT_BODIES) recent.delete(recent.keys().next().value!);
  return fresh;
}

/** The 304 every public read may answer, in the OpenAPI document as in the response schemas. */
const NotModified = z.null().describe('Not Modified: the If-None-Match ETag is current; no body');

/**
 * Applies the caching above to every public read: documents the 304 on each such route as it is added, and
 * compresses and tags each successful answer a route did not send through `sendPublicBody`. Register it before
 * the routes.
 */
export function registerPublicCache(app: HomewardApp): void {
  app.addHook('onRoute', (route) => {
    if (!isPublicRead(route.method, route.url, route.config?.permission)) return;
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (route.schema && response && !(304 in response)) {
      route.schema = { ...route.schema, response: { ...response, 304: NotModified } };
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const { method, url, config } = request.routeOptions;
    if (reply.statusCode !== 200 || reply.hasHeader('etag') || !url || !isPublicRead(method, url, config.permission)) {
      return payload;
    }
    if (typeof payload !== 'string') return payload;
    return prepare(request, reply, recentBody(payload));
  });
}
