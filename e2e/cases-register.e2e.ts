import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

interface PublicZone {
  pcode: string;
  level: string;
  name: Record<string, string>;
}

/** A zone of the demo gazetteer to return to, as the public API lists it. */
let zone: { pcode: string; name: string };
/** The household page the first test reaches, for the phone test. */
let householdPath = '';

beforeAll(async () => {
  const response = await fetch(`${run.url}/api/v1/public/zones`);
  expect(response.status).toBe(200);
  const zones = (await response.json()) as PublicZone[];
  const district = zones.filter((z) => z.level !== 'state').sort((a, b) => a.pcode.localeCompare(b.pcode))[0];
  expect(district, 'the demo publishes zones').toBeDefined();
  zone = { pcode: district!.pcode, name: district!.name.en! };
});

describe('a case worker registers a household and finds it again', () => {
  it('registers, shows the reference and the slip code once, finds the household by document and opens it', async () => {
    const page = await browser.open();
    await signIn(page, run.account('case_worker'), run.ledger);
    const documentNumber = `E2E-${randomInt(100_000, 999_999)}`;
    const given = `Nour${randomInt(1000, 9999)}`;

    await page.goto('/staff/cases/register');
    await page.getByRole('heading', { level: 1, name: en('people.register.title'), exact: true }).waitFor();
    await page.getByRole('textbox', { name: en('people.name.given'), exact: true }).fill(given);
    await page.getByRole('textbox', { name: en('people.name.family'), exact: true }).fill('Saleh');
    await page.getByLabel(en('people.dateOfBirth')).fill('1986-07-14');
    await page.getByRole('combobox', { name: en('people.sexLabel'), exact: true }).selectOption('female');
    await page.getByRole('button', { name: en('people.document.add'), exact: true }).click();
    await page.getByRole('combobox', { name: en('people.document.kind'), exact: true }).selectOption('passport');
    await page.getByRole('textbox', { name: en('people.document.number'), exact: true }).fill(documentNumber);

    const zoneBox = page.getByRole('combobox', { name: en('zones.observe.zone'), exact: true });
    await zoneBox.fill(zone.pcode);
    await page.getByRole('option', { name: `${zone.name} · ${zone.pcode}`, exact: true }).click();

    await page.getByRole('button', { name: en('people.register.submit'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en('people.registered.title'), exact: true }).waitFor();
    await page.getByText(en('people.registered.onceTitle'), { exact: true }).waitFor();
    const reference = ((await page.getByTestId('case-reference').textContent()) ?? '').trim();
    const code = ((await page.getByTestId('status-code').textContent()) ?? '').trim();
    expect(reference).toMatch(/^HW-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(code).toMatch(/^\d{5} \d{5}$/);

    await page.goto('/staff/cases');
    await page.getByRole('heading', { level: 1, name: en('people.search.title'), exact: true }).waitFor();
    await page.getByText(en('people.search.by.document'), { exact: true }).click();
    // The number as a person might type it: the search ignores spaces and dashes.
    await page
      .getByRole('textbox', { name: en('people.search.term.document'), exact: true })
      .fill(documentNumber.replace('-', ' '));
    await page.getByRole('button', { name: en('people.search.submit'), exact: true }).click();
    const result = page.getByRole('link', { name: reference, exact: true });
    await result.waitFor();
    // Search terms travel in the request body, never in the address.
    expect(page.url()).not.toContain(documentNumber.slice(4));

    await result.click();
    householdPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: `Household ${reference}`, exact: true }).waitFor();
    const members = page.getByRole('region', { name: en('people.members'), exact: true });
    await members.getByText(`${given} Saleh`, { exact: true }).waitFor();
    await members.getByText(documentNumber, { exact: true }).waitFor();
    // The intended zone is named beside its P-code.
    await page.getByText(`${zone.name} (${zone.pcode})`, { exact: true }).first().waitFor();
    // The share form offers only organisations with an agreement in force for the purpose, or says there is none.
    const sharing = page.getByRole('region', { name: en('people.share.title'), exact: true });
    await sharing
      .getByRole('combobox', { name: en('people.share.organisation') })
      .or(sharing.getByText(en('people.share.noRecipients'), { exact: true }))
      .first()
      .waitFor();
    expect(await sharing.getByRole('textbox').count()).toBe(0);
    // The code is never shown again.
    expect(await page.getByText(code).count()).toBe(0);
  });

  it('works on a 375 px phone in Arabic: right to left, nothing wider than the screen', async () => {
    expect(householdPath, 'the first test opened a household').toMatch(/^\/staff\/cases\/households\//);
    const page = await browser.open({ phone: true });
    await signIn(page, run.account('case_worker'), run.ledger);
    await page.evaluate(() => localStorage.setItem('homeward.language', 'ar'));
    const screens: [string, string][] = [
      ['/staff/cases', ar('people.search.title')],
      ['/staff/cases/register', ar('people.register.title')],
      ['/staff/cases/households', ar('people.list.title')],
      [householdPath, ar('people.members')],
    ];
    for (const [address, heading] of screens) {
      await page.goto(address);
      await settled(page);
      await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const width = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(width[0], `${address} scrolls sideways`).toBeLessThanOrEqual(width[1]! + 1);
      await browser.screenshot(page, `ar phone ${address}`);
    }
  });
});
