import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { canonicalJson } from '../src/server/platform/audit/canonical.ts';
import { browserForFile, homeward, hydrated, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

/** The month the demo has assessed and not published: the current one (UTC, as the server counts months). */
const CURRENT = new Date().toISOString().slice(0, 7);
const monthName = (period: string, language = 'en') =>
  new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
/** A catalogue message with its simple `{name}` arguments filled in (no plural or select in it). */
const filled = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
/** What the verification queue says it holds (zones.verify.count in English). */
const waiting = (count: number) =>
  count === 0
    ? 'Nothing is waiting for your organisation.'
    : count === 1
      ? '1 observation is waiting.'
      : `${count} observations are waiting.`;

interface PublicZone {
  pcode: string;
  parentPcode: string | null;
  level: string;
  name: Record<string, string>;
  class: string;
  period: string;
}
interface Indicator {
  code: string;
  name: Record<string, string>;
}

/**
 * The zone the new monitor reports on, and a second one for the refused-input checks: locations of the demo's
 * conducive districts that are conducive in the latest published month, as the public API says.
 */
let zone: { pcode: string; name: string };
let otherZone: { pcode: string; name: string };
/** Monitors' access (a hard yes/no precondition), by its names in the framework in use. */
let monitorAccess: Indicator;
/** What the coordinator published (the server's answer; step 3 checks the review screen shows the same). */
let published: { id: string; contentHash: string; auditSeq: number } | undefined;

/** One session per person for the whole file, each signed in through the sign-in screen. */
let monitor: Page;
let verifier: Page;
let coordinator: Page;

beforeAll(async () => {
  const response = await fetch(`${run.url}/api/v1/public/zones`);
  expect(response.status).toBe(200);
  const zones = (await response.json()) as PublicZone[];
  const latest = zones
    .map((z) => z.period)
    .sort()
    .at(-1);
  expect(latest, 'the demo has published months').toBeDefined();
  expect(latest! < CURRENT, 'the current month is not published yet').toBe(true);
  const conducive = zones
    .filter(
      (z) =>
        z.level === 'location' &&
        (DEMO_ZONE_STORY.conduciveDistricts as readonly string[]).includes(z.parentPcode ?? '') &&
        z.class === 'conducive' &&
        z.period === latest,
    )
    .sort((a, b) => a.pcode.localeCompare(b.pcode));
  expect(conducive.length, 'conducive locations in the conducive districts').toBeGreaterThanOrEqual(2);
  zone = { pcode: conducive[0]!.pcode, name: conducive[0]!.name.en! };
  otherZone = { pcode: conducive[1]!.pcode, name: conducive[1]!.name.en! };

  const detail = (await (await fetch(`${run.url}/api/v1/public/zones/${zone.pcode}`)).json()) as {
    framework: { definition: { criteria: { indicators: Indicator[] }[] } };
  };
  const found = detail.framework.definition.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((indicator) => indicator.code === 'monitor_access');
  expect(found, 'the framework in use has monitor_access').toBeDefined();
  monitorAccess = found!;

  monitor = await browser.open({ keep: true });
  await signIn(monitor, run.account('field_monitor'), run.ledger);
  verifier = await browser.open({ keep: true });
  await signIn(verifier, run.account('verifier'), run.ledger);
  coordinator = await browser.open({ keep: true });
  await signIn(coordinator, run.account('coordinator'), run.ledger);
});

/** Waits for the screen to announce `message` (a status region, read out by screen readers). */
const announced = (page: Page, message: string | RegExp) =>
  page
    .getByRole('status')
    .getByText(message, { exact: typeof message === 'string' })
    .waitFor();

const nav = (page: Page) => page.getByRole('navigation', { name: en('staff.nav.label') });

async function openScreen(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The observation form's controls by their labels (Mantine's " *" on required labels is hidden from them). */
const observationForm = (page: Page) => ({
  zone: page.getByRole('combobox', { name: en('zones.observe.zone'), exact: true }),
  indicator: page.getByRole('combobox', { name: en('zones.observe.indicator'), exact: true }),
  period: page.getByRole('combobox', { name: en('zones.period'), exact: true }),
  yesNo: page.getByRole('radiogroup', { name: en('zones.value'), exact: true }),
  source: page.getByRole('combobox', { name: en('zoneTerms.column.source'), exact: true }),
  method: page.getByRole('textbox', { name: en('zones.observe.method'), exact: true }),
  notes: page.getByRole('textbox', { name: en('zones.observe.evidenceNotes'), exact: true }),
  submit: page.getByRole('button', { name: en('zones.observe.submit'), exact: true }),
});

/** Chooses a zone in the form as a person does: types its P-code, then picks it from what the server found. */
async function chooseZone(page: Page, chosen: { pcode: string; name: string }): Promise<void> {
  const form = observationForm(page);
  const label = `${chosen.name} · ${chosen.pcode}`;
  // The form keeps the zone after a value is sent or refused (the next one is often for the same zone).
  if ((await form.zone.inputValue()) === label) return;
  await form.zone.fill(chosen.pcode);
  await page.getByRole('option', { name: label, exact: true }).click();
  expect(await form.zone.inputValue()).toBe(label);
}

/** Records monitors' access for a zone in the current month (the form's default) as a monitoring visit. */
async function recordMonitorAccess(
  page: Page,
  chosen: { pcode: string; name: string },
  value: 'yes' | 'no',
  method: string,
  notes = '',
): Promise<void> {
  await openScreen(page, en('zones.observe.title'));
  const form = observationForm(page);
  await chooseZone(page, chosen);
  await form.indicator.selectOption(monitorAccess.code);
  expect(await form.period.inputValue()).toBe(CURRENT);
  await form.yesNo.getByRole('radio', { name: en(`zones.${value}`), exact: true }).check();
  await form.source.selectOption({ label: en('zoneTerms.source.monitoring_visit') });
  await form.method.fill(method);
  if (notes) await form.notes.fill(notes);
  await form.submit.click();
  await announced(
    page,
    filled(en('zones.observe.recorded'), {
      indicator: monitorAccess.name.en!,
      zone: chosen.name,
      period: monthName(CURRENT),
    }),
  );
}

/**
 * A verifier confirms an observation of the queue: chooses Confirm (nothing is chosen for them), records the
 * decision, and confirms it in the dialog that summarises it.
 */
async function confirmObservation(page: Page, item: Locator): Promise<void> {
  await item.getByRole('radio', { name: en('zones.verify.choice.confirm'), exact: true }).check();
  await item.getByRole('button', { name: en('zones.verify.submit.confirm'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en('zones.verify.confirmTitle.confirm'), exact: true });
  await dialog.getByRole('button', { name: en('zones.verify.submit.confirm'), exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The period review's publication panel. */
const publicationPanel = (page: Page) => page.getByRole('region', { name: en('zones.review.publicationTitle') });

/** The text of the element an input or button names in aria-describedby (its explanation or its error). */
async function descriptionOf(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

// Tests in a file run in order: these refusals come first, while the demo's current month still waits for its
// verifier, and leave one more observation in the queue for the main story's verifier to decide.
describe('return zones: refused input', () => {
  it('the field monitor’s value outside the unit’s range is refused next to the value field, and nothing is sent', async () => {
    await openScreen(monitor, en('zones.observe.title'));
    const form = observationForm(monitor);
    const sent: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/observations') {
        sent.push(request.url());
      }
    };
    monitor.on('request', onRequest);
    try {
      await chooseZone(monitor, otherZone);
      await form.indicator.selectOption('employment_rate');
      const value = monitor.getByRole('textbox', {
        name: filled(en('zones.observe.valueIn'), { unit: en('zones.unit.percent') }),
        exact: true,
      });
      await value.fill('150');
      await form.source.selectOption({ label: en('zoneTerms.source.survey') });
      await form.method.fill('Household survey, labour module (120 households)');
      await form.submit.click();

      await expect.poll(() => value.getAttribute('aria-invalid')).toBe('true');
      // The error is the value field's own: shown under it and named by it for assistive technology.
      expect(await descriptionOf(value)).toContain(en('zones.check.valueRange'));
      await monitor.getByText(en('zones.check.valueRange'), { exact: true }).waitFor();
      await expect.poll(() => monitor.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('value');
      expect(await form.method.getAttribute('aria-invalid')).not.toBe('true');
      await browser.screenshot(monitor, 'value out of range');
      expect(sent).toEqual([]);
    } finally {
      monitor.off('request', onRequest);
    }
  });

  it('the coordinator cannot publish the period while an observation of it waits for a verifier', async () => {
    // A value of the field team that no verifier has seen yet (Yes: it changes no class once confirmed).
    await recordMonitorAccess(
      monitor,
      otherZone,
      'yes',
      'Field visit: the monitors reached every street they had planned to visit.',
    );

    await openScreen(coordinator, en('zones.review.title'));
    const period = coordinator.getByRole('combobox', { name: en('zones.period'), exact: true });
    expect(await period.inputValue()).toBe(CURRENT);
    const panel = publicationPanel(coordinator);
    await panel.waitFor();
    const publish = panel.getByRole('button', { name: en('zones.review.publish'), exact: true });
    await publish.waitFor();
    expect(await publish.isDisabled()).toBe(true);
    // The disabled button says why.
    expect(await descriptionOf(publish)).toBe(en('zones.review.blocked'));
    await panel.getByText(/^\d+ observations? of this period still waits? for a verifier\./).waitFor();
    await browser.screenshot(coordinator, 'publish refused while unverified');
  });
});

describe('return zones: a new monitor’s report, from the field to the public map', () => {
  it('1. the field monitor records that monitors were denied access; it waits for a verifier', async () => {
    // The field team's organisation verifies nothing itself: no queue for the monitor.
    await nav(monitor)
      .getByRole('link', { name: en('zones.list'), exact: true })
      .waitFor();
    expect(
      await nav(monitor)
        .getByRole('link', { name: en('zones.verification') })
        .count(),
    ).toBe(0);

    await recordMonitorAccess(
      monitor,
      zone,
      'no',
      'Monitoring visit: the team was turned back at the checkpoint on the main road on two planned visits.',
      'The checkpoint commander said visits need a permit from the governorate; none had been asked for before.',
    );
    await browser.screenshot(monitor, 'observation recorded');

    // A verifier asked the field team for more evidence on one of the month's values: the monitor answers it
    // from the same screen, and the value goes back to the verifier's queue.
    const requests = monitor.getByRole('region', { name: en('zones.evidence.requestsTitle') });
    await requests
      .getByRole('button', { name: /^Add evidence: / })
      .first()
      .click();
    const dialog = monitor.getByRole('dialog', { name: en('zones.evidence.title') });
    await dialog
      .getByRole('textbox', { name: en('zones.observe.evidenceNotes'), exact: true })
      .fill('Incident log entries 14 to 29 of the month, countersigned by the local council.');
    await dialog.getByRole('button', { name: en('zones.evidence.submit'), exact: true }).click();
    await monitor.getByText(en('zones.evidence.done'), { exact: true }).waitFor();
    await requests.getByText(en('zones.evidence.noRequests'), { exact: true }).waitFor();

    await monitor
      .getByRole('link', { name: filled(en('zones.observe.openZone'), { zone: zone.name }), exact: true })
      .click();
    await monitor.getByRole('heading', { level: 1, name: zone.name, exact: true }).waitFor();
    const observations = monitor.getByRole('region', { name: en('zones.observations.title') });
    const row = observations
      .getByRole('row')
      .filter({ has: monitor.getByRole('rowheader', { name: monitorAccess.name.en!, exact: true }) })
      .filter({ hasText: monthName(CURRENT) });
    await row.getByText(en('zones.observationStatus.pending'), { exact: true }).waitFor();
    await row.getByText(en('zones.observations.noDecision'), { exact: true }).waitFor();
    expect(await row.count()).toBe(1);
    await settled(monitor);
    await browser.screenshot(monitor, 'zone page with the pending observation');
  });

  it('2. the verifier sees what the value gives, confirms it, then decides the rest of the queue', async () => {
    await openScreen(verifier, en('zones.verification'));
    const item = verifier.getByRole('article', {
      name: filled(en('zones.verify.itemTitle'), { indicator: monitorAccess.name.en!, zone: zone.name }),
      exact: true,
    });
    await item.waitFor();
    // What the value gives, in words: No on a yes/no indicator where yes is the only green value.
    const value = item.getByRole('definition').filter({ hasText: en('zones.verify.wouldGive') });
    await value.getByText(en('zoneTerms.status.red'), { exact: true }).waitFor();
    // The status is the item's own (its earlier values, beside it, have theirs).
    await item.getByText(en('zones.observationStatus.pending'), { exact: true }).first().waitFor();
    await item.getByRole('definition').getByText(run.account('field_monitor').organisationName).waitFor();
    await browser.screenshot(verifier, 'verification queue');
    await confirmObservation(verifier, item);
    await announced(
      verifier,
      filled(en('zones.verify.done.confirm'), {
        indicator: monitorAccess.name.en!,
        zone: zone.name,
        period: monthName(CURRENT),
      }),
    );
    await item.waitFor({ state: 'detached' });

    // Every other value still waiting (the demo's current month, and the refused-input test's one) is confirmed,
    // the oldest first, until the queue says nothing is left.
    const count = verifier.getByText(
      /^(Nothing is waiting for your organisation\.|\d+ observations? (is|are) waiting\.)$/,
    );
    for (let guard = 0; guard < 60; guard++) {
      const text = (await count.textContent()) ?? '';
      if (text === waiting(0)) break;
      const left = Number(/^(\d+)/.exec(text)?.[1]);
      expect(left).toBeGreaterThan(0);
      const next = verifier.getByRole('article').first();
      await next.getByRole('definition').getByText(monthName(CURRENT), { exact: true }).waitFor();
      await confirmObservation(verifier, next);
      await verifier.getByText(waiting(left - 1), { exact: true }).waitFor();
    }
    await verifier.getByText(waiting(0), { exact: true }).waitFor();
    expect(await verifier.getByRole('article').count()).toBe(0);

    await settled(verifier);
    await browser.screenshot(verifier, 'verification queue empty');
  });

  it('3. the coordinator recomputes the month, sees the zone worsen to not conducive, and publishes it', async () => {
    await openScreen(coordinator, en('zones.review.title'));
    const period = coordinator.getByRole('combobox', { name: en('zones.period'), exact: true });
    expect(await period.inputValue()).toBe(CURRENT);
    await coordinator.getByRole('button', { name: en('zones.review.recompute'), exact: true }).click();
    await announced(coordinator, new RegExp(`^${monthName(CURRENT)} recomputed: \\d+ zones assessed\\.$`));

    // The zones whose class changed: the chosen zone is now not conducive, where it was conducive last month.
    await coordinator.getByRole('checkbox', { name: en('zones.review.onlyChanges'), exact: true }).check();
    const row = coordinator
      .getByRole('region', { name: en('zones.review.zonesTitle'), exact: true })
      .getByRole('row')
      .filter({ has: coordinator.getByRole('rowheader', { name: zone.name, exact: true }) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(cells.slice(0, 3)).toEqual([
      zone.pcode,
      en('zoneTerms.class.not_conducive'),
      en('zoneTerms.class.conducive'),
    ]);
    expect(cells[3]).toMatch(new RegExp(`(^|\\s)${en('zones.review.changes.worsened')}$`));
    await row.getByText(filled(en('zones.review.readSummary'), { zone: zone.name }), { exact: true }).click();
    // The explanation, in the reader's language, names the hard indicator that decided it.
    await row.getByText(/^Free and unhindered access for monitors \(no, .+\) is red\. In “/).waitFor();

    // Nothing of the month waits any more: the period can be published, behind a confirmation.
    const panel = publicationPanel(coordinator);
    await panel.getByText(/^Every observation of this period has been decided\./).waitFor();
    const publish = panel.getByRole('button', { name: en('zones.review.publish'), exact: true });
    expect(await publish.isDisabled()).toBe(false);
    await settled(coordinator);
    await browser.screenshot(coordinator, 'period review recomputed');
    await publish.click();
    const dialog = coordinator.getByRole('dialog', {
      name: filled(en('zones.review.publishTitle'), { period: monthName(CURRENT) }),
      exact: true,
    });
    await dialog.waitFor();
    // The month has not ended: publishing it now is acknowledged explicitly before the button works.
    const publishNow = dialog.getByRole('button', { name: en('zones.review.publish'), exact: true });
    expect(await publishNow.isDisabled()).toBe(true);
    await dialog
      .getByRole('checkbox', {
        name: filled(en('zones.review.monthNotEndedConfirm'), { period: monthName(CURRENT) }),
        exact: true,
      })
      .check();
    expect(await publishNow.isDisabled()).toBe(false);
    await browser.screenshot(coordinator, 'publish confirmation');
    const response = coordinator.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/publications',
    );
    await dialog.getByRole('button', { name: en('zones.review.publish'), exact: true }).click();
    const answer = await response;
    expect(answer.status()).toBe(201);
    published = (await answer.json()) as { id: string; contentHash: string; auditSeq: number };

    await announced(coordinator, filled(en('zones.review.publishedDone'), { period: monthName(CURRENT) }));
    await dialog.waitFor({ state: 'detached' });
    const fact = (label: string) => panel.getByText(label, { exact: true }).locator('xpath=following-sibling::dd');
    const hash = ((await fact(en('zones.publication.contentHash')).textContent()) ?? '').trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(published.contentHash);
    const entry = ((await fact(en('zones.publication.logEntry')).textContent()) ?? '').trim();
    expect(entry).toBe(
      filled(en('zones.publication.logEntryNumber'), { seq: new Intl.NumberFormat('en').format(published.auditSeq) }),
    );
    expect(await panel.getByRole('button', { name: en('zones.review.publish'), exact: true }).count()).toBe(0);
    await settled(coordinator);
    await browser.screenshot(coordinator, 'period published');
  });

  it('4. the public sees the zone not conducive for the month, and why, in English and in Arabic', async () => {
    const page = await browser.open();
    await page.goto('/zones');
    await page.getByRole('heading', { level: 1, name: en('publicZones.list.title'), exact: true }).waitFor();
    await hydrated(page);
    const table = page.getByRole('region', { name: en('publicZones.list.tableTitle'), exact: true });
    await table
      .getByRole('combobox', { name: en('publicZones.list.classFilter'), exact: true })
      .selectOption({ label: en('zoneTerms.class.not_conducive') });
    await page.waitForURL(/[?&]class=not_conducive/);
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: zone.name, exact: true }) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
    expect(cells).toEqual([zone.pcode, en('zoneTerms.class.not_conducive'), monthName(CURRENT)]);
    await settled(page);
    await browser.screenshot(page, 'public zones filtered');

    await row.getByRole('link', { name: zone.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/zones/${zone.pcode}$`));
    await page.getByRole('heading', { level: 1, name: zone.name, exact: true }).waitFor();
    const current = page.getByRole('region', { name: en('publicZones.zone.currentTitle'), exact: true });
    await current.getByText(en('zoneTerms.class.not_conducive'), { exact: true }).waitFor();
    await current.getByText(new RegExp(`^Published for ${monthName(CURRENT)}, on `)).waitFor();
    const why = page.getByRole('region', { name: en('publicZones.zone.whyTitle'), exact: true });
    // The hard indicator decides on its own, named with its value, month and verification.
    const hardRed = `${monitorAccess.name.en} (${en('publicZones.unit.no')}, ${monthName(CURRENT)}, ${en('publicZones.basisShort.verified')}) is red.`;
    await why.getByRole('listitem').filter({ hasText: hardRed }).waitFor();
    await settled(page);
    await browser.screenshot(page, 'public zone page');

    const arabic = await browser.open({ locale: 'ar' });
    await arabic.goto(`/zones/${zone.pcode}`);
    const arCurrent = arabic.getByRole('region', { name: ar('publicZones.zone.currentTitle'), exact: true });
    await arCurrent.getByText(ar('zoneTerms.class.not_conducive'), { exact: true }).waitFor();
    expect(await arabic.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    // The explanation is in Arabic too, naming the indicator by its Arabic name.
    expect(monitorAccess.name.ar).toBeTruthy();
    await arabic
      .getByRole('region', { name: ar('publicZones.zone.whyTitle'), exact: true })
      .getByRole('listitem')
      .filter({ hasText: monitorAccess.name.ar! })
      .first()
      .waitFor();
    expect(await arabic.getByText(ar('publicZones.zone.englishOnly')).count()).toBe(0);
    await settled(arabic);
    await browser.screenshot(arabic, 'public zone page in Arabic');
  });

  it('5. the publication is in the transparency log, and what it published hashes to its content hash', async () => {
    expect(published, 'step 3 published the period').toBeDefined();
    const { id, contentHash, auditSeq } = published!;

    // Through the coordinator's session: the log's entries of this event type name the publication.
    const entries = await coordinator.request.get('/api/v1/audit/entries?type=zones.period_published&limit=20');
    expect(entries.status()).toBe(200);
    const { items } = (await entries.json()) as { items: { seq: number; subject: string; eventType: string }[] };
    const entry = items.find((item) => item.subject === `publication:${id}`);
    expect(entry, `an entry for publication:${id}`).toBeDefined();
    expect(entry!.seq).toBe(auditSeq);
    expect(entry!.eventType).toBe('zones.period_published');
    // Newest first: the publication just made is the latest of its kind.
    expect(items[0]!.subject).toBe(`publication:${id}`);

    // Anyone can fetch what was published and check it against the hash the review screen showed.
    const page = await browser.open();
    const answer = await page.request.get(`/api/v1/public/publications/${id}`);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as {
      publication: { id: string; contentHash: string; period: string; auditSeq: number };
      content: { period: string; zones: { pcode: string; classification: { class: string } }[] };
    };
    expect(body.publication).toMatchObject({ id, contentHash, period: CURRENT, auditSeq });
    expect(createHash('sha256').update(canonicalJson(body.content)).digest('hex')).toBe(contentHash);
    expect(body.content.period).toBe(CURRENT);
    expect(body.content.zones.find((z) => z.pcode === zone.pcode)?.classification.class).toBe('not_conducive');
  });
});
