import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile, homeward, hydrated } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

const documentLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

async function left(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return box.x;
}

/** Where the banner's pieces sit: the site name, the first and second navigation links, the language chooser. */
async function bannerLayout(page: Page, t: (key: string) => string) {
  const banner = page.getByRole('banner');
  const nav = banner.getByRole('navigation', { name: t('public.nav.label') });
  return {
    name: await left(banner.getByRole('link', { name: t('app.name'), exact: true })),
    home: await left(nav.getByRole('link', { name: t('public.nav.home'), exact: true })),
    help: await left(nav.getByRole('link', { name: t('public.nav.help'), exact: true })),
    language: await left(banner.getByRole('combobox', { name: t('language.label') })),
  };
}

describe('languages and right-to-left', () => {
  it('switches the public portal to Arabic, right to left with a mirrored layout, and remembers it', async () => {
    const page = await browser.open();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: en('home.title') }).waitFor();
    await hydrated(page);
    expect(await documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    const ltr = await bannerLayout(page, en);
    expect(ltr.name).toBeLessThan(ltr.home);
    expect(ltr.home).toBeLessThan(ltr.help);
    expect(ltr.help).toBeLessThan(ltr.language);

    await page.getByRole('combobox', { name: en('language.label') }).selectOption('ar');

    await page.getByRole('heading', { level: 1, name: ar('home.title') }).waitFor();
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByRole('main').evaluate((main) => getComputedStyle(main).direction)).toBe('rtl');
    // Mirrored: the banner now reads from the right: site name, then navigation, then the language chooser.
    const rtl = await bannerLayout(page, ar);
    expect(rtl.name).toBeGreaterThan(rtl.home);
    expect(rtl.home).toBeGreaterThan(rtl.help);
    expect(rtl.help).toBeGreaterThan(rtl.language);
    // Headings start at the right edge of the page's content.
    const heading = await page
      .getByRole('heading', { level: 1 })
      .evaluate((h1) => ({ align: getComputedStyle(h1).textAlign, direction: getComputedStyle(h1).direction }));
    expect(heading.direction).toBe('rtl');
    expect(['start', 'right']).toContain(heading.align);
    await browser.screenshot(page, 'home in Arabic');

    // The choice is remembered on the next visit.
    await page.goto('/help');
    await page.getByRole('heading', { level: 1, name: ar('help.title') }).waitFor();
    await hydrated(page);
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    // And undone by choosing English again.
    await page.getByRole('combobox', { name: ar('language.label') }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: en('help.title') }).waitFor();
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('opens the Arabic page (/ar) right to left from the first render', async () => {
    const page = await browser.open();
    await page.goto('/ar');
    await page.getByRole('heading', { level: 1, name: ar('home.title') }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByRole('combobox', { name: ar('language.label') }).inputValue()).toBe('ar');
  });

  it('shows the server’s sign-in error in Arabic to a person reading Arabic', async () => {
    const page = await browser.open();
    const donor = run.account('donor');
    await page.goto('/ar');
    await page.getByRole('heading', { level: 1, name: ar('home.title') }).waitFor();
    // As the other tests here: a click while the page hydrates can be lost.
    await hydrated(page);
    await page.getByRole('link', { name: ar('footer.staffSignIn'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ar('signIn.title') }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    await page.getByRole('textbox', { name: ar('signIn.email.label'), exact: true }).fill(donor.email);
    await page.getByRole('textbox', { name: ar('signIn.password.label'), exact: true }).fill('not-the-right-password');
    await page.getByRole('button', { name: ar('signIn.password.submit'), exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(ar('errors.title')).waitFor();
    // The detail comes from the server, translated because the request said Accept-Language: ar.
    await alert.getByText('البريد الإلكتروني أو كلمة المرور غير صحيحة.').waitFor();
    await browser.screenshot(page, 'sign-in error in Arabic');
  });
});
