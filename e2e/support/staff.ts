import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { catalogue } from './catalogue.ts';
import type { DemoAccount } from './homeward.ts';
import type { TotpLedger } from './totp.ts';

type Messages = (key: string) => string;
const en = catalogue('en');

/**
 * The sign-in form's controls by their accessible names in a language (English unless given). Mantine adds
 * " *" to required labels but hides it from assistive technology, so the names are the bare labels; `exact`
 * keeps "Password" apart from the "Show or hide the password" toggle (Playwright gives a password field the
 * textbox role).
 */
export const signInForm = (page: Page, t: Messages = en) => ({
  email: page.getByRole('textbox', { name: t('signIn.email.label'), exact: true }),
  password: page.getByRole('textbox', { name: t('signIn.password.label'), exact: true }),
  signIn: page.getByRole('button', { name: t('signIn.password.submit'), exact: true }),
  code: page.getByRole('textbox', { name: t('signIn.code.label'), exact: true }),
  verify: page.getByRole('button', { name: t('signIn.totp.submit'), exact: true }),
  alert: page.getByRole('alert'),
});

/** The staff home page's heading once someone is signed in. */
export const welcome = (page: Page, account: Pick<DemoAccount, 'displayName'>, t: Messages = en): Locator =>
  page.getByRole('heading', { level: 1, name: t('staff.home.welcome').replace('{name}', account.displayName) });

/**
 * Signs a demo account in through the sign-in screen, as a person would: email and password, then a code from
 * their authenticator (the ledger's next unused one) when the account uses two-factor sign-in. With `from`,
 * the sign-in screen is already open (after a redirect); `until` is what shows once signed in (the staff
 * home page by default).
 */
export async function signIn(
  page: Page,
  account: DemoAccount,
  ledger: TotpLedger,
  { t = en, from, until }: { t?: Messages; from?: 'here'; until?: Locator } = {},
): Promise<void> {
  if (from !== 'here') await page.goto('/staff/sign-in');
  const form = signInForm(page, t);
  await form.email.fill(account.email);
  await form.password.fill(account.password);
  await form.signIn.click();
  if (account.totpSecret) {
    await form.code.waitFor();
    await form.code.fill(await ledger.nextCode(account.email, account.totpSecret));
    await form.verify.click();
  }
  await (until ?? welcome(page, account, t)).waitFor();
}

/**
 * Reads a list shown a page at a time ("Show more") until `target` is among what it shows. The browser files
 * share one demo, and another file may already have added newer rows at the top (a month published worse
 * suspends more convoys and sends their notices), so what a test looks for need not be on the first page.
 */
export async function readOnUntil(list: { rows: Locator; more: Locator }, target: Locator): Promise<void> {
  await list.rows.first().waitFor();
  while ((await target.count()) === 0) {
    const shown = await list.rows.count();
    if ((await list.more.count()) === 0) throw new Error(`not among the list's ${shown} rows, and there are no more`);
    await list.more.click();
    await expect.poll(() => list.rows.count()).toBeGreaterThan(shown);
  }
  await target.first().waitFor();
}
