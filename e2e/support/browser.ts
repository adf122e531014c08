import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import type { DemoAccount } from './homeward.ts';
import { TotpLedger } from './totp.ts';

/** What global-setup.ts started: the server's address, the demo accounts, the shared TOTP ledger. */
export function homeward() {
  const provided = inject('homeward');
  return {
    ...provided,
    ledger: new TotpLedger(provided.runDir),
    /** The demo account with this key: a role (its first account) or `<role>_<organisation>` (`field_monitor_un`). */
    account(key: string): DemoAccount {
      const found =
        provided.accounts.find((account) => account.key === key) ??
        provided.accounts.find((account) => account.role === key);
      if (!found) throw new Error(`no demo account ${key}`);
      return found;
    },
  };
}

/** The two screens the browser tests look through: a desktop window and a small phone. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Waits generous enough for a loaded 2-core machine; every wait is for something, never a fixed sleep. */
const ACTION_TIMEOUT = 30_000;
const NAVIGATION_TIMEOUT = 60_000;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

const fileOf = (testPath: string | undefined) => path.basename(testPath ?? 'e2e', '.e2e.ts');

interface Tracked {
  context: BrowserContext;
  /** Problems seen in the pages: uncaught exceptions and Content-Security-Policy refusals. */
  problems: string[];
  keep: boolean;
}

/**
 * A Chromium for one test file: launched before its tests, closed after them. `open()` gives a page in a new
 * browser context (its own cookies and storage: one person). Contexts opened in a test close after it; those
 * opened in `beforeAll` (`{ keep: true }`) last for the file. A failing test leaves a screenshot of every open
 * page, and a page that throws an uncaught exception or breaks the Content-Security-Policy fails its test.
 */
export function browserForFile() {
  const { url, screenshotDir } = inject('homeward');
  let browser: Browser | undefined;
  const contexts: Tracked[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async (context) => {
    const failed = context.task.result?.state === 'fail';
    const name = `${fileOf(context.task.file.filepath)}-${slug(context.task.name)}`;
    if (failed) {
      let n = 0;
      for (const { context: browserContext } of contexts) {
        for (const page of browserContext.pages()) {
          n++;
          await page
            .screenshot({ path: path.join(screenshotDir, `FAILED-${name}-${n}.png`), fullPage: true })
            .catch(() => undefined);
        }
      }
    }
    const problems = contexts.flatMap((tracked) => tracked.problems.splice(0));
    for (const tracked of contexts.filter((c) => !c.keep)) await tracked.context.close();
    contexts.splice(0, contexts.length, ...contexts.filter((c) => c.keep));
    if (problems.length > 0 && !failed) throw new Error(`problems in the page:\n${problems.join('\n')}`);
  });

  afterAll(async () => {
    for (const { context } of contexts) await context.close();
    await browser?.close();
  });

  return {
    url,
    /**
     * A page in a fresh browser context, in English unless `locale` says otherwise; with `phone`, a touch screen
     * 375 px wide (an iPhone SE's), otherwise a desktop window 1280 px wide; `javaScript: false` reads the site as a
     * browser with JavaScript switched off does.
     */
    async open({
      keep = false,
      locale = 'en-GB',
      phone = false,
      javaScript = true,
    }: {
      keep?: boolean;
      locale?: string;
      phone?: boolean;
      javaScript?: boolean;
    } = {}): Promise<Page> {
      if (!browser) throw new Error('the browser is not launched yet (call open() in a test or hook)');
      const context = await browser.newContext({
        baseURL: url,
        locale,
        ...(phone ? PHONE : { viewport: DESKTOP }),
        javaScriptEnabled: javaScript,
      });
      context.setDefaultTimeout(ACTION_TIMEOUT);
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
      const tracked: Tracked = { context, problems: [], keep };
      contexts.push(tracked);
      context.on('page', (page) => watch(page, tracked.problems));
      const page = await context.newPage();
      return page;
    },
    /** Keeps a picture of the page in test-output/e2e-screenshots/<file>-<name>.png. */
    async screenshot(page: Page, name: string): Promise<void> {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({
        path: path.join(screenshotDir, `${fileOf(expect.getState().testPath)}-${slug(name)}.png`),
        fullPage: true,
      });
    },
  };
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
}

/**
 * Waits until JavaScript has taken over a page the server rendered (main.tsx marks `<html data-hydrated>`): before
 * that its controls are plain HTML (a select changes nothing until its form is sent).
 */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/**
 * Waits until the page has finished loading what it shows: the network quiet, one h1, and no loader or
 * running transition left (so a scan or screenshot sees the page as a person reads it).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"]').length === 0 &&
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    undefined,
    { polling: 100 },
  );
}
