import { describe, expect, it } from 'vitest';
import { browserForFile, homeward } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn, signInForm, welcome } from './support/staff.ts';
import { wrongCode } from './support/totp.ts';

const run = homeward();
const browser = browserForFile();
const administrator = run.account('administrator');
const coordinator = run.account('coordinator');

describe('staff sign-in', () => {
  it('signs the demo administrator in with password and two-factor code, and out again', async () => {
    const page = await browser.open();
    // A staff address without a session leads to sign-in, which then returns there.
    await page.goto('/staff/account');
    await page.waitForURL(/\/staff\/sign-in\?/);
    await page.getByRole('heading', { level: 1, name: 'Staff sign-in' }).waitFor();
    const form = signInForm(page);
    await form.email.fill(administrator.email);
    await form.password.fill(administrator.password);
    await browser.screenshot(page, 'password step');
    await form.signIn.click();

    await page.getByRole('heading', { level: 2, name: 'Enter your two-factor code' }).waitFor();
    // The new step takes focus, so a screen reader announces it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Enter your two-factor code');
    await form.code.fill(await run.ledger.nextCode(administrator.email, administrator.totpSecret!));
    await browser.screenshot(page, 'code step');
    await form.verify.click();

    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/account');
    await page.getByText(administrator.email, { exact: true }).waitFor();
    // Navigation grouped by module, with the administration screens an administrator may open.
    const nav = page.getByRole('navigation', { name: 'Workspace' });
    for (const screen of ['Organisations', 'Users and memberships', 'Transparency log']) {
      await nav.getByRole('link', { name: screen, exact: true }).waitFor();
    }
    await nav.getByRole('link', { name: 'Overview', exact: true }).click();
    await welcome(page, administrator).waitFor();
    await browser.screenshot(page, 'signed in');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You have signed out', { exact: true }).waitFor();
    // The session is gone: the workspace asks for sign-in again.
    await page.goto('/staff');
    await page.waitForURL(/\/staff\/sign-in/);
    await form.email.waitFor();
  });

  it('says plainly when the email or password is missing or wrong, and keeps what was typed', async () => {
    const page = await browser.open();
    await page.goto('/staff/sign-in');
    const form = signInForm(page);
    await form.signIn.click();
    await page.getByText('Enter your email address.', { exact: true }).waitFor();
    await page.getByText('Enter your password.', { exact: true }).waitFor();
    expect(await form.email.getAttribute('aria-invalid')).toBe('true');

    await form.email.fill(administrator.email);
    await form.password.fill('not-the-right-password');
    await form.signIn.click();
    await form.alert.getByText('The email address or password is not correct.').waitFor();
    await browser.screenshot(page, 'wrong password');
    expect(await form.email.inputValue()).toBe(administrator.email);
    expect(await form.password.inputValue()).toBe('not-the-right-password');
    expect(await form.code.count()).toBe(0);
  });

  it('refuses a wrong two-factor code with a clear message, then accepts the right one', async () => {
    // The coordinator: the administrator's next codes (one per time step) are left for the other files.
    const page = await browser.open();
    await page.goto('/staff/sign-in');
    const form = signInForm(page);
    await form.email.fill(coordinator.email);
    await form.password.fill(coordinator.password);
    await form.signIn.click();

    await form.code.fill('12345');
    await form.verify.click();
    await page.getByText('Enter the six digits from your authenticator app.', { exact: true }).waitFor();

    const wrong = wrongCode(coordinator.totpSecret!);
    await form.code.fill(wrong);
    await form.verify.click();
    await form.alert.getByText('The two-factor code is not correct or has already been used.').waitFor();
    await browser.screenshot(page, 'wrong code');
    expect(await form.code.inputValue()).toBe(wrong);

    await form.code.fill(await run.ledger.nextCode(coordinator.email, coordinator.totpSecret!));
    await form.verify.click();
    await welcome(page, coordinator).waitFor();
  });

  it('tells the person when Homeward cannot be reached', async () => {
    const page = await browser.open();
    await page.goto('/staff/sign-in');
    const form = signInForm(page);
    await form.email.waitFor();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await form.email.fill(administrator.email);
    await form.password.fill(administrator.password);
    await form.signIn.click();
    await form.alert.getByText('We could not reach Homeward. Check your connection and try again.').waitFor();
    expect(await form.password.inputValue()).toBe(administrator.password);
  });

  it('sends a person whose session ended to sign-in, says so in their language, then returns to their page', async () => {
    const ar = catalogue('ar');
    const monitor = run.account('field_monitor');
    const page = await browser.open({ locale: 'ar' });
    await signIn(page, monitor, run.ledger, { t: ar });
    await page
      .getByRole('navigation', { name: ar('staff.nav.label') })
      .getByRole('link', { name: ar('account.title') })
      .click();
    await page.getByRole('heading', { level: 1, name: ar('account.title') }).waitFor();

    // The person leaves the page; meanwhile the session ends (the server no longer knows it, as after the idle
    // time). Leaving first also cancels the page's own requests, so none of them can touch the cookie afterwards.
    await page.goto('about:blank');
    await page.context().addCookies([{ name: 'homeward_session', value: 'ended-session', url: browser.url }]);
    await page.goto('/staff/account');
    await page.waitForURL(/\/staff\/sign-in\?/);
    await page.getByText(ar('signIn.expired.title'), { exact: true }).waitFor();
    await page.getByText(ar('signIn.expired.text'), { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await browser.screenshot(page, 'session ended in Arabic');

    await signIn(page, monitor, run.ledger, {
      t: ar,
      from: 'here',
      until: page.getByRole('heading', { level: 1, name: ar('account.title') }),
    });
    expect(new URL(page.url()).pathname).toBe('/staff/account');
  });
});
