import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium.ts';
import { ensureWebBuild, startHomeward, WEB_DIR } from '../e2e/support/homeward.ts';
import type { Scenario } from './types.ts';

/**
 * The public portal as a visitor's browser gets it: the production build (built first when dist/web is missing
 * or out of date) served by `homeward start` from an empty data directory, opened in headless Chromium.
 */
async function withPortal<T>(work: (url: string, browser: Browser) => Promise<T>): Promise<T> {
  await ensureWebBuild((line) => console.error(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-web-'));
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
    fs.rmSync(dataDir, { recursive: true, force: true });
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

export const scenarios: Scenario[] = [
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
  {
    name: 'public home page first contentful paint, slow 3G (400 ms RTT, 400 kbit/s)',
    async run() {
      return withPortal(async (url, browser) => {
        const runs: number[] = [];
        for (let i = 0; i < 3; i++) {
          // A first visit each time: a new context (empty cache), and the cache disabled as well.
          const context = await browser.newContext({ locale: 'en-GB' });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
          await page.goto(`${url}/`, { waitUntil: 'commit', timeout: 120_000 });
          const fcp = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                new PerformanceObserver((list) => {
                  const entry = list.getEntriesByName('first-contentful-paint')[0];
                  if (entry) resolve(entry.startTime);
                }).observe({ type: 'paint', buffered: true });
              }),
          );
          // The first paint is the home page itself: the application renders only once its language is loaded.
          await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 120_000 });
          runs.push(fcp);
          await context.close();
        }
        const figure = median(runs) / 1000;
        return {
          figure,
          unit: 's',
          higherIsBetter: false,
          target: 'report',
          met: true,
          notes: `median of 3 cold loads: ${runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s; CPU not throttled`,
        };
      });
    },
  },
];
