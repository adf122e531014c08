import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../e2e/support/chromium.ts';
import { ensureWebBuild, loadDemo, startHomeward, WEB_DIR } from '../e2e/support/homeward.ts';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import type { Scenario, ScenarioResult } from './types.ts';

/** The demo region, loaded once for every scenario that reads published zones, removed when the run ends. */
let demoDir: Promise<string> | undefined;
function demoDataDir(): Promise<string> {
  demoDir ??= (async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-web-demo-'));
    process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    await loadDemo(dataDir);
    return dataDir;
  })();
  return demoDir;
}

/**
 * The public portal as a visitor's browser gets it: the production build (built first when dist/web is missing
 * or out of date) served by `homeward start`, from an empty data directory or with the demo region, opened in
 * headless Chromium.
 */
async function withPortal<T>(
  work: (url: string, browser: Browser) => Promise<T>,
  { demo = false }: { demo?: boolean } = {},
): Promise<T> {
  await ensureWebBuild((line) => console.error(line));
  const dataDir = demo ? await demoDataDir() : fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-web-'));
  const server = await startHomeward(dataDir);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  try {
    return await work(server.url, browser);
  } finally {
    await browser.close();
    await server.stop();
    if (!demo) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A built file's size gzipped at level 9: the .gz the build wrote beside it, or compressed here (small files). */
function gzippedSize(file: string): number {
  const gz = fs.statSync(`${file}.gz`, { throwIfNoEntry: false });
  return gz ? gz.size : gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Slow 3G as the DevTools protocol takes it: 400 ms round trip, 400 kbit/s each way. */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** The two public pages a returnee opens first: the home page, and the page of the demo's zone with mines. */
const PUBLIC_PAGES = [
  { name: 'home page', path: '/' },
  { name: `zone page (${DEMO_ZONE_STORY.hardRed})`, path: `/zones/${DEMO_ZONE_STORY.hardRed}` },
] as const;

/** The bytes a response's body takes on the wire (compressed as sent), asking as a browser over HTTPS does. */
function transferredBytes(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'none') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * What a browser with JavaScript switched off loads for a page: the document and its stylesheets (their
 * compressed sizes asked for again with `Accept-Encoding: br, gzip`, since Chromium asks for Brotli only over
 * HTTPS), the text it then shows, and whatever else it fetched (images, fonts).
 */
async function weighWithoutJavaScript(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  const page = await context.newPage();
  const fetched: { url: string; type: string }[] = [];
  page.on('response', (response) => fetched.push({ url: response.url(), type: response.request().resourceType() }));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not what scripts and styles hold
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').trim();
  const headings = await page.getByRole('heading').count();
  await context.close();
  const counted = fetched.filter((entry) => entry.type === 'document' || entry.type === 'stylesheet');
  const sizes = await Promise.all(counted.map(async (entry) => ({ ...entry, ...(await transferredBytes(entry.url)) })));
  const others = fetched.filter((entry) => !counted.includes(entry));
  return { sizes, total: sizes.reduce((sum, entry) => sum + entry.bytes, 0), text, headings, others };
}

/** A clear line instead of a failure where the browser is not installed. */
function chromiumMissing(): ScenarioResult | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  return {
    figure: 0,
    unit: '',
    higherIsBetter: false,
    target: 'skipped',
    met: true,
    notes: `skipped: Chromium not found at ${CHROMIUM} (apt-get install chromium, or set HOMEWARD_CHROMIUM)`,
  };
}

const weightScenarios: Scenario[] = PUBLIC_PAGES.map((target) => ({
  name: `public ${target.name}: HTML + CSS transferred with JavaScript off (demo data)`,
  async run() {
    const skipped = chromiumMissing();
    if (skipped) return skipped;
    return withPortal(
      async (url, browser) => {
        const weight = await weighWithoutJavaScript(browser, `${url}${target.path}`);
        const figure = weight.total / 1000;
        const quote = weight.text.length > 80 ? `${weight.text.slice(0, 77)}…` : weight.text;
        return {
          figure,
          unit: 'kB',
          higherIsBetter: false,
          target: '≤ 30 kB',
          met: figure <= 30,
          notes:
            `${weight.sizes.map((entry) => `${path.basename(new URL(entry.url).pathname) || target.path} ${kB(entry.bytes)} (${entry.encoding})`).join(', ')}; ` +
            `also fetched: ${weight.others.length === 0 ? 'nothing' : weight.others.map((entry) => `${entry.type} ${path.basename(new URL(entry.url).pathname)}`).join(', ')}; ` +
            `shows ${weight.text.length} characters, ${weight.headings} headings without JavaScript: "${quote}"`,
        };
      },
      { demo: true },
    );
  },
}));

/**
 * A first visit on slow 3G: when the first contentful paint happened (PerformanceObserver 'paint') and when what
 * the visitor came for was visible (`ready`), in milliseconds since navigation started, cache disabled.
 */
async function slow3gVisit(browser: Browser, url: string, ready: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await ready(page);
  // Measured in the page, against its own navigation start: the protocol's round trip is not in it.
  const visible = await page.evaluate(() => performance.now());
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return { fcp, visible };
}

const paintScenarios: Scenario[] = PUBLIC_PAGES.map((target, index) => ({
  name: `public ${target.name}: first contentful paint and ${index === 0 ? 'content' : 'explanation'} visible, slow 3G (400 ms RTT, 400 kbit/s)`,
  async run() {
    const skipped = chromiumMissing();
    if (skipped) return skipped;
    return withPortal(
      async (url, browser) => {
        // The home page's content is its main heading; a zone page's is why the zone has its class (the demo's
        // zone with mines on its return routes: that alone makes it not conducive).
        const ready =
          index === 0
            ? (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 120_000 })
            : (page: Page) =>
                page
                  .getByText(/this alone makes the zone not conducive/i)
                  .first()
                  .waitFor({ timeout: 120_000 });
        const runs: { fcp: number; visible: number }[] = [];
        for (let i = 0; i < 3; i++) runs.push(await slow3gVisit(browser, `${url}${target.path}`, ready));
        const fcp = median(runs.map((run) => run.fcp)) / 1000;
        const visible = median(runs.map((run) => run.visible)) / 1000;
        const figure = Math.max(fcp, visible);
        const list = (pick: (run: { fcp: number; visible: number }) => number) =>
          runs.map((run) => (pick(run) / 1000).toFixed(2)).join(', ');
        return {
          figure,
          unit: 's',
          higherIsBetter: false,
          target: '≤ 2 s',
          met: figure <= 2,
          notes:
            `figure: the later of the two medians; FCP ${fcp.toFixed(2)} s (${list((run) => run.fcp)}), ` +
            `${index === 0 ? 'main heading' : 'explanation'} visible ${visible.toFixed(2)} s (${list((run) => run.visible)}); ` +
            '3 cold loads, cache disabled, JavaScript on, CPU not throttled, demo data',
        };
      },
      { demo: true },
    );
  },
}));

export const scenarios: Scenario[] = [
  ...weightScenarios,
  ...paintScenarios,
  {
    name: 'public portal initial JavaScript and CSS (gzipped) loaded by /',
    async run() {
      return withPortal(async (url, browser) => {
        // Everything the page fetches until the network is quiet: entry, modulepreloads, stylesheets, and the
        // language catalogue imported before the first render. An English-speaking visitor's browser.
        const context = await browser.newContext({ locale: 'en-GB' });
        const page = await context.newPage();
        const loaded = new Set<string>();
        page.on('response', (response) => {
          const type = response.request().resourceType();
          if (type === 'script' || type === 'stylesheet') loaded.add(new URL(response.url()).pathname);
        });
        await page.goto(`${url}/`, { waitUntil: 'networkidle', timeout: 120_000 });
        await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
        await context.close();

        const files = [...loaded].sort();
        const missing = files.filter((file) => !fs.existsSync(path.join(WEB_DIR, file)));
        if (files.length === 0 || missing.length > 0) {
          throw new Error(`cannot measure: loaded ${files.length} files, not in dist/web: ${missing.join(', ')}`);
        }
        const sizes = files.map((file) => ({ file, gzip: gzippedSize(path.join(WEB_DIR, file)) }));
        const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
        const figure = total / 1000;
        const js = sizes.filter((entry) => entry.file.endsWith('.js')).reduce((sum, entry) => sum + entry.gzip, 0);
        return {
          figure,
          unit: 'kB',
          higherIsBetter: false,
          target: '≤ 200 kB',
          met: figure <= 200,
          notes:
            `${files.length} files: JavaScript ${kB(js)}, CSS ${kB(total - js)}; largest ` +
            [...sizes]
              .sort((a, b) => b.gzip - a.gzip)
              .slice(0, 3)
              .map((entry) => `${path.basename(entry.file)} ${kB(entry.gzip)}`)
              .join(', '),
        };
      });
    },
  },
];
