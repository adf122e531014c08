import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The public page of outcomes after return (`/outcomes`) as a returnee on a basic phone reads it: without
 * JavaScript, 375 px wide, in Arabic (right to left), English and French; the demo region's figures, returnees
 * beside the residents who never left, nothing that names a place below the state or a household.
 */
const browser = browserForFile();
const ar = catalogue('ar');
const en = catalogue('en');
const fr = catalogue('fr');

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the public outcome figures', () => {
  it('reads in Arabic, right to left, at 375 px without JavaScript, residents beside returnees', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    expect((await page.goto(`${browser.url}/outcomes`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('outcomes.figures.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const table = page.getByRole('table').first();
    await table.waitFor();
    expect(await table.textContent()).toContain(ar('outcomes.figures.column.residents'));
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain(ar('outcomes.figures.outcome.composite'));
    // A state's figures, never a zone's P-code below the state, nor anything a household said.
    expect(main).not.toMatch(/QM\d/);
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'outcome figures in Arabic at 375 px without JavaScript');
  });

  it('reads in English and French, and is reached from the portal’s navigation', async () => {
    for (const [locale, t] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const page = await browser.open({ javaScript: false, phone: true, locale });
      await page.goto(`${browser.url}/`);
      await page
        .getByRole('link', { name: t('outcomes.figures.nav') })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: t('outcomes.figures.title') }).waitFor();
      expect(await page.textContent('main')).toContain(t('outcomes.figures.column.returnees'));
    }
  });

  it('has no serious axe finding with JavaScript, and does not overflow a phone', async () => {
    const page = await browser.open({ locale: 'ar', phone: true });
    await page.goto(`${browser.url}/outcomes`);
    await settled(page);
    expect(await overflows(page)).toBe(false);
    const serious = blocking(await scanPage(page));
    expect(describeViolations(serious)).toBe('');
  });
});

describe('the staff outcome dashboard', () => {
  const run = homeward();

  it('shows a donor the demo’s zones with residents beside returnees, on a phone', async () => {
    const page = await browser.open({ phone: true });
    await signIn(page, run.account('donor'), run.ledger);
    await page.goto(`${browser.url}/staff/outcomes/dashboard`);
    await page.getByRole('heading', { level: 1, name: en('outcomes.dashboard.title') }).waitFor();
    // The chart by round draws the mean overall score, which the demo has once the scores are computed.
    const table = page.getByRole('table').nth(1);
    await table.waitFor();
    expect(await table.textContent()).toMatch(/QM\d{7}/);
    expect(await page.textContent('main')).toContain(en('outcomes.dashboard.column.residents'));
    await settled(page);
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'staff outcome dashboard at 375 px');
  });
});
