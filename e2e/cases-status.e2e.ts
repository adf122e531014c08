import { describe, expect, inject, it } from 'vitest';
import type { PublicCaseStatus } from '../src/shared/cases/schemas.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

const day = (value: string, language = 'en') =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));

/** A demo sample whose case waits for a decision, with what the API says of it. */
async function sampleWithNextDecision(): Promise<{ reference: string; statusCode: string; status: PublicCaseStatus }> {
  const { url, samples } = inject('homeward');
  for (const sample of samples) {
    const response = await fetch(`${url}/api/v1/public/cases/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ reference: sample.reference, code: sample.statusCode }),
    });
    if (response.status !== 200) throw new Error(`status of ${sample.reference}: ${response.status}`);
    const status = (await response.json()) as PublicCaseStatus;
    if (status.nextDecision) return { reference: sample.reference, statusCode: sample.statusCode, status };
  }
  throw new Error('no demo sample waits for a decision');
}

const overflows = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('the public case pages without JavaScript, at 375 px', () => {
  it('shows the stage and the next due date for the right code, and nothing of the code afterwards', async () => {
    const sample = await sampleWithNextDecision();
    const page = await browser.open({ javaScript: false, phone: true });
    expect((await page.goto('/cases/status'))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: en('caseStatus.title') }).waitFor();
    // Typed as on the slip: lower case, the code in two groups.
    await page.getByRole('textbox', { name: en('caseStatus.form.reference') }).fill(sample.reference.toLowerCase());
    await page
      .getByRole('textbox', { name: en('caseStatus.form.code') })
      .fill(`${sample.statusCode.slice(0, 5)} ${sample.statusCode.slice(5)}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/cases/status') && r.request().method() === 'POST'),
      page.getByRole('button', { name: en('caseStatus.form.submit') }).click(),
    ]);
    expect(response.status()).toBe(200);
    const answer = page.getByRole('status');
    await answer.waitFor();
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain(sample.reference);
    expect(text).toContain(en(`caseStatus.stage.${sample.status.stage}`));
    expect(text).toContain(day(sample.status.nextDecision!.dueOn));
    expect(text).toContain(en('caseStatus.howToAppeal.title'));
    expect(page.url()).not.toContain(sample.statusCode);
    expect(await page.content()).not.toContain(sample.statusCode);
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'case status at 375 px without JavaScript');
  });

  it('refuses a wrong code beside the field, in Arabic, right to left', async () => {
    const sample = await sampleWithNextDecision();
    const wrong = sample.statusCode === '0000000000' ? '1111111111' : '0000000000';
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    await page.goto('/cases/status');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('textbox', { name: ar('caseStatus.form.reference') }).fill(sample.reference);
    const code = page.getByRole('textbox', { name: ar('caseStatus.form.code') });
    await code.fill(wrong);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/cases/status') && r.request().method() === 'POST'),
      page.getByRole('button', { name: ar('caseStatus.form.submit') }).click(),
    ]);
    expect(response.status()).toBe(404);
    const field = page.getByRole('textbox', { name: ar('caseStatus.form.code') });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.textContent('main')).toContain(ar('caseStatus.form.notRecognised'));
    // The reference stays as typed; the code is never sent back.
    expect(await page.getByRole('textbox', { name: ar('caseStatus.form.reference') }).inputValue()).toBe(
      sample.reference,
    );
    expect(await field.inputValue()).toBe('');
    expect(await page.getByRole('status').count()).toBe(0);
  });

  it('renders the timelines table, readable on a phone, linked from the home page', async () => {
    const page = await browser.open({ javaScript: false, phone: true });
    await page.goto('/');
    await page.getByRole('link', { name: en('caseStatus.home.timelinesLink') }).click();
    await page.getByRole('heading', { level: 1, name: en('caseTimelines.title') }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases/timelines');
    const overall = page.getByRole('table').first();
    expect(await overall.getByRole('row').count()).toBeGreaterThan(1);
    expect(await overall.textContent()).toContain(en('caseStatus.kind.eligibility'));
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'case timelines at 375 px without JavaScript');
  });
});

describe('the public case pages with JavaScript, in Arabic at 375 px', () => {
  it('have no serious axe finding and nothing past the edge', async () => {
    const page = await browser.open({ locale: 'ar', phone: true });
    const findings: string[] = [];
    for (const address of ['/cases/status', '/cases/timelines']) {
      await page.goto(address);
      await settled(page);
      expect(await overflows(page), address).toBe(false);
      const serious = blocking(await scanPage(page));
      if (serious.length > 0) findings.push(`${address}\n${describeViolations(serious)}`);
    }
    expect(findings.join('\n\n')).toBe('');
  });
});

describe('the appeals queue', () => {
  it('lets a reviewer of another organisation decide an appeal with written reasons, at 375 px', async () => {
    const run = homeward();
    const page = await browser.open({ phone: true });
    await signIn(page, run.account('coordinator'), run.ledger);
    await page.goto('/staff/cases/appeals');
    await page.getByRole('heading', { level: 1, name: en('casesAppeals.queue.title') }).waitFor();
    const first = page.getByRole('article').first();
    await first.waitFor();
    const due = (await first.locator('time').first().getAttribute('datetime')) ?? '';
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await first.getByRole('button', { name: en('casesAppeals.review.open') }).click();
    // Without written reasons the review is not sent.
    await first.getByRole('radio', { name: en('casesAppeals.outcome.referred') }).check();
    await first.getByRole('button', { name: en('casesAppeals.review.submit') }).click();
    await first.getByText(en('casesAppeals.review.reasonsRequired')).waitFor();
    await first
      .getByRole('textbox', { name: en('casesAppeals.review.reasons') })
      .fill('Referred to the tripartite commission to consider another zone of return.');
    await first.screenshot({ path: `${run.screenshotDir}/cases-status-appeal-review-at-375-px.png` });
    await first.getByRole('button', { name: en('casesAppeals.review.submit') }).click();
    await page.getByText(en('casesAppeals.review.done.referred')).waitFor();
    expect(await overflows(page)).toBe(false);
  });
});
