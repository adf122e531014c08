import type { Locator, Page } from 'playwright-core';
import type { DemoAccount } from './homeward.ts';
import type { TotpLedger } from './totp.ts';

/**
 * The sign-in form's controls by their accessible names (English). Mantine adds " *" to required labels but
 * hides it from assistive technology, so the names are the bare labels; `exact` keeps "Password" apart from
 * the "Show or hide the password" toggle (Playwright gives a password field the textbox role).
 */
export const signInForm = (page: Page) => ({
  email: page.getByRole('textbox', { name: 'Email address', exact: true }),
  password: page.getByRole('textbox', { name: 'Password', exact: true }),
  signIn: page.getByRole('button', { name: 'Sign in', exact: true }),
  code: page.getByRole('textbox', { name: 'Six-digit code', exact: true }),
  verify: page.getByRole('button', { name: 'Verify', exact: true }),
  stepHeading: page.getByRole('heading', { level: 2 }),
  alert: page.getByRole('alert'),
});

/** The staff home page's heading once someone is signed in. */
export const welcome = (page: Page, account: Pick<DemoAccount, 'displayName'>): Locator =>
  page.getByRole('heading', { level: 1, name: `Welcome, ${account.displayName}` });

/**
 * Signs a demo account in through the sign-in screen, as a person would: email and password, then a code from
 * their authenticator (the ledger's next unused one) when the account uses two-factor sign-in. Ends on the
 * staff home page.
 */
export async function signIn(page: Page, account: DemoAccount, ledger: TotpLedger): Promise<void> {
  await page.goto('/staff/sign-in');
  const form = signInForm(page);
  await form.email.fill(account.email);
  await form.password.fill(account.password);
  await form.signIn.click();
  if (account.totpSecret) {
    await form.code.waitFor();
    await form.code.fill(await ledger.nextCode(account.email, account.totpSecret));
    await form.verify.click();
  }
  await welcome(page, account).waitFor();
}
