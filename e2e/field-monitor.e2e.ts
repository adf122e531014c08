import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PNG, GPS_MARK, jpegWithGps } from '../src/server/zones/files/test-images.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/** A catalogue message with its simple `{name}` arguments filled in. */
const filled = (message: string, values: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
const monthName = (period: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );

/**
 * A month the demo has no values for (its story covers the last twelve months), still offered by the form (24):
 * the zone starts with nothing given, whatever else the other browser tests recorded.
 */
const MONTH = (() => {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 18, 1));
  return month.toISOString().slice(0, 7);
})();
const MINES = { code: 'mines_uxo_on_routes', name: '' };
const SHELTER = { code: 'adequate_shelter', name: '' };

interface PublicZone {
  pcode: string;
  level: string;
  name: Record<string, string>;
}
let zone: { pcode: string; name: string };
let monitor: Page;
let verifier: Page;

beforeAll(async () => {
  const zones = (await (await fetch(`${run.url}/api/v1/public/zones`)).json()) as PublicZone[];
  // The last location by P-code: the zones browser test reports on the first ones.
  const location = zones.filter((z) => z.level === 'location').sort((a, b) => b.pcode.localeCompare(a.pcode))[0];
  expect(location, 'the demo has locations').toBeDefined();
  zone = { pcode: location!.pcode, name: location!.name.en! };
  const detail = (await (await fetch(`${run.url}/api/v1/public/zones/${zone.pcode}`)).json()) as {
    framework: { definition: { criteria: { indicators: { code: string; name: { en: string } }[] }[] } };
  };
  const indicators = detail.framework.definition.criteria.flatMap((criterion) => criterion.indicators);
  for (const wanted of [MINES, SHELTER]) {
    const found = indicators.find((indicator) => indicator.code === wanted.code);
    expect(found, `the framework in use has ${wanted.code}`).toBeDefined();
    wanted.name = found!.name.en;
  }
  monitor = await browser.open({ keep: true });
  await signIn(monitor, run.account('field_monitor'), run.ledger);
  verifier = await browser.open({ keep: true });
  await signIn(verifier, run.account('verifier'), run.ledger);
});

const nav = (page: Page) => page.getByRole('navigation', { name: en('staff.nav.label') });

async function openForm(page: Page, { phone = false } = {}): Promise<void> {
  const name = en('zones.observe.title');
  // On a phone the navigation is folded away: the address is what a person bookmarks there.
  if (phone) await page.goto('/staff/zones/observations/new');
  else await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

const form = (page: Page) => ({
  zone: page.getByRole('combobox', { name: en('zones.observe.zone'), exact: true }),
  indicator: page.getByRole('combobox', { name: en('zones.observe.indicator'), exact: true }),
  period: page.getByRole('combobox', { name: en('zones.period'), exact: true }),
  value: page.getByRole('textbox', {
    name: filled(en('zones.observe.valueIn'), { unit: en('zones.unit.count') }),
    exact: true,
  }),
  percent: page.getByRole('textbox', {
    name: filled(en('zones.observe.valueIn'), { unit: en('zones.unit.percent') }),
    exact: true,
  }),
  source: page.getByRole('combobox', { name: en('zoneTerms.column.source'), exact: true }),
  method: page.getByRole('textbox', { name: en('zones.observe.method'), exact: true }),
  files: page.locator('form input[type="file"]'),
  submit: page.getByRole('button', { name: en('zones.observe.submit'), exact: true }),
  given: page.getByRole('region', { name: filled(en('zones.given.title'), { period: monthName(MONTH) }) }),
});

async function chooseZoneAndMonth(page: Page): Promise<void> {
  const f = form(page);
  const label = `${zone.name} · ${zone.pcode}`;
  if ((await f.zone.inputValue()) !== label) {
    await f.zone.fill(zone.pcode);
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  await f.period.selectOption(MONTH);
}

/** The page has nothing wider than the window (no sideways scrolling on a phone). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Downloads a file in the page's session, as the link does, and answers its bytes as latin1 text. */
const downloaded = (page: Page, link: Locator) =>
  link.getAttribute('href').then((href) =>
    page.evaluate(async (url) => {
      const response = await fetch(url!);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: String.fromCharCode(...bytes),
      };
    }, href),
  );

describe('the field monitor’s daily work', () => {
  it('sees what the zone already has this month, records a value with a photo, and is told of a duplicate with a link to it', async () => {
    await openForm(monitor);
    await chooseZoneAndMonth(monitor);
    const f = form(monitor);
    await f.given.getByText(en('zones.given.none'), { exact: true }).waitFor();

    await f.indicator.selectOption(MINES.code);
    await f.value.fill('3');
    await f.source.selectOption({ label: en('zoneTerms.source.monitoring_visit') });
    await f.method.fill('Route survey with the mine action team, 12 km of the main road');
    await f.files.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() });
    await f.submit.click();
    await monitor.getByRole('status').getByText('1 file attached.', { exact: true }).waitFor();
    // The zone's month now lists the value, as the organisation's own, with a link to it.
    await f.given.getByText(MINES.name, { exact: true }).waitFor();
    await f.given.getByText(en('zones.given.ours'), { exact: true }).waitFor();
    await f.given.getByText(/^1 of \d+ indicators have a value\.$/).waitFor();

    // Choosing the same indicator again says so before anything is sent.
    await chooseZoneAndMonth(monitor);
    await f.indicator.selectOption(MINES.code);
    const already = monitor.getByTestId('already-given');
    await already.waitFor();
    expect(await already.textContent()).toContain(monthName(MONTH));
    await browser.screenshot(monitor, 'already given');

    // Sending it anyway is refused, and the refusal links to the value already given.
    await f.value.fill('4');
    await f.source.selectOption({ label: en('zoneTerms.source.survey') });
    await f.method.fill('Second count');
    await f.submit.click();
    const duplicate = monitor.getByTestId('duplicate-link');
    await duplicate.waitFor();
    await monitor.getByText(en('zones.observe.duplicate'), { exact: true }).first().waitFor();
    await duplicate.click();
    await monitor.getByRole('heading', { level: 1, name: zone.name, exact: true }).waitFor();
    const history = monitor.getByRole('dialog', { name: en('zones.versions.title') });
    await history.getByText(filled(en('zones.versions.current'), { version: 1 }), { exact: true }).waitFor();
    // The photo is there, and what downloads carries no location.
    const photo = history.getByRole('link', { name: 'IMG_2041.jpg', exact: true });
    await photo.waitFor();
    const file = await downloaded(monitor, photo);
    expect(file.status).toBe(200);
    expect(file.type).toBe('image/jpeg');
    expect(file.text.startsWith('\u00ff\u00d8')).toBe(true);
    expect(file.text).not.toContain(GPS_MARK);
    expect(file.text).not.toContain('Exif');
    await settled(monitor);
    await browser.screenshot(monitor, 'history of the value');
  });

  it('corrects the value: the history shows both versions, and the correction waits for a verifier', async () => {
    const history = monitor.getByRole('dialog', { name: en('zones.versions.title') });
    await history.getByRole('button', { name: en('zones.correct.title'), exact: true }).click();
    const correction = monitor.getByRole('dialog', { name: en('zones.correct.title') });
    await correction.waitFor();
    await correction
      .getByRole('textbox', {
        name: filled(en('zones.observe.valueIn'), { unit: en('zones.unit.count') }),
        exact: true,
      })
      .fill('5');
    await correction
      .getByRole('textbox', { name: en('zones.correct.reason'), exact: true })
      .fill('Two more devices were found on the second day of the survey.');
    await correction.getByRole('button', { name: en('zones.correct.submit'), exact: true }).click();
    await monitor.getByText(filled(en('zones.correct.done'), { version: 2 }), { exact: true }).waitFor();

    // The organisation's verifier-free view of both versions, from the zone page.
    await monitor.goto(`/staff/zones/${zone.pcode}`);
    await monitor.getByRole('heading', { level: 1, name: zone.name, exact: true }).waitFor();
    const id = await monitor.evaluate(
      async ({ pcode, period, indicator }) => {
        const response = await fetch(`/api/v1/observations?pcode=${pcode}&period=${period}&indicator=${indicator}`);
        const body = (await response.json()) as { items: { id: string }[] };
        return body.items[0]!.id;
      },
      { pcode: zone.pcode, period: MONTH, indicator: MINES.code },
    );
    await monitor.goto(`/staff/zones/${zone.pcode}?observation=${id}`);
    const versions = monitor.getByRole('dialog', { name: en('zones.versions.title') });
    await versions.getByText(filled(en('zones.versions.current'), { version: 2 }), { exact: true }).waitFor();
    await versions.getByText(filled(en('zones.versions.replaced'), { version: 1 }), { exact: true }).waitFor();
    await versions
      .getByText(
        filled(en('zones.versions.reasonLine'), {
          reason: 'Two more devices were found on the second day of the survey.',
        }),
        { exact: true },
      )
      .waitFor();
    expect(await versions.locator('li[data-version]').count()).toBe(2);
    await settled(monitor);
    await browser.screenshot(monitor, 'two versions');
  });

  it('on a 375 px phone, records a value with a scan and answers a verifier’s request for evidence with a photo', async () => {
    const phone = await browser.open({ phone: true });
    await signIn(phone, run.account('field_monitor'), run.ledger);
    await openForm(phone, { phone: true });
    await chooseZoneAndMonth(phone);
    const f = form(phone);
    await f.given.getByText(MINES.name, { exact: true }).waitFor();
    await f.indicator.selectOption(SHELTER.code);
    await f.percent.fill('62');
    await f.source.selectOption({ label: en('zoneTerms.source.survey') });
    await f.method.fill('Shelter survey, 40 households');
    await f.files.setInputFiles({ name: 'register-scan.png', mimeType: 'image/png', buffer: CHROMIUM_PNG });
    // A PDF is refused before anything is sent, in words.
    await f.files.setInputFiles([
      { name: 'register-scan.png', mimeType: 'image/png', buffer: CHROMIUM_PNG },
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') },
    ]);
    await phone.getByText(filled(en('zones.files.pdf'), { name: 'report.pdf' }), { exact: true }).waitFor();
    await f.files.setInputFiles({ name: 'register-scan.png', mimeType: 'image/png', buffer: CHROMIUM_PNG });
    await f.submit.click();
    await phone.getByRole('status').getByText('1 file attached.', { exact: true }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await settled(phone);
    await browser.screenshot(phone, 'phone value with a scan');

    // The verifier asks for more evidence on the shelter value.
    const asked = await verifier.evaluate(
      async ({ pcode, period, indicator }) => {
        const list = (await (
          await fetch(`/api/v1/observations?pcode=${pcode}&period=${period}&indicator=${indicator}`)
        ).json()) as { items: { id: string }[] };
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        const response = await fetch(`/api/v1/observations/${list.items[0]!.id}/verification`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ decision: 'request_evidence', reason: 'A photo of the shelters, please' }),
        });
        return response.status;
      },
      { pcode: zone.pcode, period: MONTH, indicator: SHELTER.code },
    );
    expect(asked).toBe(200);

    await phone.reload();
    const requests = phone.getByRole('region', { name: en('zones.evidence.requestsTitle') });
    await requests
      .getByRole('button', {
        name: filled(en('zones.evidence.addNamed'), { indicator: SHELTER.name, zone: zone.name }),
        exact: true,
      })
      .click();
    const dialog = phone.getByRole('dialog', { name: en('zones.evidence.title') });
    await dialog
      .getByRole('textbox', { name: en('zones.observe.evidenceNotes'), exact: true })
      .fill('Photo of the shelters on the east side, taken on the visit.');
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'shelters.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() });
    await dialog.getByRole('button', { name: en('zones.evidence.submit'), exact: true }).click();
    await phone.getByText(en('zones.evidence.done'), { exact: true }).waitFor();
    expect(await fitsWidth(phone)).toBe(true);

    // The verifier sees both files; what they download has no location.
    const files = await verifier.evaluate(
      async ({ pcode, period, indicator }) => {
        const list = (await (
          await fetch(`/api/v1/observations?pcode=${pcode}&period=${period}&indicator=${indicator}`)
        ).json()) as { items: { id: string; status: string }[] };
        const history = (await (await fetch(`/api/v1/observations/${list.items[0]!.id}/history`)).json()) as {
          files: { name: string; href: string }[];
        };
        return { status: list.items[0]!.status, files: history.files.map((file) => file.name) };
      },
      { pcode: zone.pcode, period: MONTH, indicator: SHELTER.code },
    );
    expect(files).toEqual({ status: 'pending', files: ['register-scan.png', 'shelters.jpg'] });
  });
});
