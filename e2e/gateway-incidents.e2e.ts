import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { browserForFile, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');

describe('incidents', () => {
  let coordinator: Page;

  beforeAll(async () => {
    coordinator = await browser.open({ keep: true });
    await signIn(coordinator, run.account('coordinator'), run.ledger);
  });

  it('records an incident from the register, then refers it to a body', async () => {
    await coordinator.goto('/staff/incidents');
    await settled(coordinator);
    await coordinator.getByRole('heading', { level: 1, name: en('incidents.register.title') }).waitFor();
    await coordinator
      .locator('#main')
      .getByRole('link', { name: en('incidents.new.title') })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: en('incidents.new.title') }).waitFor();
    const form = coordinator.getByRole('form', { name: en('incidents.new.title') });

    // Sent empty first: each missing answer is said beside its field, and nothing is recorded.
    await form.getByRole('button', { name: en('incidents.new.submit') }).click();
    await form.getByText(en('incidents.fieldError.no_people')).waitFor();
    await form.getByText(en('incidents.fieldError.place_required')).waitFor();

    await form.getByRole('combobox', { name: en('incidents.field.type') }).selectOption('extortion');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(en('incidents.field.occurredOn')).fill(yesterday);
    await form
      .getByRole('textbox', { name: en('incidents.field.pcode'), exact: true })
      .fill(DEMO_ZONE_STORY.deteriorating);
    await form.getByRole('combobox', { name: en('incidents.field.perpetrator') }).selectOption('transit_point_staff');
    await form.getByRole('textbox', { name: en('incidents.group.women'), exact: true }).fill('2');
    await form.getByRole('textbox', { name: en('incidents.group.girls'), exact: true }).fill('1');
    await form
      .getByRole('textbox', { name: en('incidents.field.narrative') })
      .fill('Staff at the crossing demanded payment <b>before</b> boarding.');
    await form.getByRole('combobox', { name: en('incidents.field.source') }).selectOption('monitoring_visit');
    await form.getByRole('button', { name: en('incidents.new.submit') }).click();

    await coordinator.waitForURL(/\/staff\/incidents\/[0-9a-f-]{36}$/);
    const heading = coordinator.getByRole('heading', { level: 1, name: /^Incident INC-/ });
    await heading.waitFor();
    const reference = (await heading.textContent())?.replace('Incident ', '') ?? '';
    // Text typed as HTML is shown as text.
    await coordinator.getByText('Staff at the crossing demanded payment <b>before</b> boarding.').waitFor();
    await coordinator.getByText('3 people').waitFor();
    await expect
      .poll(() => coordinator.getByText(en('incidents.accountability.documented'), { exact: true }).count())
      .toBeGreaterThan(0);

    const step = coordinator.getByRole('form', { name: en('incidents.step.title') });
    await step.getByRole('combobox', { name: en('incidents.step.which') }).selectOption('referred');
    await step
      .getByRole('textbox', { name: en('incidents.field.referredTo'), exact: true })
      .fill('Office of the Inspector General');
    await step.getByLabel(en('incidents.field.referredOn')).fill(yesterday);
    await step.getByRole('button', { name: en('incidents.step.submit') }).click();
    await coordinator.getByText(en('incidents.step.done.referred')).waitFor();
    await coordinator.getByText('Office of the Inspector General').first().waitFor();
    const history = coordinator.getByRole('region', { name: en('incidents.page.history') });
    await history.getByText(en('incidents.history.referred'), { exact: true }).waitFor();
    await browser.screenshot(coordinator, 'incident referred');

    // The tracker lists it among the referred, a day since referral.
    await coordinator.goto('/staff/incidents/accountability');
    await settled(coordinator);
    await coordinator.getByRole('heading', { level: 1, name: en('incidents.tracker.title') }).waitFor();
    const row = coordinator.getByRole('row').filter({ hasText: reference });
    await row.getByText('Office of the Inspector General').waitFor();
    await row.getByText('1 day since referral').waitFor();
  });
});
