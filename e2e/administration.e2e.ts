import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn, signInForm, welcome } from './support/staff.ts';
import { currentCode } from './support/totp.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const administrator = run.account('administrator');

/** The administrator's session, signed in once for the file through the sign-in screen. */
let admin: Page;
beforeAll(async () => {
  admin = await browser.open({ keep: true });
  await signIn(admin, administrator, run.ledger);
});

async function openScreen(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: en('staff.nav.label') })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

describe('administration', () => {
  it('an administrator creates a user, who then signs in, chooses a password and sets up two-factor sign-in', async () => {
    const person = {
      email: `new-case-worker-${Date.now()}@example.org`,
      displayName: 'Rania Test-Haddad',
      organisation: 'Maren Operation of the UN Refugee Agency',
      role: 'Case worker',
    };

    // The administrator creates the account with a one-time password.
    await openScreen(admin, en('administration.users'));
    await admin.getByRole('link', { name: en('administration.user.create'), exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: en('administration.user.createTitle') }).waitFor();
    await admin.getByRole('textbox', { name: en('administration.user.email'), exact: true }).fill(person.email);
    await admin
      .getByRole('textbox', { name: en('administration.user.displayName'), exact: true })
      .fill(person.displayName);
    await admin.getByRole('radio', { name: en('administration.user.passwordGenerate') }).check();
    await admin
      .getByRole('combobox', { name: en('administration.user.organisation'), exact: true })
      .selectOption({ label: person.organisation });
    await admin
      .getByRole('combobox', { name: en('administration.user.role'), exact: true })
      .selectOption({ label: person.role });
    await browser.screenshot(admin, 'create user form');
    await admin.getByRole('button', { name: en('administration.user.createSubmit'), exact: true }).click();

    await admin.getByRole('heading', { level: 2, name: `Account created for ${person.displayName}` }).waitFor();
    const oneTime = admin.getByRole('alert').filter({ hasText: en('administration.user.oneTimeTitle') });
    const oneTimePassword = ((await oneTime.locator('[dir="ltr"]').textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await browser.screenshot(admin, 'user created');

    // The list shows the new person once (the form sent one request).
    await admin.getByRole('link', { name: en('administration.user.backToList'), exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: en('administration.users') }).waitFor();
    await admin.getByRole('link', { name: person.displayName, exact: true }).waitFor();
    expect(await admin.getByText(person.email, { exact: true }).count()).toBe(1);

    // The new person signs in on their own browser.
    const page = await browser.open();
    await page.goto('/staff/sign-in');
    const form = signInForm(page);
    await form.email.fill(person.email);
    await form.password.fill(oneTimePassword);
    await form.signIn.click();

    // A case worker sees personal data: first-time two-factor enrolment by QR code, then their own password.
    await page.getByRole('heading', { level: 2, name: en('signIn.enrol.title') }).waitFor();
    await page.getByRole('img', { name: en('signIn.enrol.qrAlt') }).waitFor();
    await browser.screenshot(page, 'two-factor enrolment');
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    await form.code.fill(currentCode(secret));
    await page.getByRole('button', { name: en('signIn.enrol.submit'), exact: true }).click();

    await page.getByRole('heading', { level: 2, name: en('signIn.newPassword.title') }).waitFor();
    const ownPassword = 'a long walk home by the river';
    await page.getByRole('textbox', { name: en('signIn.newPassword.current'), exact: true }).fill(oneTimePassword);
    await page.getByRole('textbox', { name: en('signIn.newPassword.new'), exact: true }).fill(ownPassword);
    await page.getByRole('textbox', { name: en('signIn.newPassword.repeat'), exact: true }).fill(ownPassword);
    await page.getByRole('button', { name: en('signIn.newPassword.submit'), exact: true }).click();

    await welcome(page, person).waitFor();
    await page.getByText(`You are working for ${person.organisation} as ${person.role}.`).waitFor();
    await browser.screenshot(page, 'new user signed in');

    // The administrator now sees the person's two-factor sign-in as set up.
    await admin.reload();
    await settled(admin);
    const row = admin.getByRole('row').filter({ hasText: person.email });
    await row.getByText(en('administration.user.twoFactorOn'), { exact: true }).waitFor();
  });

  it('an administrator verifies the transparency log from the screen, and reads its entries by event', async () => {
    await openScreen(admin, en('administration.transparencyLog'));
    await admin.getByRole('heading', { level: 2, name: en('administration.log.checkpoint') }).waitFor();

    // Entries filtered by event: only account creations (the demo’s eleven accounts at least).
    const filters = admin.getByRole('form', { name: en('administration.log.filters') });
    await filters
      .getByRole('combobox', { name: en('administration.log.eventType'), exact: true })
      .selectOption({ label: en('auditEvent.account.user_created') });
    await filters.getByRole('button', { name: en('staff.kit.applyFilters'), exact: true }).click();
    await admin.waitForURL(/type=account\.user_created/);
    // The table keeps the previous page until the filtered one arrives: wait until it shows only creations.
    const rows = admin.getByRole('table').locator('tbody tr');
    const created = en('auditEvent.account.user_created');
    const eventRows = () => rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
    await expect
      .poll(
        async () => {
          const shown = await eventRows();
          return shown.length > 0 && shown.every((row) => row.includes(created));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const events = await eventRows();
    expect(events.length).toBeGreaterThanOrEqual(run.accounts.length);

    await admin.getByRole('button', { name: en('administration.log.verify'), exact: true }).click();
    const outcome = admin.getByRole('status').filter({ hasText: en('administration.log.intact') });
    await outcome.getByText(`✓ ${en('administration.log.intact')}`, { exact: true }).waitFor({ timeout: 120_000 });
    const text = (await outcome.textContent()) ?? '';
    // The count is formatted for the reader: "All 17,313 entries check out".
    const entries = Number(/All ([\d,]+) entries check out/.exec(text)?.[1]?.replaceAll(',', ''));
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeGreaterThanOrEqual(events.length);
    expect(text).toMatch(/Root hash:\s*[0-9a-f]{64}/);
    expect(text).not.toContain(en('administration.log.altered'));
    await browser.screenshot(admin, 'transparency log verified');
  });

  it('shows the log without the verify button to a person who may read it but not verify it', async () => {
    const page = await browser.open();
    await signIn(page, run.account('verifier'), run.ledger);
    await openScreen(page, en('administration.transparencyLog'));
    await page.getByRole('heading', { level: 2, name: en('administration.log.entriesTitle') }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: en('administration.log.verify') }).count()).toBe(0);
  });
});
