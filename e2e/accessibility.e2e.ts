import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn, signInForm } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/** The public portal's pages (src/web/public/paths.ts), and an address that does not exist. */
const PUBLIC_PAGES = ['/', '/help', '/languages', '/fr', '/no-such-page'];

interface Finding {
  page: string;
  report: string;
}

/**
 * Scans the page as it is now with axe-core (WCAG 2.2 A and AA) and keeps a screenshot of it. Serious and
 * critical violations are collected for the test to fail on, each listed with the elements concerned.
 */
async function scan(page: Page, name: string, findings: Finding[]): Promise<void> {
  await settled(page);
  const violations = await scanPage(page);
  await browser.screenshot(page, name);
  const serious = blocking(violations);
  if (serious.length > 0) findings.push({ page: `${name} (${page.url()})`, report: describeViolations(serious) });
}

function expectNoFindings(findings: Finding[]): void {
  expect(findings.map((f) => `${f.page}\n${f.report}`).join('\n\n'), 'serious or critical axe violations').toBe('');
}

describe('accessibility (axe-core, WCAG 2.2 AA): no serious or critical violation', () => {
  for (const locale of ['en', 'ar']) {
    it(`every public portal page in ${locale === 'en' ? 'English' : 'Arabic'}`, async () => {
      // A browser set to the language: the portal starts in it, as it would for a person.
      const page = await browser.open({ locale });
      const findings: Finding[] = [];
      for (const address of PUBLIC_PAGES) {
        await page.goto(address);
        await scan(page, `public ${locale} ${address === '/' ? 'home' : address}`, findings);
        const expected = address === '/fr' ? 'fr' : locale;
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected);
      }
      expectNoFindings(findings);
    });
  }

  it('sign-in: the password step in English and Arabic, and the two-factor step', async () => {
    const findings: Finding[] = [];
    const arabic = await browser.open({ locale: 'ar' });
    await arabic.goto('/staff/sign-in');
    await scan(arabic, 'sign-in ar', findings);

    const page = await browser.open();
    await page.goto('/staff/sign-in');
    await scan(page, 'sign-in password step', findings);
    const form = signInForm(page);
    await form.signIn.click(); // empty: the field errors are shown
    await page.getByText('Enter your email address.', { exact: true }).waitFor();
    await scan(page, 'sign-in field errors', findings);
    const administrator = run.account('administrator');
    await form.email.fill(administrator.email);
    await form.password.fill(administrator.password);
    await form.signIn.click();
    await form.code.waitFor();
    await scan(page, 'sign-in code step', findings);
    expectNoFindings(findings);
  });

  it('the staff workspace: home, my account and every administration screen', async () => {
    const page = await browser.open();
    await signIn(page, run.account('administrator'), run.ledger);
    const findings: Finding[] = [];
    await scan(page, 'staff home', findings);
    await page.goto('/staff/account');
    await scan(page, 'staff my account', findings);

    // Every screen the navigation lists under Administration (the administrator may open them all).
    const group = page.getByRole('list', { name: en('administration.module') });
    const addresses = await group
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(addresses.length).toBeGreaterThanOrEqual(5);
    for (const address of addresses) {
      await page.goto(address);
      await scan(page, `staff ${address.replace('/staff/administration/', 'administration ')}`, findings);
    }
    // Screens reached from those rather than from the navigation: a person's page, and the new-user form.
    await page.goto('/staff/administration/users');
    await page.getByRole('link', { name: run.account('coordinator').displayName, exact: true }).click();
    await page.waitForURL(/\/staff\/administration\/users\/[^/]+$/);
    await scan(page, 'staff administration user page', findings);
    await page.goto('/staff/administration/users');
    await page.getByRole('link', { name: en('administration.user.create'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en('administration.user.createTitle') }).waitFor();
    await scan(page, 'staff administration create user', findings);
    expectNoFindings(findings);
  });
});
