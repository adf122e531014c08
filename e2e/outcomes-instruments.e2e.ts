import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * Survey instruments in the browser: a coordinator imports Homeward's reintegration instrument (an XLSForm
 * workbook, as Kobo gives one) from the instruments screen, opens its preview, and fills it in English and in
 * Arabic (right to left): consent opens the groups, a constraint's message shows under its question, and the
 * separated members' repeat follows the count given.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const WORKBOOK = path.resolve(import.meta.dirname, '../src/server/outcomes/instruments/homeward_reintegration.xlsx');

describe('survey instruments', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.open({ keep: true });
    await signIn(page, run.account('coordinator'), run.ledger);
  });

  it('imports the default instrument from its workbook', async () => {
    await page.goto('/staff/outcomes/instruments');
    await page.getByRole('heading', { level: 1, name: en('outcomes.instruments.title') }).waitFor();
    await page.locator('form input[type="file"]').setInputFiles({
      name: 'homeward_reintegration.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fs.readFileSync(WORKBOOK),
    });
    await page.getByRole('button', { name: en('outcomes.instruments.importButton'), exact: true }).click();
    // New, or already there from an earlier run of the demo: either way it is listed.
    await page
      .getByText(/homeward_reintegration version 2026\.1/)
      .first()
      .waitFor();
    const link = page.getByRole('link', { name: 'Homeward reintegration follow-up' }).first();
    await link.waitFor();
    await settled(page);
    await browser.screenshot(page, 'instruments');
    await link.click();
    await page.waitForURL(/\/staff\/outcomes\/instruments\/[0-9a-f-]{36}$/);
  });

  it('previews the form in English with its skip logic and messages', async () => {
    await page.getByText('Does the respondent agree to this interview?').waitFor();
    expect(await page.getByText('Economic self-sufficiency').count()).toBe(0);
    await page.getByRole('radio', { name: 'Yes' }).first().check();
    await page.getByText('Economic self-sufficiency').waitFor();
    await page.getByLabel('Age of the head of household').fill('12');
    await page.getByText('Between 15 and 110').waitFor();
    await page.getByLabel('How many members live apart from the household against their wish?').fill('2');
    await page.getByRole('region', { name: 'Separated member 2' }).waitFor();
    expect(await page.locator('.outcome-form').getAttribute('dir')).toBe('ltr');
    await settled(page);
    await browser.screenshot(page, 'preview-en');
  });

  it('previews it in Arabic, right to left, keeping the answers', async () => {
    await page
      .getByRole('radiogroup', { name: en('outcomes.instruments.language') })
      .getByText('العربية', { exact: true })
      .click();
    await page.getByText('هل يوافق المجيب على إجراء هذه المقابلة؟').waitFor();
    expect(await page.locator('.outcome-form').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.outcome-form').getAttribute('lang')).toBe('ar');
    await page.getByText('الاكتفاء الذاتي الاقتصادي').waitFor();
    await page.getByText('بين 15 و110').waitFor();
    await settled(page);
    await browser.screenshot(page, 'preview-ar');
  });
});
