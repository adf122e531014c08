import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import { browserForFile, DESKTOP, homeward, PHONE, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { signIn } from './support/staff.ts';

const run = homeward();
const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');

/** What one look at a page found: the cells and badges measured, and what is wrong with them. */
interface Layout {
  cells: number;
  badges: number;
  problems: string[];
}

/**
 * Measures every table cell and status badge of the page as the phone shows it. A cell must lie inside the
 * screen and inside its row's card, show its column's name, and hold its text without cutting it; a badge must
 * lie inside the screen. The page itself must not scroll sideways.
 */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const outside = (box: DOMRect) => box.left < -0.5 || box.right > width + 0.5;
    if (document.documentElement.scrollWidth > width + 1) {
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
    }
    let cells = 0;
    document.querySelectorAll<HTMLTableElement>('main table').forEach((table, t) => {
      const title = table.caption?.textContent?.trim() || `table ${t + 1}`;
      for (const body of table.tBodies) {
        [...body.rows].forEach((row, r) => {
          const rowBox = row.getBoundingClientRect();
          for (const cell of row.cells) {
            cells++;
            const name = `${title}, row ${r + 1}, ${cell.dataset.label ?? `cell ${cell.cellIndex + 1}`}`;
            const box = cell.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) problems.push(`${name}: not shown`);
            if (outside(box)) problems.push(`${name}: from ${box.left} to ${box.right} px, off the screen`);
            if (box.left < rowBox.left - 0.5 || box.right > rowBox.right + 0.5)
              problems.push(`${name}: outside its row`);
            if (cell.scrollWidth > cell.clientWidth + 1) {
              problems.push(`${name}: content ${cell.scrollWidth} px wide in a ${cell.clientWidth} px cell`);
            }
            for (const part of cell.querySelectorAll('*')) {
              const partBox = part.getBoundingClientRect();
              if (partBox.width > 0 && outside(partBox))
                problems.push(`${name}: a <${part.localName}> runs off the screen`);
            }
            const label = getComputedStyle(cell, '::before').content;
            if (!cell.dataset.label || label === 'none' || label === 'normal') {
              problems.push(`${name}: the column's name is not shown`);
            }
          }
        });
      }
    });
    const badges = [...document.querySelectorAll<HTMLElement>('main .staff-badge')];
    for (const badge of badges) {
      const box = badge.getBoundingClientRect();
      if (outside(box)) problems.push(`badge "${badge.textContent}": from ${box.left} to ${box.right} px, cut off`);
      const label = badge.querySelector<HTMLElement>('.mantine-Badge-label');
      if (label && label.scrollWidth > label.clientWidth + 1) problems.push(`badge "${badge.textContent}": text cut`);
    }
    return { cells, badges: badges.length, problems };
  });
}

/** Opens a staff screen and waits until it shows everything it loads. */
async function visit(page: Page, address: string): Promise<void> {
  await page.goto(address);
  await settled(page);
}

/** Switches the workspace to a language, as the language chooser does, and reloads the page in it. */
async function readIn(page: Page, code: string): Promise<void> {
  await page.evaluate((language) => localStorage.setItem('homeward.language', language), code);
  await page.reload();
  await settled(page);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
}

/** The screens with tables: the administrator's, then the coordinator's return-zone screens. */
const ADMINISTRATOR_SCREENS = [
  '/staff/account',
  '/staff/administration/organisations',
  '/staff/administration/users',
  '/staff/administration/agreements',
  '/staff/administration/transparency-log',
  '/staff/administration/access-log',
];
const COORDINATOR_SCREENS = ['/staff/zones', `/staff/zones/${DEMO_ZONE_STORY.hardRed}`, '/staff/zones/review'];

describe('the staff workspace on a phone (375 × 667, touch), in English and Arabic', () => {
  let administrator: Page;
  let coordinator: Page;

  beforeAll(async () => {
    administrator = await browser.open({ phone: true, keep: true });
    await signIn(administrator, run.account('administrator'), run.ledger);
    coordinator = await browser.open({ phone: true, keep: true });
    await signIn(coordinator, run.account('coordinator'), run.ledger);
  });

  for (const language of ['en', 'ar']) {
    const inLanguage = language === 'en' ? 'English' : 'Arabic';

    it(`shows every column of every table, labelled, and every badge whole, in ${inLanguage}`, async () => {
      const problems: string[] = [];
      let cells = 0;
      let badges = 0;
      for (const [page, screens] of [
        [administrator, ADMINISTRATOR_SCREENS],
        [coordinator, COORDINATOR_SCREENS],
      ] as const) {
        await visit(page, screens[0]!);
        await readIn(page, language);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
        for (const address of screens) {
          await visit(page, address);
          await browser.screenshot(page, `${language} ${address}`);
          const layout = await measure(page);
          problems.push(...layout.problems.map((problem) => `${address}: ${problem}`));
          cells += layout.cells;
          badges += layout.badges;
        }
      }
      // The demo fills these screens: a check that measured nothing would prove nothing.
      expect(cells).toBeGreaterThan(100);
      expect(badges).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    });

    it(`keeps a panel's action buttons on the screen and usable, in ${inLanguage}`, async () => {
      const t = language === 'en' ? en : ar;
      await visit(administrator, '/staff/administration/users');
      await readIn(administrator, language);
      await administrator.getByRole('link', { name: run.account('coordinator').displayName, exact: true }).click();
      await administrator.waitForURL(/\/staff\/administration\/users\/[^/]+$/);
      const coordinatorName = run.account('coordinator').displayName;
      await administrator.getByRole('heading', { level: 1, name: coordinatorName }).waitFor();
      await settled(administrator);

      const deactivate = administrator.getByRole('button', { name: t('administration.user.deactivate'), exact: true });
      const actions = administrator.locator('main .staff-actions').getByRole('button');
      expect(await actions.count()).toBeGreaterThan(0);
      for (const button of await actions.all()) {
        await button.evaluate((element) => element.scrollIntoView({ block: 'center', inline: 'center' }));
        await expectOnScreen(administrator, button);
        await button.click({ trial: true }); // visible, enabled, not covered: a tap would reach it
      }

      // Its confirmation opens with both choices on the screen; cancelling changes nothing.
      await deactivate.tap();
      const dialog = administrator.getByRole('dialog');
      await dialog.waitFor();
      const cancel = dialog.getByRole('button', { name: t('staff.kit.cancel'), exact: true });
      const confirm = dialog.getByRole('button', { name: t('administration.user.deactivate'), exact: true });
      await expectOnScreen(administrator, cancel);
      await expectOnScreen(administrator, confirm);
      await cancel.tap();
      await dialog.waitFor({ state: 'detached' });
      await deactivate.waitFor();
    });

    it(`names roles and permissions on My account in words, not codes, in ${inLanguage}`, async () => {
      await visit(administrator, '/staff/account');
      await readIn(administrator, language);
      // What the page says about the person: the facts, the memberships and the permissions.
      const text = (await administrator.locator('main dd, main td, main li').allTextContents()).join('\n');
      // A permission code reads `zone:read`, a role code `case_worker`, an unfound key `permission.zone:read`.
      expect(text).not.toMatch(/\b[a-z]+(?:_[a-z]+)*:[a-z]+(?:_[a-z]+)*\b/);
      expect(text).not.toMatch(/\b(?:role|permission)\.[a-z]/);
      expect(text).not.toMatch(/\b[a-z]+_[a-z]+\b/);
      const t = language === 'en' ? en : ar;
      expect(text).toContain(t('role.administrator'));
      expect(text).toContain(t('permission.user:read'));
    });
  }

  it('fits the same screens in a 1280 px desktop window: wide grids scroll in their own box, the page never', async () => {
    const problems: string[] = [];
    for (const [page, screens] of [
      [administrator, ADMINISTRATOR_SCREENS],
      [coordinator, COORDINATOR_SCREENS],
    ] as const) {
      await page.setViewportSize(DESKTOP);
      for (const address of screens) {
        await visit(page, address);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        if (scrollWidth > clientWidth + 1) problems.push(`${address}: ${scrollWidth} px wide in ${clientWidth} px`);
      }
      await page.setViewportSize(PHONE.viewport);
    }
    expect(problems).toEqual([]);
  });
});

/** Fails unless the element lies wholly inside the screen's width and height. */
async function expectOnScreen(page: Page, element: ReturnType<Page['locator']>): Promise<void> {
  const box = await element.boundingBox();
  const screen = page.viewportSize()!;
  expect(box, 'the element is laid out').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(-0.5);
  expect(box!.y).toBeGreaterThanOrEqual(-0.5);
  expect(box!.x + box!.width).toBeLessThanOrEqual(screen.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(screen.height + 0.5);
}
