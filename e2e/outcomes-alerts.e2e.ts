import { IntlMessageFormat } from 'intl-messageformat';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertProblems } from '../src/server/outcomes/problems/alerts.ts';
import type { AlertPage, AlertView } from '../src/shared/outcomes/schemas/alerts.ts';
import type { HouseholdTimeline } from '../src/shared/outcomes/schemas/households.ts';
import type { ReferralPage } from '../src/shared/outcomes/schemas/referrals.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * From an outcome alert to a referral followed to its outcome, on the demo region. The UN agency owns the demo's
 * returned households; its case worker is told on the staff home how many alerts are open, opens the queue, opens a
 * falling household's alert (the scores that fell, round by round, and on the household's timeline what decided
 * them), and refers the household (with the consent it gave on its case) to the civil-society network, which the
 * demo's data-sharing agreement names. The network's field monitor finds it among the referrals received, accepts
 * it and says the service was given; the case worker then reads that outcome and its note. An organisation with no
 * part in it (the monitoring centre) finds neither the alert nor the household.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

/** A catalogue message with ICU arguments (plurals), as the application says it in English. */
const said = (key: string, values: Record<string, string | number>) =>
  String(new IntlMessageFormat(en(key), 'en').format(values));
/** A 0–1 score as the screens print it in English: a whole percentage. */
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** A GET of the staff API as the signed-in page (its session cookie), answering the JSON. */
const read = <T>(page: Page, path: string): Promise<T> =>
  page.evaluate(async (address) => {
    const response = await fetch(`/api/v1${address}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${address}: ${response.status}`);
    return response.json();
  }, path) as Promise<T>;

/** A Mantine select's input, by its label (a textbox or a combobox, as the version renders it). */
const selectInput = (scope: Page | Locator, label: string) =>
  scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }))
    .first();

/** Picks an option of a Mantine select (its list of options opens in a layer of the page). */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await selectInput(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A text to match whole (it may hold characters a regular expression reads otherwise). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const SERVICE = 'livelihoods';
const NOTE = 'Call after 4 pm; the household asks for <i>Kurdish</i>. Lost the shop after return.';
const OUTCOME = 'Grant for tools paid on the 12th; a visit planned next month.';

describe('an outcome alert becomes a consented referral, followed to its outcome', () => {
  const caseWorker = run.account('case_worker');
  const receiver = run.account('field_monitor_cso');
  let worker: Page;
  let alert: AlertView;
  /** The referral card's accessible name: the service and the household's reference. */
  let cardName: string;
  /** Whether the first test got as far as sending the referral (the next two follow it). */
  let sent = false;

  beforeAll(async () => {
    worker = await browser.open({ keep: true });
    await signIn(worker, caseWorker, run.ledger);
  });

  it('counts the open alerts on the home, opens a falling household’s alert and its timeline, and refers it', async () => {
    // What the queue's first page of open alerts holds: the first alert of scores falling whose household has
    // consented to a referral and has none yet (the demo leaves one such household waiting).
    const open = await read<AlertPage>(worker, '/outcomes/alerts?status=open&limit=50');
    const referred = new Set(
      (await read<ReferralPage>(worker, '/outcomes/referrals?side=sent&limit=200')).items.map((r) => r.householdId),
    );
    for (const candidate of open.items.filter((a) => a.kind === 'score_drop' && !referred.has(a.householdId))) {
      const view = await read<AlertView>(worker, `/outcomes/alerts/${candidate.id}`);
      if (view.referralConsents.length > 0) {
        alert = view;
        break;
      }
    }
    expect(alert, 'an open alert of scores falling, its household consented and not referred').toBeDefined();
    const reference = alert.reference ?? '';
    expect(reference).toMatch(/^HW-/);
    cardName = `${en(`outcomes.alerts.service.${SERVICE}`)} · ${reference}`;

    // The home says how many alerts are open, and its link opens the queue on those.
    const panel = worker.getByRole('region', { name: en('staff.work.outcomes.alerts_open.title'), exact: true });
    await panel
      .getByText(said('staff.work.outcomes.alerts_open.count', { count: open.total }), { exact: true })
      .waitFor();
    await browser.screenshot(worker, 'home with the outcome alerts');
    await panel.getByRole('link', { name: en('staff.work.outcomes.alerts_open.open') }).click();
    await worker.getByRole('heading', { level: 1, name: en('outcomes.alerts.queue.title') }).waitFor();
    expect(new URL(worker.url()).searchParams.get('status')).toBe('open');
    await worker.getByText(said('outcomes.alerts.queue.summary', { count: open.total }), { exact: true }).waitFor();
    await expect
      .poll(() => selectInput(worker, en('outcomes.alerts.filter.status')).inputValue())
      .toBe(en('outcomes.alerts.status.open'));
    const row = worker.getByRole('row').filter({ has: worker.locator(`a[href$="/outcomes/alerts/${alert.id}"]`) });
    await row.getByText(en('outcomes.alerts.kind.score_drop'), { exact: true }).waitFor();
    await row.getByText(en('outcomes.alerts.status.open'), { exact: true }).waitFor();
    await settled(worker);
    await browser.screenshot(worker, 'open alerts queue');

    // The alert: why (each score that fell, from and to), and the scores round by round.
    await row.getByRole('link', { name: reference }).click();
    await worker
      .getByRole('heading', {
        level: 1,
        name: said('outcomes.alerts.page.title', { kind: en('outcomes.alerts.kind.score_drop') }),
      })
      .waitFor();
    const why = worker.getByRole('region', { name: en('outcomes.alerts.page.why') });
    const fell = String(alert.detail.scores ?? '')
      .split(',')
      .filter(Boolean);
    expect(fell.length).toBeGreaterThan(0);
    for (const name of fell) {
      const before = Number(alert.detail[`${name}Before`]);
      const after = Number(alert.detail[`${name}After`]);
      expect(after).toBeLessThan(before);
      await why
        .getByText(
          said('outcomes.alerts.reason.fell', {
            score: en(`outcomes.alerts.score.${name}`),
            before: percent(before),
            after: percent(after),
          }),
          { exact: true },
        )
        .waitFor();
    }
    const scores = worker.getByRole('region', { name: en('outcomes.alerts.page.scores') });
    await scores.getByRole('img', { name: en('outcomes.alerts.chart.label') }).waitFor();
    // Its legend names each line.
    for (const key of ['composite', 'economic', 'social', 'psychosocial']) {
      await scores
        .getByRole('listitem')
        .filter({ hasText: exactly(en(`outcomes.alerts.score.${key}`)) })
        .waitFor();
    }
    const lastRound = alert.rounds.findIndex((round) => round.round === alert.round);
    expect(lastRound).toBeGreaterThan(0);
    for (const round of alert.rounds.slice(lastRound - 1, lastRound + 1)) {
      const line = scores.getByRole('row', {
        name: new RegExp(`^${said('outcomes.alerts.roundLong', { round: round.round })} `),
      });
      await line.getByRole('cell').first().waitFor();
      expect((await line.getByRole('cell').allTextContents())[0]).toBe(percent(round.composite));
    }
    await settled(worker);
    await browser.screenshot(worker, 'alert of scores falling');

    // The household's timeline: the same rounds, and for each what decided its scores.
    await worker.getByRole('link', { name: said('outcomes.alerts.page.timeline', { reference }), exact: true }).click();
    await worker
      .getByRole('heading', { level: 1, name: said('outcomes.timeline.title', { reference }), exact: true })
      .waitFor();
    const timeline = await read<HouseholdTimeline>(worker, `/outcomes/households/${alert.householdId}`);
    const explained = timeline.rounds.find((round) => round.round === alert.round);
    expect(explained).toBeDefined();
    const decided = worker.getByRole('region', {
      name: said('outcomes.timeline.why', { round: alert.round }),
      exact: true,
    });
    for (const name of fell.filter((score) => score !== 'composite')) {
      const key = name as 'economic' | 'social' | 'psychosocial';
      await decided
        .getByRole('heading', {
          level: 3,
          name: `${en(`outcomes.alerts.score.${key}`)}: ${percent(explained!.explanation[key].score)}`,
        })
        .waitFor();
    }
    // Each answer of the economic score in words (a choice) or digits (a count), beside what it cost the score.
    for (const factor of explained!.explanation.economic.factors) {
      const line = decided.getByRole('row').filter({
        has: worker.getByRole('cell', { name: en(`outcomes.timeline.indicator.${factor.item}`), exact: true }),
      });
      const cells = await line.getByRole('cell').allTextContents();
      expect(cells[1]).toBe(
        typeof factor.answer === 'string'
          ? en(`outcomes.timeline.code.${factor.answer}`)
          : String(factor.answer ?? '—'),
      );
      expect(cells[3]).toBe(percent(factor.shortfall));
    }
    await settled(worker);
    await browser.screenshot(worker, 'household timeline');

    // Back on the alert: refer the household to a service, with the consent it gave on its case.
    await worker.goBack();
    await worker.getByRole('button', { name: en('outcomes.alerts.refer.open') }).click();
    const dialog = worker.getByRole('dialog', { name: en('outcomes.alerts.refer.title') });
    await dialog.waitFor();
    expect(await dialog.getByText(en('outcomes.alerts.refer.noConsent')).count()).toBe(0);
    await choose(worker, dialog, en('outcomes.alerts.refer.service'), en(`outcomes.alerts.service.${SERVICE}`));
    await choose(worker, dialog, en('outcomes.alerts.refer.organisation'), receiver.organisationName);
    // The household's consent, recorded on its case, is the one offered.
    expect(await selectInput(dialog, en('outcomes.alerts.refer.consent')).inputValue()).toMatch(
      new RegExp(`^${said('outcomes.alerts.refer.consentGiven', { date: '{date}' }).split('{date}')[0]}`),
    );
    await dialog.getByLabel(en('outcomes.alerts.refer.dueOn')).fill(inDays(14));
    await dialog.getByRole('textbox', { name: en('outcomes.alerts.refer.note') }).fill(NOTE);
    await browser.screenshot(worker, 'refer to a service');
    await dialog.getByRole('button', { name: en('outcomes.alerts.refer.submit') }).click();
    await worker.getByText(en('outcomes.alerts.refer.done')).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // The alert is referred now: it offers no second referral.
    await worker.getByText(en('outcomes.alerts.status.referred'), { exact: true }).first().waitFor();
    await expect.poll(() => worker.getByRole('button', { name: en('outcomes.alerts.refer.open') }).count()).toBe(0);
    sent = true;
  });

  it('the receiving organisation finds the referral, accepts it and says the service was given', async () => {
    expect(sent, 'the referral was sent').toBe(true);
    const page = await browser.open();
    await signIn(page, receiver, run.ledger);
    await page.goto('/staff/outcomes/referrals');
    await page.getByRole('heading', { level: 1, name: en('outcomes.referrals.title') }).waitFor();
    await page.getByRole('tab', { name: en('outcomes.referrals.received'), selected: true }).waitFor();
    const card = page.getByRole('article', { name: cardName, exact: true });
    await card.getByText(en('outcomes.referrals.status.sent'), { exact: true }).waitFor();
    await card.getByText(caseWorker.organisationName, { exact: true }).waitFor();
    // The note typed as HTML reads as text.
    await card.getByText(NOTE).waitFor();
    await browser.screenshot(page, 'referral received');

    await card.getByRole('button', { name: en('outcomes.referrals.action.accepted'), exact: true }).click();
    await page.getByText(en('outcomes.referrals.done.accepted')).waitFor();
    await card.getByText(en('outcomes.referrals.status.accepted'), { exact: true }).first().waitFor();
    await card.getByRole('textbox', { name: en('outcomes.referrals.answerNote') }).fill(OUTCOME);
    await card.getByRole('button', { name: en('outcomes.referrals.action.completed'), exact: true }).click();
    await page.getByText(en('outcomes.referrals.done.completed')).waitFor();
    // Given its outcome, the referral takes no more answers.
    await expect.poll(() => card.getByRole('button').count()).toBe(0);
    await card.getByText(OUTCOME).waitFor();
  });

  it('the referring organisation reads the outcome and its note', async () => {
    expect(sent, 'the referral was sent').toBe(true);
    await worker.goto('/staff/outcomes/referrals');
    await worker.getByRole('tab', { name: en('outcomes.referrals.sent'), selected: true }).waitFor();
    const card = worker.getByRole('article', { name: cardName, exact: true });
    await card.getByText(en('outcomes.referrals.status.completed'), { exact: true }).first().waitFor();
    await card.getByText(receiver.organisationName, { exact: true }).waitFor();
    await card.getByText(OUTCOME).waitFor();
    expect(await card.getByText(en('outcomes.referrals.overdue')).count()).toBe(0);
    await settled(worker);
    await browser.screenshot(worker, 'referral completed, as the referrer reads it');
  });

  it('an organisation with no part in it finds neither the alert nor the household', async () => {
    expect(alert).toBeDefined();
    const page = await browser.open();
    // The monitoring centre's coordinator handles alerts, of its own organisation only.
    await signIn(page, run.account('coordinator'), run.ledger);
    await page.goto(`/staff/outcomes/alerts/${alert.id}`);
    await page.getByRole('alert').getByText(alertProblems.en!['not_found.outcome_alert']!.detail).waitFor();
    expect(await page.getByText(alert.reference ?? '-').count()).toBe(0);
    await page.goto(`/staff/outcomes/households/${alert.householdId}`);
    await page.getByRole('alert').getByText(alertProblems.en!['not_found.outcome_household']!.detail).waitFor();
    expect(await page.getByText(alert.reference ?? '-').count()).toBe(0);
  });
});
