import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';

/**
 * The public timeline of decisions (`/timeline`) as the public reads it on a basic phone: without JavaScript,
 * 375 px wide, in Arabic, English and French; the demo's year of the forum on it, its filters as a plain form,
 * its Atom feed linked from the head; and the zone whose class a watchdog challenged, marked on its page.
 */
const browser = browserForFile();
const ar = catalogue('ar');
const en = catalogue('en');
const fr = catalogue('fr');

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the public timeline', () => {
  it('reads in Arabic, right to left, at 375 px without JavaScript, and links its Atom feed', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    expect((await page.goto(`${browser.url}/timeline`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('forum.timeline.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('اجتماع Tripartite commission Marenland–Tarnesia');
    expect(main).toContain(ar('forum.timeline.kind.commitment'));
    expect(
      await page.evaluate(() =>
        document.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href'),
      ),
    ).toBe('/timeline.atom');
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'timeline in Arabic at 375 px without JavaScript');
  });

  it('filters by kind with the plain form, in English and French, reached from the footer', async () => {
    for (const [locale, t, kept] of [
      ['en', en, 'Commitment kept by Marenland Returns Agency'],
      ['fr', fr, 'Engagement tenu par Marenland Returns Agency'],
    ] as const) {
      const page = await browser.open({ javaScript: false, phone: true, locale });
      await page.goto(`${browser.url}/`);
      await page
        .getByRole('link', { name: t('forum.timeline.footer') })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: t('forum.timeline.title') }).waitFor();
      await page.getByRole('combobox', { name: t('forum.timeline.kind') }).selectOption('commitment');
      await page.getByRole('button', { name: t('forum.timeline.show') }).click();
      await page.waitForURL(/kind=commitment/);
      const entries = (await page.getByRole('region', { name: t('forum.timeline.entries') }).textContent()) ?? '';
      expect(entries).toContain(kept);
      expect(entries).not.toContain(t('forum.timeline.kind.meeting'));
    }
  });

  it('serves the Atom feed', async () => {
    const page = await browser.open({ javaScript: false });
    const response = await page.goto(`${browser.url}/timeline.atom?kind=flag`);
    expect(response?.headers()['content-type']).toContain('application/atom+xml');
    expect(await response?.text()).toContain(`${DEMO_ZONE_STORY.deteriorating}@`);
  });

  it('marks the zone a watchdog challenged "Under challenge" on its page, without JavaScript, until answered', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'en' });
    const listed = await page.goto(`${browser.url}/api/v1/public/forum/flags?subjectKind=zone_class&state=open`);
    const open = ((await listed!.json()) as { items: { pcode: string }[] }).items[0]!;
    await page.goto(`${browser.url}/zones/${open.pcode}`);
    await page.getByText(en('forum.challenge.title'), { exact: true }).waitFor();
    // The downgraded zone's flag was answered: no mark there.
    await page.goto(`${browser.url}/zones/${DEMO_ZONE_STORY.deteriorating}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText(en('forum.challenge.title'), { exact: true }).count()).toBe(0);
  });

  it('has no serious axe finding with JavaScript', async () => {
    const page = await browser.open({ locale: 'en', phone: true });
    await page.goto(`${browser.url}/timeline`);
    await settled(page);
    expect(await overflows(page)).toBe(false);
    expect(describeViolations(blocking(await scanPage(page)))).toBe('');
  });
});
