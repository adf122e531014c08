import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, DESKTOP, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The forum's meetings in the staff workspace: the chair (the monitoring centre's coordinator) schedules an
 * upcoming meeting of the Marenland–Tarnesia tripartite commission; the civil-society network's watchdog opens it
 * and submits a written position on an agenda item; the chair records how the position was taken into account,
 * and both read it on the meeting's page, in English and, at a phone's width, in Arabic.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

const MARK = `e2e-${Date.now()}`;
const TITLE = `Tripartite commission, extraordinary session ${MARK}`;
const ITEM = 'Replacement documents in the return districts';
const POSITION = `Registry offices in two districts still ask returnees for fees. We ask that they stop (${MARK}).`;
const EVIDENCE = `https://example.org/reports/${MARK}`;
const TREATMENT = `Adopted: the agency instructs every registry office that replacement documents are free (${MARK}).`;
/** Two weeks ahead, so that positions are still open. */
const HELD_ON = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('a meeting of the forum', () => {
  let chair: Page;
  let watchdog: Page;
  let meetingPath: string;

  beforeAll(async () => {
    chair = await browser.open({ keep: true });
    await signIn(chair, run.account('coordinator'), run.ledger);
    watchdog = await browser.open({ keep: true });
    await signIn(watchdog, run.account('civil_society_watchdog'), run.ledger);
  });

  it('lets the chair schedule an upcoming meeting of the tripartite commission with its agenda', async () => {
    await chair.goto('/staff/forum/meetings');
    await chair.getByRole('heading', { level: 1, name: en('forumMeetings.list.title') }).waitFor();
    await chair.getByRole('button', { name: en('forumMeetings.schedule.open') }).click();
    const form = chair.getByRole('region', { name: en('forumMeetings.schedule.title') });
    await form
      .getByRole('combobox', { name: en('forumMeetings.schedule.body'), exact: true })
      .selectOption({ label: 'Tripartite commission Marenland–Tarnesia' });
    await form.getByRole('textbox', { name: en('forumMeetings.schedule.meetingTitle'), exact: true }).fill(TITLE);
    await form.getByLabel(en('forumMeetings.schedule.heldOn')).fill(HELD_ON);
    await form
      .getByRole('combobox', { name: en('forumMeetings.schedule.channel'), exact: true })
      .selectOption('hybrid');
    await form.getByRole('textbox', { name: en('forumMeetings.schedule.place'), exact: true }).fill('Maren City');
    await form.getByRole('textbox', { name: 'Item 1', exact: true }).fill(ITEM);
    await form.getByRole('button', { name: en('forumMeetings.schedule.addItem') }).click();
    await form.getByRole('textbox', { name: 'Item 2', exact: true }).fill('Any other business');
    await form.getByRole('button', { name: en('forumMeetings.schedule.submit') }).click();
    await chair.waitForURL(/\/staff\/forum\/meetings\/[0-9a-f-]{36}$/);
    meetingPath = new URL(chair.url()).pathname;
    await chair.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await chair.getByRole('status').getByText(TITLE, { exact: false }).waitFor();
    // Every member of the commission is invited: the network's seat is counted.
    expect(await chair.getByTestId('civil-society-seats').textContent()).toMatch(/^1 civil-society seat among 6/);
  });

  it('lets the civil-society organisation open it from the list and submit a position on an agenda item', async () => {
    await watchdog.goto('/staff/forum/meetings?status=planned');
    await watchdog.getByRole('link', { name: TITLE }).click();
    await watchdog.waitForURL(new RegExp(`${meetingPath}$`));
    const form = watchdog.getByRole('region', { name: en('forumMeetings.positionForm.title') });
    await form
      .getByRole('combobox', { name: en('forumMeetings.positionForm.item'), exact: true })
      .selectOption({ label: `1. ${ITEM}` });
    await form.getByRole('textbox', { name: en('forumMeetings.positionForm.text'), exact: true }).fill(POSITION);
    await form.getByRole('button', { name: en('forumMeetings.evidence.add') }).click();
    await form.getByRole('textbox', { name: en('forumMeetings.evidence.link'), exact: true }).fill(EVIDENCE);
    await form.getByRole('button', { name: en('forumMeetings.positionForm.submit') }).click();
    await watchdog.getByRole('status').getByText(en('forumMeetings.positionForm.done')).waitFor();
    const item = watchdog.getByRole('article', { name: `1. ${ITEM}` });
    await item.getByText(POSITION).waitFor();
    expect(await item.getByRole('link', { name: EVIDENCE }).getAttribute('href')).toBe(EVIDENCE);
    expect(await item.getByText(en('forumMeetings.treatment.notYet')).count()).toBe(1);
  });

  it('lets the chair record how the position was taken into account, and both read it on the page', async () => {
    await chair.reload();
    const item = chair.getByRole('article', { name: `1. ${ITEM}` });
    await item.getByText(POSITION).waitFor();
    await item.getByRole('button', { name: en('forumMeetings.treatment.open') }).click();
    await item.getByRole('combobox', { name: /^Position of / }).selectOption('adopted');
    await item.getByRole('textbox', { name: en('forumMeetings.treatment.text'), exact: true }).fill(TREATMENT);
    await item.getByRole('button', { name: en('forumMeetings.treatment.submit'), exact: true }).click();
    await item.getByTestId('item-treatment').getByText(TREATMENT).waitFor();
    await item.getByTestId('position').getByText(en('forumMeetings.treatment.adopted'), { exact: true }).waitFor();
    await settled(chair);
    await browser.screenshot(chair, 'treated');
    for (const size of [{ width: 375, height: 667 }, DESKTOP]) {
      await chair.setViewportSize(size);
      await settled(chair);
      const serious = blocking(await scanPage(chair));
      expect(describeViolations(serious), `the meeting at ${size.width} px`).toBe('');
    }

    // The network reads it too, in Arabic on a phone's width, right to left, nothing running off the screen.
    await watchdog.evaluate(() => localStorage.setItem('homeward.language', 'ar'));
    await watchdog.setViewportSize({ width: 375, height: 667 });
    await watchdog.reload();
    const inArabic = watchdog.getByRole('article', { name: `1. ${ITEM}` });
    await inArabic.getByTestId('item-treatment').getByText(TREATMENT).waitFor();
    await inArabic.getByText(ar('forumMeetings.treatment.adopted'), { exact: true }).waitFor();
    expect(await watchdog.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await settled(watchdog);
    expect(await overflows(watchdog)).toBe(false);
    await browser.screenshot(watchdog, 'treated in Arabic at 375 px');
  });
});
