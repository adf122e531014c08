import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, DESKTOP, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn, signInForm } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/**
 * The public portal's pages (src/web/public/paths.ts), and an address that does not exist; the return zones'
 * map and table, and a zone's page (the demo's zone that is not conducive every month, so it has a history).
 */
// `/fr` last: opening a language's address chooses it, and the pages opened after it keep it.
const PUBLIC_PAGES = [
  '/',
  '/help',
  '/languages',
  '/no-such-page',
  '/zones',
  `/zones/${DEMO_ZONE_STORY.hardRed}`,
  `/zones/${DEMO_ZONE_STORY.improvingDistrict}`,
  '/fr',
];

interface Finding {
  page: string;
  report: string;
}

/** The widths every page is scanned at: a small phone's, then a desktop window's (where the test goes on). */
const WIDTHS = [{ width: 375, height: 667 }, DESKTOP];

/**
 * Scans the page as it is now with axe-core (WCAG 2.2 A and AA) at 375 px and at 1280 px, and keeps a
 * screenshot of each. Serious and critical violations are collected for the test to fail on, each listed with
 * the width and the elements concerned.
 */
async function scan(page: Page, name: string, findings: Finding[]): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await settled(page);
    const violations = await scanPage(page);
    await browser.screenshot(page, `${name} ${size.width}px`);
    const serious = blocking(violations);
    if (serious.length > 0) {
      findings.push({ page: `${name} at ${size.width} px (${page.url()})`, report: describeViolations(serious) });
    }
  }
}

function expectNoFindings(findings: Finding[]): void {
  expect(findings.map((f) => `${f.page}\n${f.report}`).join('\n\n'), 'serious or critical axe violations').toBe('');
}

describe('accessibility (axe-core, WCAG 2.2 AA) at 375 px and 1280 px: no serious or critical violation', () => {
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

  it('the return zones staff screens, each for the accounts that may open it', async () => {
    const findings: Finding[] = [];
    const scanned = new Set<string>();
    /** Every screen the navigation lists under Return zones for this person, but those scanned already. */
    async function zonesScreens(page: Page, who: string): Promise<void> {
      const group = page.getByRole('list', { name: en('zones.module') });
      const addresses = await group
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect(addresses.length, `${who}: screens under ${en('zones.module')}`).toBeGreaterThanOrEqual(2);
      for (const address of addresses.filter((a) => !scanned.has(a))) {
        scanned.add(address);
        await page.goto(address);
        await scan(page, `staff ${who} ${address.replace('/staff/zones', 'zones')}`, findings);
      }
    }

    // The field monitor: the zones list, the observation form (also with its field errors), a zone's page.
    const monitor = await browser.open();
    await signIn(monitor, run.account('field_monitor'), run.ledger);
    await zonesScreens(monitor, 'field monitor');
    await monitor.goto('/staff/zones/observations/new');
    await monitor.getByRole('button', { name: en('zones.observe.submit'), exact: true }).click();
    await monitor.getByText(en('zones.check.required')).first().waitFor();
    await scan(monitor, 'staff field monitor observation field errors', findings);
    await monitor.goto('/staff/zones');
    // Reached from the list rather than from the navigation: the first zone's page (the state, with the zones
    // inside it), then a location's.
    await monitor.getByRole('table').getByRole('link').first().click();
    await monitor.waitForURL(/\/staff\/zones\/QM[0-9]*$/);
    await scan(monitor, 'staff field monitor zone page', findings);
    await monitor.goto(`/staff/zones/${DEMO_ZONE_STORY.hardRed}`);
    await scan(monitor, 'staff field monitor zone page of a location', findings);

    // The verifier: the verification queue.
    const verifier = await browser.open();
    await signIn(verifier, run.account('verifier'), run.ledger);
    await zonesScreens(verifier, 'verifier');
    expect(scanned).toContain('/staff/zones/verification');

    // The coordinator: the period review and the criteria framework.
    const coordinator = await browser.open();
    await signIn(coordinator, run.account('coordinator'), run.ledger);
    await zonesScreens(coordinator, 'coordinator');
    expect(scanned).toContain('/staff/zones/review');
    expect(scanned).toContain('/staff/zones/frameworks');
    // The framework screen's draft editor, opened and left unsaved (nothing is sent until it is saved).
    await coordinator.goto('/staff/zones/frameworks');
    await coordinator.getByRole('button', { name: /^(Create a draft from|Edit the draft)/ }).click();
    await coordinator.getByRole('button', { name: en('zones.framework.save'), exact: true }).waitFor();
    await scan(coordinator, 'staff coordinator framework draft editor', findings);
    expectNoFindings(findings);
  });
});
