import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import type { FormState } from '../../../web/public/page-context.tsx';
import type { RenderedPage, RenderInput } from '../../../web/ssr/render.tsx';
import { PAGE_STATE_ID } from '../../../web/ssr/state.ts';

/** What dist/ssr/render.js exports (src/web/ssr/render.tsx, built by `npm run build:web`). */
export interface Renderer {
  render(input: RenderInput): Promise<RenderedPage>;
  LANGUAGES: readonly string[];
}

export type { FormState, RenderedPage };

/** Loads the built server renderer, or null when it is not built (development, the plugin's tests). */
export async function loadRenderer(entry: string): Promise<Renderer | null> {
  try {
    await access(entry);
  } catch {
    return null;
  }
  return (await import(pathToFileURL(entry).href)) as Renderer;
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const STYLESHEET = /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g;

/**
 * The stylesheets the page links (the public portal's one, from main.tsx), read once per file: a hashed name
 * never changes content.
 */
export function stylesheetReader(root: string) {
  const read = new Map<string, Promise<string>>();
  return (href: string): Promise<string> => {
    let css = read.get(href);
    if (!css) {
      css = readFile(path.join(root, href), 'utf8');
      read.set(href, css);
    }
    return css;
  };
}

/**
 * The page's HTML: the built index.html with the rendered markup in #root, the page's state beside it (JSON, not
 * run), `lang`/`dir` and the title set, and the stylesheet inlined (one request less before the first paint on
 * a slow network: a returnee's phone paints the page from the first response alone).
 */
export async function assemblePage(
  template: string,
  page: RenderedPage,
  stylesheet: (href: string) => Promise<string>,
): Promise<string> {
  const hrefs = [...template.matchAll(STYLESHEET)].map((match) => match[1]!);
  const sheets = new Map(await Promise.all(hrefs.map(async (href) => [href, await stylesheet(href)] as const)));
  return template
    .replace(/<html[^>]*>/, `<html lang="${page.lang}" dir="${page.dir}" data-mantine-color-scheme="light">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace('</head>', () =>
      page.feed
        ? `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(page.feed)}">\n</head>`
        : '</head>',
    )
    .replace(STYLESHEET, (_link, href: string) => `<style>${sheets.get(href) ?? ''}</style>`)
    .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${page.html}</div>\n<script type="application/json" id="${PAGE_STATE_ID}">${page.state}</script>`,
    );
}

/** Where the built renderer is, beside dist/web. */
export const ssrEntryBeside = (webRoot: string) => path.join(webRoot, '../ssr/render.js');

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * A rendered page compressed for one response: Brotli at quality 6 takes a tenth of the time of quality 9 for a
 * zone page (2 ms against 19) and sends some 3 % more, a fair trade for a body built on every request.
 */
export function compressPage(text: string, encoding: 'br' | 'gzip'): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(text, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 6, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
      })
    : gzipAsync(text, { level: 6 });
}
