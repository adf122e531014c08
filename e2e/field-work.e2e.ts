import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The field team's daily work in the browser, on a desktop and on a 375 px phone: the coordinator's home says
 * what keeps the month from being published and the review lists each value with who can act on it; the
 * verifier chooses each decision explicitly, confirms it in a dialog, and sees the zone's earlier values.
 * The values they work on are the UN agency's, recorded by its own field monitor (the demo's `field_monitor_un`).
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/** The current month (UTC, as the server counts months): assessed by the demo, with values still waiting. */
const CURRENT = new Date().toISOString().slice(0, 7);
const monthName = (period: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
/** A catalogue message with its simple `{name}` arguments filled in (no plural or select in it). */
const filled = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface PublicZone {
  pcode: string;
  level: string;
  name: Record<string, string>;
  class: string;
}
interface Zone {
  pcode: string;
  name: string;
}

/** Two locations, each given a value by the UN agency this month: one for the desktop, one for the phone. */
let zones: { desktop: Zone; phone: Zone };
/** Security incidents: the monitoring centre gives it every month, so each zone has a history of it. */
let incidents: { code: string; name: string };
const un = run.account('field_monitor_un');
const verifierOrganisation = run.account('verifier').organisationName;

let coordinator: { desktop: Page; phone: Page };
let verifier: { desktop: Page; phone: Page };

/** Records a value through the API as the signed-in person of `page` (a CSRF token per write, as the app does). */
async function record(page: Page, body: Record<string, unknown>): Promise<number> {
  return page.evaluate(async (payload) => {
    const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
    const response = await fetch('/api/v1/observations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(payload),
    });
    return response.status;
  }, body);
}

/** Whether the page is wider than the screen (a phone would have to scroll sideways). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

const announced = (page: Page, message: string) =>
  page.getByRole('status').getByText(message, { exact: true }).waitFor();

beforeAll(async () => {
  const list = (await (await fetch(`${run.url}/api/v1/public/zones`)).json()) as PublicZone[];
  // Locations the zones browser test does not use (it takes the first conducive ones).
  const locations = list
    .filter((z) => z.level === 'location' && z.class === 'conditionally_conducive')
    .sort((a, b) => b.pcode.localeCompare(a.pcode));
  expect(locations.length).toBeGreaterThanOrEqual(2);
  zones = {
    desktop: { pcode: locations[0]!.pcode, name: locations[0]!.name.en! },
    phone: { pcode: locations[1]!.pcode, name: locations[1]!.name.en! },
  };
  const detail = (await (await fetch(`${run.url}/api/v1/public/zones/${zones.desktop.pcode}`)).json()) as {
    framework: { definition: { criteria: { indicators: { code: string; name: Record<string, string> }[] }[] } };
  };
  const found = detail.framework.definition.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((indicator) => indicator.code === 'security_incidents');
  expect(found).toBeDefined();
  incidents = { code: found!.code, name: found!.name.en! };

  // The UN agency's field monitor reports an incident in each zone this month (the centre's monitors report
  // the month's incidents too: another organisation's value, beside theirs).
  const monitor = await browser.open();
  await signIn(monitor, un, run.ledger);
  for (const zone of [zones.desktop, zones.phone]) {
    const status = await record(monitor, {
      pcode: zone.pcode,
      indicator: incidents.code,
      period: CURRENT,
      value: 1,
      source: 'key_informant_interview',
      method: 'Interviews with the returnees’ committee after a reported break-in',
    });
    expect(status).toBe(201);
  }
  await monitor.close();

  coordinator = { desktop: await browser.open({ keep: true }), phone: await browser.open({ keep: true, phone: true }) };
  verifier = { desktop: await browser.open({ keep: true }), phone: await browser.open({ keep: true, phone: true }) };
  for (const page of Object.values(coordinator)) await signIn(page, run.account('coordinator'), run.ledger);
  for (const page of Object.values(verifier)) await signIn(page, run.account('verifier'), run.ledger);
});

describe('the coordinator: what keeps the month from being published', () => {
  for (const device of ['desktop', 'phone'] as const) {
    it(`sees the waiting values on the home screen, opens the month, sees each one's organisation and who can act, and follows a link to its zone (${device})`, async () => {
      const page = coordinator[device];
      const zone = zones[device];
      await page.goto('/staff');
      const panel = page.getByRole('region', { name: en('staff.work.zones.awaiting_verification.title'), exact: true });
      await panel.waitFor();
      // Its count and one link per month, the current one among them: not a copy of the navigation.
      await panel.getByText(/still wait for a verifier or for evidence/).waitFor();
      await settled(page);
      await browser.screenshot(page, `coordinator home ${device}`);
      if (device === 'phone') expect(await overflows(page)).toBe(false);
      await panel
        .getByRole('link', { name: new RegExp(`^${literal(monthName(CURRENT))}: \\d+ observations?$`) })
        .click();
      await page.waitForURL(new RegExp(`/staff/zones/review\\?period=${CURRENT}$`));

      const waiting = page.getByRole('region', { name: en('zones.waiting.title'), exact: true });
      await waiting.waitFor();
      const row = waiting
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: zone.name, exact: true }) })
        .filter({ hasText: incidents.name });
      await row.waitFor();
      // Whose value it is, what it waits for, and who can decide it: a verifier of another organisation.
      await row.getByText(un.organisationName).waitFor();
      await row.getByText(en('zones.observationStatus.pending'), { exact: true }).waitFor();
      await row
        .getByText(filled(en('zones.waiting.verifiersOf'), { organisations: verifierOrganisation }), { exact: true })
        .waitFor();
      // The publish button says why it is disabled.
      const publish = page.getByRole('button', { name: /^(Publish period|Publish a correction)$/ });
      expect(await publish.isDisabled()).toBe(true);
      await settled(page);
      await browser.screenshot(page, `coordinator waiting list ${device}`);
      if (device === 'phone') expect(await overflows(page)).toBe(false);

      await row.getByRole('link', { name: zone.name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: zone.name, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/staff/zones/${zone.pcode}`);
    });
  }
});

describe('the verifier: an explicit decision, beside the zone’s earlier values', () => {
  /** The queue's item for the UN agency's value in `zone`, opened from the verifier's home screen. */
  async function openItem(page: Page, zone: Zone) {
    await page.goto('/staff');
    const panel = page.getByRole('region', { name: en('staff.work.zones.to_verify.title'), exact: true });
    await panel.getByRole('link', { name: /^Open the verification queue/ }).click();
    await page.getByRole('heading', { level: 1, name: en('zones.verification'), exact: true }).waitFor();
    const item = page.getByRole('article', {
      name: filled(en('zones.verify.itemTitle'), { indicator: incidents.name, zone: zone.name }),
      exact: true,
    });
    await item.waitFor();
    return item;
  }

  /** Counts the decisions the page sends. */
  function decisionsSent(page: Page): string[] {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/verification')) sent.push(request.url());
    });
    return sent;
  }

  it('nothing is chosen: recording without a decision is refused, and nothing is sent (desktop)', async () => {
    const page = verifier.desktop;
    const sent = decisionsSent(page);
    const item = await openItem(page, zones.desktop);
    for (const decision of ['confirm', 'reject', 'request_evidence']) {
      const radio = item.getByRole('radio', { name: en(`zones.verify.choice.${decision}`), exact: true });
      expect(await radio.isChecked()).toBe(false);
    }
    await item.getByRole('button', { name: en('zones.verify.submitUndecided'), exact: true }).click();
    await item.getByText(en('zones.verify.chooseDecision'), { exact: true }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(sent).toEqual([]);

    // The zone's earlier values of the indicator, beside the new one: the centre's monthly counts.
    const earlier = item.getByRole('region', {
      name: filled(en('zones.verify.previousTitle'), { zone: zones.desktop.name }),
      exact: true,
    });
    const rows = earlier.getByRole('row').filter({ hasText: run.account('field_monitor').organisationName });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await rows.first().getByText(en('zones.observationStatus.confirmed'), { exact: true }).waitFor();
    await settled(page);
    await browser.screenshot(page, 'verifier decision required');
  });

  it('confirms only after choosing Confirm and reading the summary in a dialog (desktop)', async () => {
    const page = verifier.desktop;
    const sent = decisionsSent(page);
    const item = await openItem(page, zones.desktop);
    await item.getByRole('radio', { name: en('zones.verify.choice.confirm'), exact: true }).check();
    await item.getByRole('button', { name: en('zones.verify.submit.confirm'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en('zones.verify.confirmTitle.confirm'), exact: true });
    await dialog.waitFor();
    // The summary names what is decided: indicator, zone, month, value and organisation.
    const summary = (await dialog.textContent()) ?? '';
    for (const part of [incidents.name, zones.desktop.name, monthName(CURRENT), un.organisationName]) {
      expect(summary).toContain(part);
    }
    expect(sent).toEqual([]);
    await browser.screenshot(page, 'verifier confirmation dialog');
    await dialog.getByRole('button', { name: en('zones.verify.submit.confirm'), exact: true }).click();
    await announced(
      page,
      filled(en('zones.verify.done.confirm'), {
        indicator: incidents.name,
        zone: zones.desktop.name,
        period: monthName(CURRENT),
      }),
    );
    await item.waitFor({ state: 'detached' });
    expect(sent).toHaveLength(1);
  });

  it('rejects on a phone: chooses Reject, gives the reason, confirms in the dialog (375 px)', async () => {
    const page = verifier.phone;
    const sent = decisionsSent(page);
    const item = await openItem(page, zones.phone);
    await item.getByRole('button', { name: en('zones.verify.submitUndecided'), exact: true }).click();
    await item.getByText(en('zones.verify.chooseDecision'), { exact: true }).waitFor();
    await item
      .getByRole('region', { name: filled(en('zones.verify.previousTitle'), { zone: zones.phone.name }), exact: true })
      .getByRole('row')
      .filter({ hasText: run.account('field_monitor').organisationName })
      .first()
      .waitFor();
    await settled(page);
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'verifier on a phone');

    await item.getByRole('radio', { name: en('zones.verify.choice.reject'), exact: true }).check();
    await item.getByRole('button', { name: en('zones.verify.submit.reject'), exact: true }).click();
    // A rejection needs its reason before any dialog.
    await item.getByText(en('zones.check.reasonRequired'), { exact: true }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await item
      .getByRole('textbox', { name: en('zones.verify.reason'), exact: true })
      .fill('The committee’s account names no date or street; the centre’s log for the month has no such incident.');
    await item.getByRole('button', { name: en('zones.verify.submit.reject'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en('zones.verify.confirmTitle.reject'), exact: true });
    await dialog.getByText(/^Your reason: The committee’s account/).waitFor();
    expect(sent).toEqual([]);
    await browser.screenshot(page, 'verifier rejection dialog on a phone');
    await dialog.getByRole('button', { name: en('zones.verify.submit.reject'), exact: true }).click();
    await announced(
      page,
      filled(en('zones.verify.done.reject'), {
        indicator: incidents.name,
        zone: zones.phone.name,
        period: monthName(CURRENT),
      }),
    );
    expect(sent).toHaveLength(1);
  });
});
