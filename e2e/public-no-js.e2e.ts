import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTACT } from '../src/web/public/contact.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, hydrated, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';

const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

interface PublicZone {
  pcode: string;
  name: Record<string, string>;
  class: string;
}

const ARABIC = /[\u0600-\u06ff]/;
const documentLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** The text of the element that describes `field` (aria-describedby): its error, when it has one. */
async function describedBy(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

/** Adds a choice the page does not offer to a list, as a hand-made or stale form would send it. */
async function offer(select: Locator, value: string): Promise<void> {
  await select.evaluate((element, option) => {
    (element as HTMLSelectElement).add(new Option(option, option));
  }, value);
  await select.selectOption(value);
}

/** The help line as every public page shows it: named in the page's language, with its number. */
async function expectHelpLine(page: Page, t: (key: string) => string): Promise<void> {
  const footer = page.getByRole('contentinfo');
  await expect.poll(() => footer.textContent()).toContain(t('contact.hotline'));
  const call = footer.getByRole('link', { name: CONTACT.hotline, exact: true });
  expect(await call.getAttribute('href')).toBe(`tel:${CONTACT.hotline}`);
  expect(await footer.getByRole('link', { name: CONTACT.email }).getAttribute('href')).toBe(`mailto:${CONTACT.email}`);
}

describe('the public portal with JavaScript switched off', () => {
  let zone: PublicZone;

  beforeAll(async () => {
    const response = await fetch(`${browser.url}/api/v1/public/zones`);
    const zones = (await response.json()) as PublicZone[];
    const named = zones.find((candidate) => candidate.name.ar);
    if (!named) throw new Error('the demo region has no zone with an Arabic name');
    zone = named;
  });

  it('reads the Arabic home page (/ar) right to left, in Arabic, with the help line', async () => {
    const page = await browser.open({ javaScript: false, phone: true });
    const response = await page.goto('/ar');
    expect(response?.status()).toBe(200);
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: ar('home.title') }).waitFor();
    expect(await page.getByRole('main').evaluate((main) => getComputedStyle(main).direction)).toBe('rtl');
    await expectHelpLine(page, ar);
    // Nothing asks for JavaScript: the old "needs JavaScript" notice is gone.
    expect(await page.locator('noscript').count()).toBe(0);
    await browser.screenshot(page, 'home in Arabic without JavaScript');
    // The pages opened from it stay in Arabic, though the browser asks for English.
    await page
      .getByRole('banner')
      .getByRole('link', { name: ar('publicZones.nav'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: ar('publicZones.list.title') }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('shows an Arabic reader a zone’s class and why it has it, in the first HTML', async () => {
    const page = await browser.open({ javaScript: false, locale: 'ar', phone: true });
    await page.goto(`/zones/${zone.pcode}`);
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 1, name: zone.name.ar }).waitFor();
    const current = page.getByRole('region', { name: ar('publicZones.zone.currentTitle') });
    expect(await current.textContent()).toContain(ar(`zoneTerms.class.${zone.class}`));
    const why = page.getByRole('region', { name: ar('publicZones.zone.whyTitle') });
    const reasons = await why.getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(ARABIC);
    await expectHelpLine(page, ar);
    // At a phone's width nothing runs past the edge: the criterion tables are stacked, not scrolled sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await browser.screenshot(page, 'zone page in Arabic without JavaScript');
  });

  it('filters the zone list with a plain GET form the server renders', async () => {
    const page = await browser.open({ javaScript: false });
    await page.goto('/zones');
    const rows = page.getByRole('table').getByRole('row');
    const all = await rows.count();
    await page.getByRole('searchbox', { name: en('publicZones.list.search') }).fill(zone.pcode);
    await page.getByRole('button', { name: en('publicZones.list.filterSubmit') }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === zone.pcode);
    // The header row and the one zone.
    await expect.poll(() => rows.count()).toBe(2);
    expect(all).toBeGreaterThan(2);
    expect(await page.getByRole('table').getByRole('link', { name: zone.name.en }).getAttribute('href')).toBe(
      `/zones/${zone.pcode}`,
    );
  });

  it('sends a zone filter with an invalid class back with the error beside it, in Arabic, keeping what was typed', async () => {
    const page = await browser.open({ javaScript: false, locale: 'ar' });
    await page.goto('/zones');
    const search = page.getByRole('searchbox', { name: ar('publicZones.list.search') });
    await search.fill(zone.name.ar ?? zone.pcode);
    const classes = page.getByRole('combobox', { name: ar('publicZones.list.classFilter') });
    await offer(classes, 'nonsense');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/zones?')),
      page.getByRole('button', { name: ar('publicZones.list.filterSubmit') }).click(),
    ]);
    expect(response.status()).toBe(400);
    const field = page.getByRole('combobox', { name: ar('publicZones.list.classFilter') });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(field)).toContain(ar('publicZones.list.invalidClass'));
    expect(await page.getByRole('searchbox', { name: ar('publicZones.list.search') }).inputValue()).toBe(zone.name.ar);
  });

  it('sends a posted language form with an unknown language back with the error beside the field, in Arabic', async () => {
    const page = await browser.open({ javaScript: false, locale: 'ar' });
    await page.goto('/help');
    await page.getByRole('heading', { level: 1, name: ar('help.title') }).waitFor();
    await offer(page.getByRole('combobox', { name: ar('language.label') }), 'xx');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/language')),
      page.getByRole('button', { name: ar('language.submit') }).click(),
    ]);
    expect(response.status()).toBe(422);
    // The same page comes back, in the reader's language, with the error next to the list.
    await page.getByRole('heading', { level: 1, name: ar('help.title') }).waitFor();
    const field = page.getByRole('combobox', { name: ar('language.label') });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(field)).toContain(ar('language.unknown'));
  });

  it('switches the language with the language form, and keeps it on the next page', async () => {
    const page = await browser.open({ javaScript: false });
    await page.goto(`/zones/${zone.pcode}`);
    await page.getByRole('combobox', { name: en('language.label') }).selectOption('ar');
    await page.getByRole('button', { name: en('language.submit') }).click();
    // Back on the same page (303), now in Arabic.
    await page.getByRole('heading', { level: 1, name: zone.name.ar }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/zones/${zone.pcode}`);
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.goto('/help');
    await page.getByRole('heading', { level: 1, name: ar('help.title') }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  });
});

describe('the public portal on a phone (375 px)', () => {
  it('reads every column of the zone tables, nothing past the edge, with no serious axe finding', async () => {
    const zones = (await (await fetch(`${browser.url}/api/v1/public/zones`)).json()) as PublicZone[];
    const page = await browser.open({ locale: 'ar', phone: true });
    const findings: string[] = [];
    for (const address of ['/ar', '/zones', `/zones/${zones[0]!.pcode}`]) {
      await page.goto(address);
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), address).toBeLessThanOrEqual(375);
      // Every cell of every table, and every badge, lies inside the window; each cell is named by its column.
      const boxes = await page
        .locator('.stacked-table td, .stacked-table tbody th, .zone-badge')
        .evaluateAll((elements) =>
          elements.map((element) => {
            const box = element.getBoundingClientRect();
            const label = element.classList.contains('zone-badge') ? 'badge' : element.getAttribute('data-label');
            return { left: box.left, right: box.right, label };
          }),
        );
      if (address !== '/ar') expect(boxes.filter((box) => box.label !== 'badge').length, address).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.left, address).toBeGreaterThanOrEqual(0);
        expect(box.right, address).toBeLessThanOrEqual(375);
        expect(box.label, address).toBeTruthy();
      }
      const serious = blocking(await scanPage(page));
      if (serious.length > 0) findings.push(`${address}\n${describeViolations(serious)}`);
      await browser.screenshot(page, `phone ${address}`);
    }
    expect(findings.join('\n\n'), 'serious or critical axe violations at 375 px').toBe('');
  });
});

describe('the public portal with JavaScript', () => {
  it('takes over the server’s page without a hydration error or a second request for its data', async () => {
    const page = await browser.open({ locale: 'ar' });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const zones = (await (await fetch(`${browser.url}/api/v1/public/zones`)).json()) as PublicZone[];
    const zone = zones[0]!;
    const asked: string[] = [];
    // The map's outlines are asked for in the browser only (`…/map`): the page's own data must not be asked again.
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith(`/api/v1/public/zones/${zone.pcode}`) && !pathname.endsWith('/map')) {
        asked.push(request.url());
      }
    });
    await page.goto(`/zones/${zone.pcode}`);
    await page.waitForLoadState('networkidle');
    // The page's data came with it; hydrated, the language chooser then switches the page in place.
    await page.getByRole('heading', { level: 1, name: zone.name.ar ?? zone.pcode }).waitFor();
    await hydrated(page);
    expect(asked).toEqual([]);
    await page.getByRole('combobox', { name: ar('language.label') }).selectOption('en');
    await page.getByRole('heading', { level: 2, name: en('publicZones.zone.whyTitle') }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });

    await page.goto('/ar');
    await page.waitForLoadState('networkidle');
    await page.getByRole('heading', { level: 1, name: ar('home.title') }).waitFor();
    expect(errors).toEqual([]);
  });
});
