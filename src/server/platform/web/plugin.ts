import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPublicPage } from '../../../web/public/paths.ts';
import { notBuiltPage } from './not-built.ts';

/** Where `npm run build:web` writes the web application (vite.config.ts `build.outDir`). */
export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../../../dist/web');

export interface WebAppOptions {
  /** The built web application; the project's dist/web by default. */
  root?: string;
}

const HASHED_ASSETS = '/assets/';
/** Vite names every file under assets/ by its content hash: it never changes, so browsers keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=3600';
/** The page itself is checked on every visit, so a new release is picked up at once. */
const REVALIDATE = 'no-cache';
const ROOT_FILE = /^\/[\w.-]+\.[a-z0-9]+$/i;

/** The staff workspace's addresses: always the application, which shows sign-in or its own "not found". */
const isStaffPage = (pathname: string) => pathname === '/staff' || pathname.startsWith('/staff/');
const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * Serves the built web application from the API's own process: hashed assets with long caching (pre-compressed
 * .br/.gz beside them), and the application page for the public portal's pages and everything under /staff
 * (404 for unknown page addresses, so links that go nowhere are still reported as such). Never answers under
 * /api. The routes ask nothing of the session and log no address: a returnee reading the portal is not traced.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
  });

  async function page(pathname: string, reply: FastifyReply) {
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage());
    }
    const status = isPublicPage(pathname) || isStaffPage(pathname) ? 200 : 404;
    return reply.code(status).header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(html);
  }

  async function serve(request: FastifyRequest, reply: FastifyReply) {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isApi(pathname)) return reply.callNotFound();
    if (pathname.startsWith(HASHED_ASSETS)) {
      return reply.header('cache-control', IMMUTABLE).sendFile(pathname.slice(1));
    }
    if (ROOT_FILE.test(pathname)) return reply.header('cache-control', SHORT).sendFile(pathname.slice(1));
    return page(pathname, reply);
  }

  const route = { config: { permission: 'public' as const, anonymous: true }, schema: { hide: true } };
  app.get('/', route, serve);
  app.get('/*', route, serve);
}
