import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';

/**
 * The forum's public pages as the public reads them on a basic phone: without JavaScript, 375 px wide, in
 * Arabic, English and French. Who was heard at a meeting and how the chair took it into account; the commitments
 * with the overdue one marked and a kept one's history; flags with their answers; the scorecard in figures; and a
 * member of the public commenting on the open consultation through the plain form.
 */
const browser = browserForFile();
const ar = catalogue('ar');
const en = catalogue('en');
const fr = catalogue('fr');

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
/** A message with its `{name}` arguments filled in (plain arguments only). */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
/** A message as a pattern, each argument matching anything. */
const pattern = (message: string) =>
  new RegExp(
    message
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );
const mainText = async (page: Page) => (await page.textContent('main')) ?? '';

describe('the forum in public', () => {
  it('shows who was heard at a meeting and how the chair took it into account, in Arabic, without JavaScript', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    expect((await page.goto(`${browser.url}/meetings`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('forumPortal.meetings.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('link', { name: 'Tripartite commission, fourth quarter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tripartite commission, fourth quarter' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain(fill(ar('forumPortal.meeting.heard'), { names: 'Homecoming Rights Network' }));
    expect(text).toContain(fill(ar('forumPortal.meeting.positionBy'), { name: 'Homecoming Rights Network' }));
    expect(text).toContain(ar('forumPortal.treatment.noted'));
    expect(text).toContain(ar('forumPortal.meeting.takenIntoAccount'));
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'meeting in Arabic at 375 px without JavaScript');
  });

  it('lists the commitments with the overdue one marked, a kept one’s history, flags with answers and the scorecard', async () => {
    for (const [locale, t] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const page = await browser.open({ javaScript: false, phone: true, locale });
      await page.goto(`${browser.url}/`);
      await page
        .getByRole('link', { name: t('forumPortal.commitments.title') })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: t('forumPortal.commitments.title') }).waitFor();
      expect(await mainText(page)).toMatch(pattern(t('forumPortal.commitment.overdueSince')));
      expect(await overflows(page)).toBe(false);
      await page.getByRole('link', { name: /replacement civil documents/ }).click();
      await page.getByRole('heading', { level: 2, name: t('forumPortal.commitment.history') }).waitFor();
      const history = await mainText(page);
      expect(history).toContain(t('forumPortal.history.closed.kept'));
      expect(history).toMatch(
        pattern(fill(t('forumPortal.history.assessment'), { rating: t('forumPortal.rating.broken') })),
      );

      await page.goto(`${browser.url}/flags`);
      await page.getByRole('heading', { level: 1, name: t('forumPortal.flags.title') }).waitFor();
      expect(await mainText(page)).toMatch(/reclassified/);
      expect(await overflows(page)).toBe(false);

      await page.goto(`${browser.url}/scorecard`);
      await page.getByRole('heading', { level: 2, name: t('forumPortal.scorecard.states') }).waitFor();
      expect(await mainText(page)).toContain(t('forumPortal.scorecard.commitments'));
      expect(await overflows(page)).toBe(false);
      await browser.screenshot(page, `scorecard in ${locale} at 375 px without JavaScript`);
    }
  });

  it('takes a public comment on the open consultation without JavaScript, and says what is wrong with an empty one', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'fr' });
    await page.goto(`${browser.url}/consultations`);
    await page.getByRole('link', { name: 'Zone criteria: the 2027 draft' }).click();
    await page.getByRole('heading', { level: 2, name: fr('forumPortal.comment.title') }).waitFor();
    const form = page.locator('#comment-form form');

    // Only spaces: sent back with the error beside the field, in French.
    await form.getByRole('textbox', { name: fr('forumPortal.comment.text') }).fill('   ');
    await form.getByRole('button', { name: fr('forumPortal.comment.send') }).click();
    await page.getByText(fr('forumPortal.comment.textRequired')).waitFor();

    const target = form.getByRole('combobox', { name: fr('forumPortal.comment.target') });
    const options = await target.locator('option').allTextContents();
    expect(options[0]).toBe(fr('forumPortal.comment.wholeDraft'));
    await target.selectOption({ index: 1 });
    await form
      .getByRole('textbox', { name: fr('forumPortal.comment.text') })
      .fill('Les explications doivent nommer les écoles et les dispensaires. <script>alert(1)</script>');
    await form.getByRole('button', { name: fr('forumPortal.comment.send') }).click();
    await page.getByText(fr('forumPortal.comment.receivedTitle')).waitFor();
    expect(page.url()).toContain('?comment=received');
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'consultation comment received in French at 375 px without JavaScript');
  });

  it('has no serious axe finding on the forum’s pages with JavaScript', async () => {
    const page = await browser.open({ locale: 'en', phone: true });
    const findings: string[] = [];
    for (const address of ['/meetings', '/commitments', '/consultations', '/flags', '/scorecard']) {
      await page.goto(`${browser.url}${address}`);
      await settled(page);
      const first = page.locator('main ul a').first();
      const report = describeViolations(blocking(await scanPage(page)));
      if (report) findings.push(`${address}\n${report}`);
      if (address === '/flags' || address === '/scorecard') continue;
      await first.click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settled(page);
      const record = describeViolations(blocking(await scanPage(page)));
      if (record) findings.push(`${page.url()}\n${record}`);
    }
    expect(findings.join('\n\n')).toBe('');
  });
});
