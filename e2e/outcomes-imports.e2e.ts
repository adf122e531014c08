import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, DESKTOP, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The "Import answers" screen in the browser: a coordinator chooses a KoboToolbox export, a form and who answered,
 * sends it, and reads why nothing was imported; the screen has no serious accessibility fault at a phone's width
 * or a desktop's.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

const CSV = [
  '"start";"end";"zone";"household/head_sex";"household/head_age";"_uuid";"_index"',
  '"2026-02-11T09:15:03.120+03:00";"2026-02-11T09:40:51.004+03:00";"QM0101";"female";"43";"0c1d2e3f-0000-4000-8000-000000000001";"1"',
].join('\r\n');

async function violations(page: Page): Promise<string> {
  const found: string[] = [];
  for (const size of [{ width: 375, height: 667 }, DESKTOP]) {
    await page.setViewportSize(size);
    await settled(page);
    const serious = blocking(await scanPage(page));
    if (serious.length > 0) found.push(`${page.url()} at ${size.width} px\n${describeViolations(serious)}`);
  }
  return found.join('\n');
}

describe('importing answers from the staff workspace', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.open({ keep: true });
    await signIn(page, run.account('coordinator'), run.ledger);
  });

  it('sends the chosen file and says why nothing was imported', async () => {
    await page.goto('/staff/outcomes/imports');
    await page.getByRole('heading', { level: 1, name: en('outcomes.imports.title') }).waitFor();
    // Without a file, the form says so next to the field and sends nothing.
    await page.getByRole('button', { name: en('outcomes.imports.submit') }).click();
    await page.getByText(en('outcomes.imports.fileRequired')).waitFor();

    await page.locator('input[type="file"]').setInputFiles({
      name: 'residents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByLabel(en('outcomes.imports.form')).fill('no_such_survey');
    await page.getByLabel(en('outcomes.imports.population.resident')).check();
    // Resident answers need their round before the file can be sent.
    expect(await page.getByRole('button', { name: en('outcomes.imports.submit') }).isDisabled()).toBe(true);
    await page.getByLabel(en('outcomes.imports.round')).selectOption('6');
    const sent = page.waitForResponse((response) => response.url().endsWith('/api/v1/outcomes/imports'));
    await page.getByRole('button', { name: en('outcomes.imports.submit') }).click();
    const response = await sent;
    expect(response.status()).toBe(404);
    const body = JSON.parse(response.request().postData() ?? '{}');
    expect(body).toMatchObject({
      formId: 'no_such_survey',
      fileName: 'residents.csv',
      population: 'resident',
      round: 6,
    });
    expect(Buffer.from(body.contentBase64, 'base64').toString('utf8')).toBe(CSV);
    await page.getByRole('alert').filter({ hasText: 'No survey instrument has this form id' }).waitFor();
    expect(await violations(page)).toBe('');
  });
});
