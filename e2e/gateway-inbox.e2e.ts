import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, DESKTOP, homeward, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

/**
 * The gateway's inbox in the browser: an anonymous complaint in Arabic reaches the organisation the routing rules
 * name; a case worker finds it in the inbox, reads it (its text shown as typed, never as markup), acknowledges,
 * assigns, investigates and answers it; the submitter reads the answer with their receipt code.
 */
const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const worker = run.account('case_worker');

/** A write through the API as the signed-in person of `page` (a CSRF token per write, as the app does). */
async function post(
  page: Page,
  url: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ url, body }) => {
      const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { url, body },
  );
}

const getJson = <T>(page: Page, url: string) =>
  page.evaluate(async (address) => (await (await fetch(address)).json()) as unknown, url) as Promise<T>;

const MARK = `e2e-${Date.now()}`;
const TEXT = `طلب الحارس مالًا عند نقطة العبور <b>${MARK}</b>`;
const ANSWER = 'تحدثنا مع إدارة نقطة العبور، وأُعيدت الوثائق إلى المكتب.';

/** Serious or critical axe violations of the page as it is now, at a phone's width and a desktop's. */
async function violations(page: Page): Promise<string> {
  const found: string[] = [];
  for (const size of [{ width: 375, height: 667 }, DESKTOP]) {
    await page.setViewportSize(size);
    await settled(page);
    const serious = blocking(await scanPage(page));
    if (serious.length > 0) found.push(`${page.url()} at ${size.width} px\n${describeViolations(serious)}`);
  }
  return found.join('\n');
}

describe('handling a community submission', () => {
  let page: Page;
  let coordinator: Page;
  let pcode: string;
  let receiptCode: string;
  let itemId: string;
  let ruleId: string;

  beforeAll(async () => {
    const zones = (await (await fetch(`${run.url}/api/v1/public/zones`)).json()) as { pcode: string }[];
    // A locality's P-code (the longest), so that the rule below is the most specific for it.
    pcode = zones.map((zone) => zone.pcode).sort((a, b) => b.length - a.length)[0]!;
    page = await browser.open({ keep: true });
    await signIn(page, worker, run.ledger);
    coordinator = await browser.open({ keep: true });
    await signIn(coordinator, run.account('coordinator'), run.ledger);
    const me = await getJson<{ organisation: { id: string } }>(page, '/api/v1/me');
    const rule = await post(coordinator, '/api/v1/gateway/routing-rules', {
      organisationId: me.organisation.id,
      kind: 'complaint',
      pcode,
      sensitive: false,
    });
    expect(rule.status).toBe(201);
    ruleId = (rule.json as { id: string }).id;
    const submitted = await fetch(`${run.url}/api/v1/public/gateway/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'complaint',
        complaintCategory: 'misconduct',
        disclosure: 'anonymous',
        text: TEXT,
        language: 'ar',
        pcode,
      }),
    });
    expect(submitted.status).toBe(201);
    receiptCode = ((await submitted.json()) as { receiptCode: string }).receiptCode;
    // The item, among the organisation's received complaints about the zone: the one whose text is ours.
    const inbox = await getJson<{ items: { id: string }[] }>(
      page,
      `/api/v1/gateway/submissions?pcode=${pcode}&kind=complaint&status=received&limit=200`,
    );
    for (const item of inbox.items) {
      const detail = await getJson<{ text: string }>(page, `/api/v1/gateway/submissions/${item.id}`);
      if (detail.text === TEXT) itemId = item.id;
    }
    expect(itemId).toBeDefined();
  });

  // The rule leaves with the test, so that the browser tests after this one find the demo's routing as it was.
  afterAll(async () => {
    if (!ruleId) return;
    const status = await coordinator.evaluate(async (id) => {
      const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
      return (
        await fetch(`/api/v1/gateway/routing-rules/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': token } })
      ).status;
    }, ruleId);
    expect(status).toBe(204);
  });

  it('lists the complaint in the inbox and shows its text as typed, not as markup', async () => {
    await page.goto(`/staff/gateway/inbox?pcode=${pcode}&kind=complaint`);
    await page.getByRole('heading', { level: 1, name: en('gatewayInbox.inbox.title') }).waitFor();
    const link = page.locator(`a[href="/staff/gateway/inbox/${itemId}"]`);
    await link.waitFor();
    await settled(page);
    await browser.screenshot(page, 'inbox');
    await link.click();
    await page.waitForURL(new RegExp(`/staff/gateway/inbox/${itemId}$`));
    const text = page.getByTestId('item-text');
    await text.waitFor();
    expect(await text.textContent()).toBe(TEXT);
    expect(await text.locator('b').count()).toBe(0);
  });

  it('acknowledges, assigns, investigates and answers it; the submitter reads the answer with the code', async () => {
    const steps = page.getByRole('region', { name: en('gatewayInbox.steps.title') });
    await steps.getByRole('button', { name: en('gatewayInbox.steps.acknowledge'), exact: true }).click();
    const assignee = steps.getByLabel(en('gatewayInbox.steps.assignee'));
    await assignee.waitFor();
    await assignee.selectOption({ label: worker.displayName });
    await steps.getByRole('button', { name: en('gatewayInbox.steps.assign'), exact: true }).click();
    await steps.getByRole('button', { name: en('gatewayInbox.steps.investigate'), exact: true }).click();
    const answer = steps.getByLabel(en('gatewayInbox.steps.answer'));
    await answer.waitFor();
    await answer.fill(ANSWER);
    await steps.getByRole('button', { name: en('gatewayInbox.steps.respond'), exact: true }).click();
    const messages = page.getByRole('region', { name: en('gatewayInbox.messages.title') });
    await messages.getByText(ANSWER, { exact: true }).waitFor();
    const history = page.getByTestId('item-history');
    await history.getByText(en('gatewayInbox.history.entry.responded'), { exact: false }).waitFor();
    await settled(page);
    await browser.screenshot(page, 'answered');

    const status = await fetch(`${run.url}/api/v1/public/gateway/receipts/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: receiptCode }),
    });
    expect(status.status).toBe(200);
    const read = (await status.json()) as { status: string; messages: { from: string; text: string }[] };
    expect(read.status).toBe('responded');
    expect(read.messages).toEqual([expect.objectContaining({ from: 'staff', text: ANSWER })]);
  });

  it('has no serious accessibility violation on the inbox, the item and the routing rules', async () => {
    expect(await violations(page), 'the item page').toBe('');
    await page.goto(`/staff/gateway/inbox?pcode=${pcode}&status=`);
    await page.locator(`a[href="/staff/gateway/inbox/${itemId}"]`).waitFor();
    expect(await violations(page), 'the inbox').toBe('');
    await coordinator.goto('/staff/gateway/routing-rules');
    await coordinator.getByRole('heading', { level: 1, name: en('gatewayInbox.rules.title') }).waitFor();
    await coordinator.getByText(pcode, { exact: true }).first().waitFor();
    expect(await violations(coordinator), 'the routing rules').toBe('');
    await browser.screenshot(coordinator, 'routing rules');
  });
});
