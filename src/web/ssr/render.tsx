/**
 * The server's rendering of the public portal: the same components as in the browser, rendered to HTML with
 * their data, in the reader's language (docs/web.md, "Public pages rendered on the server"). Vite builds this
 * file for Node into dist/ssr/render.js; src/server/platform/web/plugin.ts loads it.
 */
import { text } from 'node:stream/consumers';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppProviders, AppRoutes } from '../App.tsx';
import { directionOf } from '../i18n/languages.ts';
import { createI18n } from '../i18n/setup.ts';
import { publicPageQueries } from '../public/data.ts';
import { preloadPublicPage } from '../public/PublicRoutes.tsx';
import type { FormState, PageContext } from '../public/page-context.tsx';
import { serializePageState } from './state.ts';

export { LANGUAGES } from '../i18n/languages.ts';

export interface RenderInput {
  /** The page's address: path and query string. */
  url: string;
  /** A language the portal speaks (the server chose it from the address, cookie or Accept-Language). */
  language: string;
  /** Asks the public API (an address under /api/v1) in process: its status and JSON body. */
  fetch: (path: string) => Promise<{ status: number; body: unknown }>;
  /** Forms sent back with errors, by form id. */
  forms?: Record<string, FormState>;
}

export interface RenderedPage {
  status: number;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The markup inside `<div id="root">`. */
  html: string;
  /** The page's state as JSON, for `<script type="application/json" id="homeward-state">`. */
  state: string;
  /** The page's feed, linked from its head with rel="alternate" (the timeline's Atom feed). */
  feed?: string;
}

// One i18next instance per language, made once: rendering only reads it.
const instances = new Map<string, Promise<I18n>>();
const i18nFor = (language: string): Promise<I18n> => {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
};

/**
 * Fetches what the page shows into a fresh query cache. Returns 503 when the API failed (the page then shows
 * its own error panel), else 200; a 404 a query expects is data (the page says "not found" and sets 404).
 */
async function prefetch(url: string, queryClient: QueryClient, fetch: RenderInput['fetch']): Promise<number> {
  let status = 200;
  const [pathname = '/', search = ''] = url.split('?');
  await Promise.all(
    publicPageQueries(pathname, search).map(async (query) => {
      const response = await fetch(`/api/v1${query.path}`);
      if (response.status === 200) queryClient.setQueryData(query.key, query.shape(response.body));
      else if (response.status === 404 && 'notFound' in query) queryClient.setQueryData(query.key, query.notFound);
      else status = 503;
    }),
  );
  return status;
}

export async function render(input: RenderInput): Promise<RenderedPage> {
  const pathname = input.url.split('?')[0] ?? '/';
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  const [i18n, fetched] = await Promise.all([
    i18nFor(input.language),
    prefetch(input.url, queryClient, input.fetch),
    preloadPublicPage(pathname),
  ]);
  const forms = input.forms ?? {};
  const head: NonNullable<PageContext['head']> = {};
  // Waits for every lazy part (the zone pages' chunks). Every Suspense boundary stays in place in the HTML: React
  // would move large ones to the end with an inline script, which the CSP refuses and a phone without JavaScript
  // never runs.
  const { prelude } = await prerenderToNodeStream(
    <AppProviders i18n={i18n} queryClient={queryClient} page={{ forms, head, url: input.url }}>
      <StaticRouter location={input.url}>
        <AppRoutes />
      </StaticRouter>
    </AppProviders>,
    { progressiveChunkSize: Number.MAX_SAFE_INTEGER },
  );
  // Decoded once, whole: a chunk may end inside a character (Arabic and Kurdish letters are two bytes).
  const html = await text(prelude);
  // A safety net: a script here would be refused by the CSP and leave the page unfinished.
  if (html.includes('<script')) throw new Error(`the rendering of ${input.url} holds an inline script`);
  return {
    status: head.status ?? fetched,
    title: head.title ?? i18n.t('app.name'),
    lang: input.language,
    dir: directionOf(input.language),
    html,
    state: serializePageState({ url: input.url, queries: dehydrate(queryClient), forms }),
    ...(pathname === '/timeline' ? { feed: '/timeline.atom' } : {}),
  };
}
