import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isPublicPage } from '../../../web/public/paths.ts';
import { negotiateEncoding } from '../http/compression.ts';
import {
  acceptFormBodies,
  type FormRegistration,
  localPath,
  type PublicForm,
  type RenderPage,
  registerPublicForm,
} from './forms.ts';
import { addressedLanguage, languageCookie, languagePageCookie, pageLanguage } from './language.ts';
import { notBuiltPage } from './not-built.ts';
import {
  assemblePage,
  compressPage,
  type FormState,
  loadRenderer,
  type Renderer,
  ssrEntryBeside,
  stylesheetReader,
} from './ssr.ts';

/** Where `npm run build:web` writes the web application (vite.config.ts `build.outDir`). */
export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../../../dist/web');

export interface WebAppOptions {
  /** The built web application; the project's dist/web by default. */
  root?: string;
  /** The built server renderer of the public pages; `../ssr/render.js` beside `root` by default. */
  ssrEntry?: string;
  /** More public forms (`publicForm(…)`, docs/web.md); the language form is always there. */
  forms?: readonly FormRegistration[];
}

const HASHED_ASSETS = '/assets/';
/** Vite names every file under assets/ by its content hash: it never changes, so browsers keep it a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=3600';
/** The page itself is checked on every visit, so a new release is picked up at once. */
const REVALIDATE = 'no-cache';
const ROOT_FILE = /^\/[\w.-]+\.[a-z0-9]+$/i;
/** A rendered page depends on these request headers (language, compression). */
const PAGE_VARY = 'accept-encoding, accept-language, cookie';

/** The staff workspace's addresses: always the application, which shows sign-in or its own "not found". */
const isStaffPage = (pathname: string) => pathname === '/staff' || pathname.startsWith('/staff/');
const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/**
 * The language form on every public page (`<form method="post" action="/language">`): sets the language cookie
 * and sends the reader back to the page they were on (a language page, `/ar`, becomes the chosen language's).
 */
function languageForm(languages: readonly string[]): PublicForm<{ language: string; return: string }> {
  return {
    id: 'language',
    action: '/language',
    schema: z.object({
      language: z.string().refine((code) => languages.includes(code), 'language.unknown'),
      return: z.string().optional().default('/'),
    }),
    page: (fields) => localPath(fields.return),
    accept: ({ language, return: back }, _request, reply) => {
      reply.header('set-cookie', languageCookie(language));
      const page = localPath(back);
      // A language's page (`/fr`) becomes the chosen language's (`/ar`); any other page stays itself.
      return addressedLanguage(page.split('?')[0] ?? '/') ? `/${language}` : page;
    },
  };
}

/**
 * Serves the built web application from the API's own process: hashed assets with long caching (pre-compressed
 * .br/.gz beside them); the public portal's pages rendered on the server in the reader's language, with their
 * data, compressed (then hydrated by the same components in the browser); the application page for everything
 * under /staff (a single-page application); 404 for unknown page addresses. Never answers under /api. The
 * routes ask nothing of the session and log no address: a returnee reading the portal is not traced.
 */
export async function webApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  const renderer = await loadRenderer(options.ssrEntry ?? ssrEntryBeside(root));
  const stylesheet = stylesheetReader(root);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
  });

  // index.html is read once it exists (every public page is built on it); until `npm run build:web` has made
  // it, each request looks again and gets the page saying how to build it.
  let built: Promise<string> | undefined;
  const template = async (): Promise<string | null> => {
    built ??= readFile(indexFile, 'utf8');
    return built.catch(() => {
      built = undefined;
      return null;
    });
  };
  const notBuilt = (reply: FastifyReply) =>
    reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltPage());

  /** The application page as built: the staff workspace, and public pages when there is no server renderer. */
  async function applicationPage(pathname: string, reply: FastifyReply) {
    const html = await template();
    if (html === null) return notBuilt(reply);
    const status = isPublicPage(pathname) || isStaffPage(pathname) ? 200 : 404;
    return reply.code(status).header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(html);
  }

  const renderPage = (server: Renderer): RenderPage =>
    async function renderPage(request, reply, url, sent) {
      const html = await template();
      if (html === null) return notBuilt(reply);
      const pathname = url.split('?')[0] ?? '/';
      const language = pageLanguage(pathname, request.headers, server.LANGUAGES);
      const page = await server.render({
        url,
        language,
        forms: sent.forms,
        // The public API in process, as the browser would ask it (in the page's language), without the network.
        fetch: async (address) => {
          const response = await app.inject({ method: 'GET', url: address, headers: { 'accept-language': language } });
          return { status: response.statusCode, body: response.statusCode === 200 ? response.json() : null };
        },
      });
      const status = !isPublicPage(pathname) ? 404 : page.status !== 200 ? page.status : sent.status;
      const text = await assemblePage(html, page, stylesheet);
      const remember = languagePageCookie(pathname, request.headers.cookie, server.LANGUAGES);
      if (remember) reply.header('set-cookie', remember);
      const encoding = negotiateEncoding(request.headers['accept-encoding']);
      reply
        .code(status)
        .header('cache-control', REVALIDATE)
        .header('vary', PAGE_VARY)
        .header('content-language', language)
        .type('text/html; charset=utf-8');
      if (encoding === 'identity') return reply.send(text);
      return reply.header('content-encoding', encoding).send(await compressPage(text, encoding));
    };

  const rendered = renderer ? renderPage(renderer) : null;
  const noForms: Record<string, FormState> = {};

  async function serve(request: FastifyRequest, reply: FastifyReply) {
    const pathname = request.url.split('?')[0] ?? '/';
    if (isApi(pathname)) return reply.callNotFound();
    if (pathname.startsWith(HASHED_ASSETS)) {
      return reply.header('cache-control', IMMUTABLE).sendFile(pathname.slice(1));
    }
    if (ROOT_FILE.test(pathname)) return reply.header('cache-control', SHORT).sendFile(pathname.slice(1));
    const zone = /^\/zones\/([A-Za-z]{2}[0-9]{0,12})\/?$/.exec(pathname)?.[1];
    // P-codes are upper case: `/zones/qm01` is the page `/zones/QM01`.
    if (zone && zone !== zone.toUpperCase()) return reply.redirect(`/zones/${zone.toUpperCase()}`, 308);
    if (rendered && !isStaffPage(pathname))
      return rendered(request, reply, request.url, { forms: noForms, status: 200 });
    return applicationPage(pathname, reply);
  }

  const route = { config: { permission: 'public' as const, anonymous: true }, schema: { hide: true } };
  app.get('/', route, serve);
  app.get('/*', route, serve);

  acceptFormBodies(app);
  // Without the server renderer (not built), an invalid form shows the application page, which says so.
  const renderForm: RenderPage =
    rendered ?? ((_request, reply, url) => applicationPage(url.split('?')[0] ?? '/', reply.code(422)));
  const languages = renderer?.LANGUAGES ?? ['en'];
  registerPublicForm(app, renderForm, languageForm(languages));
  for (const register of options.forms ?? []) register(app, renderForm);
}
