import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, DESKTOP, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The forum's tracker screens in the browser: the civil-society watchdog opens the commitments tracker, finds the
 * demo's replacement-documents commitment (kept late), reads its history (the owner's updates with evidence, the
 * assessments with their reasons, its closing) and records an assessment of its own; the flag inbox lists the
 * demo's flags with their due dates, the overdue one marked in words; in Arabic at 375 px the screens read right
 * to left and nothing runs off the screen.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

const DOCUMENTS = 'Marenland issues replacement civil documents within 30 days of return.';
const REASONS = `e2e-${Date.now()}: of 25 households we visited this month, 24 hold their documents.`;

/** Whether the page scrolls sideways: on a phone, nothing may run off the screen. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function serious(page: Page): Promise<string> {
  await settled(page);
  const found = blocking(await scanPage(page));
  return found.length > 0 ? `${page.url()}\n${describeViolations(found)}` : '';
}

describe('the forum tracker', () => {
  let page: Page;
  let commitmentAddress: string;

  beforeAll(async () => {
    page = await browser.open({ keep: true });
    await signIn(page, run.account('civil_society_watchdog'), run.ledger);
  });

  it('shows the replacement-documents commitment with its history, and records an assessment', async () => {
    await page.goto('/staff/forum/commitments');
    await page.getByRole('heading', { level: 1, name: en('forumCommitments.tracker.title') }).waitFor();
    const tracker = page.getByTestId('commitments');
    const row = tracker.getByRole('row').filter({ hasText: DOCUMENTS });
    await row.waitFor();
    expect(await row.textContent()).toContain('Marenland Returns Agency');
    expect(await row.textContent()).toContain(en('forumCommitments.status.keptLate'));
    await row.getByRole('link', { name: DOCUMENTS }).click();
    await page.waitForURL(/\/staff\/forum\/commitments\/[0-9a-f-]{36}$/);
    commitmentAddress = new URL(page.url()).pathname;

    const history = page.getByTestId('commitment-history');
    await history.getByText('Of 60 households we followed, 9 have their documents after 25 days.').waitFor();
    await history.getByText(/^Mobile registry teams have visited every return district/).waitFor();
    expect(
      await history.getByRole('link', { name: 'https://registry.marenland.example/returns/documents' }).count(),
    ).toBe(1);
    await history.getByText('Kept, late: confirmed by the independent monitors.').waitFor();
    await browser.screenshot(page, 'commitment');

    const assess = page.getByRole('region', { name: en('forumCommitments.assess.title') });
    await assess.getByRole('combobox', { name: en('forumCommitments.assess.rating') }).selectOption('kept');
    await assess.getByRole('textbox', { name: en('forumCommitments.assess.reasons') }).fill(REASONS);
    await assess.getByRole('button', { name: en('forumCommitments.assess.submit') }).click();
    await page.getByText(en('forumCommitments.assess.done'), { exact: true }).waitFor();
    const mine = history.getByRole('listitem').filter({ hasText: REASONS });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Assessed by Homecoming Rights Network');
  });

  it('lists the demo flags with their due dates, the overdue one marked in words', async () => {
    await page.goto('/staff/forum/flags');
    await page.getByRole('heading', { level: 1, name: en('forumFlags.inbox.title') }).waitFor();
    const rows = page.getByTestId('flags').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const overdue = rows.filter({ hasText: 'outcomes:QM:psychosocial' });
    expect(await overdue.getAttribute('data-overdue')).toBe('true');
    expect(await overdue.textContent()).toContain(en('forumFlags.due.overdue'));
    expect(await overdue.textContent()).toMatch(/Was due by \w+ \d+, \d{4}|Was due by \d+ \w+ \d{4}/);
    const commitment = rows.filter({ hasText: en('forumFlags.subject.commitment') });
    expect(await commitment.first().textContent()).toMatch(/Answered on \w+ \d+, \d{4}|Answered on \d+ \w+ \d{4}/);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/(By|Was due by|Answered on) \S+ \S+ \d{4}/);
    await browser.screenshot(page, 'flag inbox');
    expect(await serious(page)).toBe('');
  });

  it('reads right to left in Arabic at 375 px, nothing running off the screen', async () => {
    await page.getByRole('combobox', { name: en('language.label') }).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: ar('forumFlags.inbox.title') }).waitFor();
    await page.setViewportSize({ width: 375, height: 667 });
    for (const [address, title] of [
      ['/staff/forum/flags', ar('forumFlags.inbox.title')],
      ['/staff/forum/commitments', ar('forumCommitments.tracker.title')],
      [commitmentAddress, ar('forumCommitments.item.title').replace('{owner}', 'Marenland Returns Agency')],
      ['/staff/forum/scorecard', ar('forumCommitments.scorecard.title')],
    ] as const) {
      await page.goto(address);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await overflow(page), address).toBeLessThanOrEqual(0);
    }
    await browser.screenshot(page, 'scorecard in Arabic at 375 px');
    expect(await serious(page)).toBe('');
    await page.goto(commitmentAddress);
    await page.getByTestId('commitment-history').getByText(REASONS).waitFor();
    expect(await serious(page)).toBe('');
    await browser.screenshot(page, 'commitment in Arabic at 375 px');
    await page.setViewportSize(DESKTOP);
  });
});
