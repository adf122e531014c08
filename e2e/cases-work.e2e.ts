import fs from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { readOnUntil, signIn } from './support/staff.ts';

/**
 * The case work a person is told of, and a file they download: the movement notices their organisation was sent
 * (read, then marked read), the staff home's counts of unread notices and of appeals to review (each the number
 * its screen lists, and a link to that screen), and the scanned declaration on a household's voluntariness.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/** A catalogue message with ICU arguments (plurals), as the application says it in English. */
const said = (key: string, values: Record<string, string | number>) =>
  String(new IntlMessageFormat(en(key), 'en').format(values));

/** The literal text of a message up to one of its arguments, the others filled in (the rest varies). */
const upTo = (key: string, argument: string, values: Record<string, string | number> = {}) =>
  said(key, { ...values, [argument]: `{${argument}}` }).split(`{${argument}}`)[0] ?? '';

/** The reason of the demo's notices: its convoy suspended when the deteriorating zone lost its Conducive class. */
const DOWNGRADED = upTo('cases.movements.reason.zone_downgraded', 'to', {
  pcode: DEMO_ZONE_STORY.deteriorating,
  from: en('zoneTerms.class.conducive'),
});

async function visit(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await settled(page);
}

/** The notices screen's list, and its notices (one "Mark read" button each), once it has loaded. */
const noticeList = (page: Page) => page.getByRole('region', { name: en('cases.movements.notices.title') });
const markReadButtons = (page: Page) =>
  noticeList(page).getByRole('button', { name: en('cases.movements.notices.markRead') });
/** The first line of each notice: "Household <reference> · <when>". */
const noticeHeadings = (page: Page) =>
  noticeList(page).getByText(new RegExp(`^${en('cases.movements.notices.household')} `));
/** How many unread notices the screen says there are (all of them, not only those shown). */
const noticeCount = (page: Page, count: number) =>
  noticeList(page).getByText(said('cases.movements.notices.count', { count }), { exact: true });
/** The notices' foot: "<shown> of <total> shown", and the button that reads the next page. */
const shownOf = (page: Page, shown: number, total: number) =>
  noticeList(page).getByText(said('staff.kit.shownOf', { shown, total }), { exact: true });
const showMore = (page: Page) => noticeList(page).getByRole('button', { name: en('staff.kit.showMore') });

/** The organisation's unread notices as the API counts them (the signed-in page's session). */
const unreadNotices = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/api/v1/cases/notices?unread=true&limit=1');
    return ((await response.json()) as { total: number }).total;
  });

/** A kind of pending work on the staff home, as its panel (a region named by its title). */
const workPanel = (page: Page, kind: string) =>
  page.getByRole('region', { name: en(`staff.work.${kind}.title`), exact: true });

/** The first page's length for a total: the screen asks for 50 at a time. */
const firstPage = (total: number) => Math.min(total, 50);

interface Queued {
  householdId: string;
  reference: string;
  stage: string;
  reachable: boolean;
}

/** The decisions waiting on registration, as the queue screen reads them (the API, through the signed-in page). */
const registrationQueue = (page: Page) =>
  page.evaluate(async () => {
    const response = await fetch('/api/v1/cases/decisions?kind=registration');
    return ((await response.json()) as { decisions: Queued[] }).decisions;
  });

/** A 1×1 PNG: what a phone's photo of the signed form stands for. */
const SCAN = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('case work: notices, the staff home counts, and the declaration scan', () => {
  let worker: Page;
  let coordinator: Page;

  beforeAll(async () => {
    worker = await browser.open({ keep: true });
    await signIn(worker, run.account('case_worker'), run.ledger);
    coordinator = await browser.open({ keep: true });
    await signIn(coordinator, run.account('coordinator'), run.ledger);
  });

  it('shows the case worker the notices their organisation was sent, and one marked read leaves the list', async () => {
    await visit(worker, '/staff/cases/notices');
    await worker.getByRole('heading', { level: 1, name: en('cases.notices.title') }).waitFor();
    await noticeHeadings(worker).first().waitFor();
    const total = await unreadNotices(worker);
    const before = await markReadButtons(worker).count();
    expect(before).toBe(firstPage(total));
    expect(await noticeHeadings(worker).count()).toBe(before);
    // The screen counts them all, shows the first page, and offers more only when there are more.
    await noticeCount(worker, total).waitFor();
    await shownOf(worker, before, total).waitFor();
    expect(await showMore(worker).count()).toBe(total > before ? 1 : 0);
    await browser.screenshot(worker, 'notices');

    const first = ((await noticeHeadings(worker).first().textContent()) ?? '').trim();
    await markReadButtons(worker).first().click();
    await noticeCount(worker, total - 1).waitFor();
    await expect.poll(() => markReadButtons(worker).count()).toBe(firstPage(total - 1));
    expect(await noticeList(worker).getByText(first, { exact: true }).count()).toBe(0);

    // Read is kept: opened again, the notice stays off the list.
    await visit(worker, '/staff/cases/notices');
    await noticeHeadings(worker).first().waitFor();
    expect(await markReadButtons(worker).count()).toBe(firstPage(total - 1));
    expect(await noticeList(worker).getByText(first, { exact: true }).count()).toBe(0);

    // Among them, newest first, the demo's convoy suspended by the zone's downgrade: the reason in words, the
    // classes before and after (another file may have sent newer notices since, so read on until it).
    await readOnUntil(
      { rows: markReadButtons(worker), more: showMore(worker) },
      noticeList(worker).getByText(DOWNGRADED),
    );
  });

  it("counts the unread notices on the case worker's home as the notices screen lists them, and counts one fewer once one is read", async () => {
    await visit(worker, '/staff');
    const panel = workPanel(worker, 'cases.notices_unread');
    await panel.waitFor();
    // What the panel says, sentence by sentence (the big figure beside its title is hidden from screen readers).
    const told = await panel.getByRole('paragraph').allTextContents();
    // A case worker does not review appeals: no such item on their home.
    expect(await workPanel(worker, 'cases.appeals_to_review').count()).toBe(0);
    await browser.screenshot(worker, 'case worker home');

    await panel.getByRole('link', { name: en('staff.work.cases.notices_unread.open') }).click();
    await worker.waitForURL(/\/staff\/cases\/notices$/);
    await worker.getByRole('heading', { level: 1, name: en('cases.notices.title') }).waitFor();
    await settled(worker);
    await markReadButtons(worker).first().waitFor();
    const total = await unreadNotices(worker);
    // The screen's count is the home's, and its first page lists as many as a page holds.
    await noticeCount(worker, total).waitFor();
    expect(await markReadButtons(worker).count()).toBe(firstPage(total));
    expect(told).toContain(said('staff.work.cases.notices_unread.count', { count: total }));

    await markReadButtons(worker).first().click();
    await noticeCount(worker, total - 1).waitFor();
    await visit(worker, '/staff');
    await workPanel(worker, 'cases.notices_unread')
      .getByText(said('staff.work.cases.notices_unread.count', { count: total - 1 }), { exact: true })
      .waitFor();
  });

  it('reads the notices a page at a time: "Show more" adds the next page, and one marked read on it leaves', async () => {
    const total = await unreadNotices(worker);
    // Pages of 3 rather than the screen's 50, so that the demo's notices take several.
    const PAGE = 3;
    const notices = (url: URL) => url.pathname === '/api/v1/cases/notices';
    await worker.route(notices, async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', String(PAGE));
      await route.continue({ url: url.toString() });
    });
    try {
      expect(total).toBeGreaterThan(2 * PAGE);
      await visit(worker, '/staff/cases/notices');
      await worker.getByRole('heading', { level: 1, name: en('cases.notices.title') }).waitFor();
      await noticeCount(worker, total).waitFor();
      await shownOf(worker, PAGE, total).waitFor();
      expect(await markReadButtons(worker).count()).toBe(PAGE);

      await showMore(worker).click();
      await shownOf(worker, 2 * PAGE, total).waitFor();
      expect(await markReadButtons(worker).count()).toBe(2 * PAGE);
      await browser.screenshot(worker, 'notices, two pages');

      // One on the second page marked read: it leaves, the pages shown are read again, one fewer counted.
      const read = ((await noticeHeadings(worker).nth(PAGE).textContent()) ?? '').trim();
      await markReadButtons(worker).nth(PAGE).click();
      await noticeCount(worker, total - 1).waitFor();
      expect(await noticeList(worker).getByText(read, { exact: true }).count()).toBe(0);
      await shownOf(worker, 2 * PAGE, total - 1).waitFor();

      // To the last page: every notice once, and no button any more.
      while ((await showMore(worker).count()) > 0) {
        const before = await markReadButtons(worker).count();
        await showMore(worker).click();
        await expect.poll(() => markReadButtons(worker).count()).toBeGreaterThan(before);
      }
      await shownOf(worker, total - 1, total - 1).waitFor();
      const headings = (await noticeHeadings(worker).allTextContents()).map((text) => text.trim());
      expect(headings).toHaveLength(total - 1);
      expect(new Set(headings).size).toBe(total - 1);
      expect(headings).not.toContain(read);
    } finally {
      await worker.unroute(notices);
    }
  });

  it("counts the appeals to review on the coordinator's home as the appeals screen lists them, and links there", async () => {
    await visit(coordinator, '/staff');
    const panel = workPanel(coordinator, 'cases.appeals_to_review');
    await panel.waitFor();
    const told = await panel.getByRole('paragraph').allTextContents();
    await browser.screenshot(coordinator, 'coordinator home');

    await panel.getByRole('link', { name: en('staff.work.cases.appeals_to_review.open') }).click();
    await coordinator.waitForURL(/\/staff\/cases\/appeals$/);
    await coordinator.getByRole('heading', { level: 1, name: en('casesAppeals.queue.title') }).waitFor();
    await settled(coordinator);
    const listed = await coordinator.getByRole('article').count();
    expect(listed).toBeGreaterThan(0);
    await coordinator.getByText(said('casesAppeals.queue.summary', { count: listed })).waitFor();
    expect(told).toContain(said('staff.work.cases.appeals_to_review.count', { count: listed }));
    await browser.screenshot(coordinator, 'appeals to review');
  });

  it("downloads the scanned declaration from the household's voluntariness, as the counsellor uploaded it", async () => {
    // The demo's declarations have no scan: a registered household is counselled, its declaration scanned.
    const waiting = await registrationQueue(worker);
    const household = waiting.filter((decision) => decision.reachable && decision.stage === 'registered').at(-1);
    if (!household) throw new Error('the demo has no registered household waiting for its registration decision');
    await visit(worker, `/staff/cases/households/${household.householdId}/counselling`);
    await worker.getByRole('heading', { level: 1, name: en('casesChoice.counselling.title') }).waitFor();
    await worker.getByRole('button', { name: en('casesChoice.form.recordIntention') }).click();
    const session = worker.getByRole('button', { name: en('casesChoice.form.recordSession') });
    await session.waitFor();
    await session.click();
    const give = worker.getByRole('button', { name: en('casesChoice.form.recordZoneInformation') });
    await give.waitFor();
    await expect.poll(() => give.isEnabled()).toBe(true);
    await give.click();
    const declare = worker.getByRole('button', { name: en('casesChoice.form.recordDeclaration') });
    await declare.waitFor();
    await worker.getByRole('textbox', { name: en('casesChoice.form.witness') }).fill('Samira, camp committee');
    await worker.locator('input[type="file"]').setInputFiles({ name: 'form.png', mimeType: 'image/png', buffer: SCAN });
    await worker.getByText('form.png').waitFor();
    await declare.click();
    // "The declaration of <name> is recorded; the cooling-off period has begun."
    await worker.getByText(en('casesChoice.done.declaration').split('{name}')[1] ?? '').waitFor();

    await worker.getByRole('link', { name: en('casesChoice.counselling.back') }).click();
    const voluntariness = worker.getByRole('region', { name: en('casesChoice.voluntariness.title'), exact: true });
    const link = voluntariness.getByRole('link', { name: en('casesChoice.file.downloadScan') });
    await link.waitFor();
    expect(await link.count()).toBe(1);
    await settled(worker);
    await browser.screenshot(worker, 'voluntariness with scan');

    // Followed, the link gives a file named after the household, with the bytes that were uploaded.
    const [download] = await Promise.all([worker.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`declaration-${household.reference}.png`);
    const saved = await download.path();
    expect(fs.readFileSync(saved).toString('base64')).toBe(SCAN.toString('base64'));

    // The same address, in the case worker's session: an attachment of the scan's type, never cached.
    const href = await link.getAttribute('href');
    expect(href).toMatch(
      new RegExp(`^/api/v1/cases/households/${household.householdId}/people/[^/]+/declaration/scan$`),
    );
    const answer = await worker.evaluate(async (address) => {
      const response = await fetch(address);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        cache: response.headers.get('cache-control'),
      };
    }, href ?? '');
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('image/png');
    expect(answer.disposition).toMatch(new RegExp(`^attachment; filename="declaration-${household.reference}\\.png"`));
    expect(answer.cache).toContain('no-store');
  });
});
