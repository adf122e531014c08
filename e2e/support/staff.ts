import type { Locator, Page } from 'playwright-core';
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
