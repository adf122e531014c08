import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

interface Queued {
  householdId: string;
  reference: string;
  kind: string;
  stage: string;
  overdue: boolean;
  reachable: boolean;
}

/** The first page of the case worker's queue as the screen reads it (the API, through the signed-in page). */
const queueOf = (page: Page, kind?: string) =>
  page.evaluate(async (which) => {
    const response = await fetch(`/api/v1/cases/decisions${which ? `?kind=${which}` : ''}`);
    return ((await response.json()) as { decisions: Queued[] }).decisions;
  }, kind);

/** The page must not scroll sideways. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('counselling a household through its voluntariness file', () => {
  let page: Page;
  let household: Queued;

  beforeAll(async () => {
    page = await browser.open({ keep: true });
    await signIn(page, run.account('case_worker'), run.ledger);
    const waiting = await queueOf(page, 'registration');
    const registered = waiting.find((decision) => decision.reachable && decision.stage === 'registered');
    if (!registered) throw new Error('the demo has no registered household waiting for its registration decision');
    household = registered;
  });

  it('lists the decisions queue with due dates, overdue ones first, a page at a time', async () => {
    // The demo's queue is longer than a page: filtered by kind, the household found above is on the first.
    await page.goto('/staff/cases/decisions?kind=registration');
    await page.getByRole('heading', { level: 1, name: en('casesChoice.queue.title') }).waitFor();
    await settled(page);
    await page.getByRole('link', { name: household.reference }).first().waitFor();
    const overdue = await page.getByText(/days? overdue|Due today/).count();
    await browser.screenshot(page, 'queue');
    const rows = await queueOf(page, 'registration');
    const firstOnTime = rows.findIndex((row) => !row.overdue);
    if (firstOnTime >= 0) expect(rows.slice(firstOnTime).every((row) => !row.overdue)).toBe(true);
    expect(overdue).toBe(rows.filter((row) => row.overdue).length);
    const more = page.getByRole('button', { name: en('staff.kit.showMore') });
    if ((await more.count()) > 0) {
      const before = await page.locator('tbody tr').count();
      await more.click();
      await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(before);
    }
  });

  it('records the steps in order, refuses to go on without a witness, and starts the cooling-off', async () => {
    await page.goto(`/staff/cases/households/${household.householdId}/counselling`);
    await page.getByRole('heading', { level: 1, name: en('casesChoice.counselling.title') }).waitFor();
    await settled(page);
    // Before the intention, the later steps wait.
    expect(await page.getByText(en('casesChoice.stepState.waitingHelp')).count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: en('casesChoice.form.recordIntention') }).click();
    await page.getByText(en('casesChoice.stepState.waitingHelp')).first().waitFor();
    await page.getByRole('button', { name: en('casesChoice.form.recordSession') }).waitFor();
    await page.getByRole('button', { name: en('casesChoice.form.recordSession') }).click();
    const give = page.getByRole('button', { name: en('casesChoice.form.recordZoneInformation') });
    await give.waitFor();
    // The zone's class is shown to be read out before it is recorded as given.
    await page.locator('.case-zone-information').waitFor();
    await browser.screenshot(page, 'zone information');
    await expect.poll(() => give.isEnabled()).toBe(true);
    await give.click();
    const declare = page.getByRole('button', { name: en('casesChoice.form.recordDeclaration') });
    await declare.waitFor();
    expect(await declare.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: en('casesChoice.form.witness') }).fill('Samira, camp committee');
    await declare.click();
    await page
      .getByText(/Cooling-off until/)
      .first()
      .waitFor();
    await browser.screenshot(page, 'declared');
    expect(await sideways(page)).toBeLessThanOrEqual(1);
  });

  it('works on a phone in Arabic', async () => {
    const phone = await browser.open({ phone: true });
    await signIn(phone, run.account('case_worker'), run.ledger);
    await phone.evaluate(() => localStorage.setItem('homeward.language', 'ar'));
    for (const address of ['/staff/cases/decisions', `/staff/cases/households/${household.householdId}/counselling`]) {
      await phone.goto(address);
      await settled(phone);
      expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await browser.screenshot(phone, `ar ${address.split('/').at(-1)}`);
      expect(await sideways(phone)).toBeLessThanOrEqual(1);
    }
  });
});
