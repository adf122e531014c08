import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestArrival } from '../src/server/cases/follow-up-schedule-test-support.ts';
import { insertTestHousehold } from '../src/server/cases/test-support.ts';
import { addDays, dayOf, openDueFollowUps } from '../src/server/outcomes/follow-ups.ts';
import { insertTestInstrument } from '../src/server/outcomes/follow-ups-test-support.ts';
import { hashLinkCode, newLinkCode, normaliseLinkCode } from '../src/server/outcomes/link-codes.ts';
import { outcomeFollowUps } from '../src/server/outcomes/tables.ts';
import { createOrganisation, createUser } from '../src/server/platform/accounts/provisioning.ts';
import { openKeyring } from '../src/server/platform/crypto/keyring.ts';
import { openDatabase } from '../src/server/platform/db/client.ts';
import { createTestZones } from '../src/server/zones/test-support.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { type RunningHomeward, startHomeward } from './support/homeward.ts';

/**
 * The household's own follow-up form as a returnee on a basic phone uses it: without JavaScript, in Arabic, 375 px
 * wide, the code typed (never in the address), the survey a page at a time with only the questions that apply,
 * then thanks. The survey here is the small test form (no XLSForm needed); its answers are checked by the form
 * engine the server runs (its verdicts, skip logic and constraint messages, are tested in
 * src/server/outcomes/link-page.test.ts). Runs a Homeward of its own, with two returned households whose codes were issued
 * before it started.
 */
const browser = browserForFile();
const ar = catalogue('ar');
const fr = catalogue('fr');
let server: RunningHomeward;
let runDir: string;
const codes: string[] = [];

beforeAll(async () => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-follow-up-e2e-'));
  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir);
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    const db = database.db;
    const keyring = await openKeyring({ masterKey: undefined, dataDir });
    await keyring.prepare(db);
    await createTestZones(db);
    const centre = await createOrganisation(
      db,
      { name: 'Returns Monitoring Centre', kind: 'monitoring_centre', homeState: 'QM' },
      null,
    );
    const { user } = await createUser(
      db,
      keyring,
      {
        email: 'worker@follow-up.example',
        displayName: 'Field worker',
        password: 'a long enough password for tests',
        memberships: [{ organisationId: centre.id, role: 'case_worker' }],
      },
      null,
    );
    await insertTestInstrument(db);
    const today = dayOf(new Date());
    for (let i = 0; i < 2; i++) {
      const household = await insertTestHousehold(db, keyring, { organisationId: centre.id });
      await insertTestArrival(db, household, addDays(today, -20), user.id);
    }
    await openDueFollowUps(db, keyring, today, 14);
    for (const followUp of await db.select().from(outcomeFollowUps)) {
      const code = newLinkCode();
      await db
        .update(outcomeFollowUps)
        .set({
          status: 'assigned',
          mode: 'link',
          assignedOrganisationId: centre.id,
          linkTokenHash: await hashLinkCode(db, keyring, normaliseLinkCode(code)!),
          linkExpiresAt: new Date(Date.now() + 86_400_000),
        })
        .where(eq(outcomeFollowUps.id, followUp.id));
      codes.push(code);
    }
  } finally {
    await database.close();
  }
  server = await startHomeward(dataDir);
});
afterAll(async () => {
  await server?.stop();
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
});

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const posted = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/follow-up' && r.request().method() === 'POST');
const press = async (page: Page, name: string) => {
  const [response] = await Promise.all([posted(page), page.getByRole('button', { name }).click()]);
  await page.waitForLoadState('domcontentloaded');
  return response;
};

describe('the household’s follow-up form, without JavaScript, in Arabic, at 375 px', () => {
  it('opens with the code, asks a page at a time, thanks once sent, and the code is then used', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    expect((await page.goto(`${server.url}/follow-up`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('outcomes.link.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('textbox', { name: ar('outcomes.link.code') }).fill(codes[0]!.toLowerCase());
    await page.getByLabel(ar('outcomes.link.language')).selectOption('ar');
    expect((await press(page, ar('outcomes.link.start'))).status()).toBe(200);
    expect(page.url()).toBe(`${server.url}/follow-up`);
    expect(await overflows(page)).toBe(false);

    await page.getByRole('radio', { name: 'نعم' }).check();
    await press(page, ar('outcomes.link.next'));
    await page.getByRole('heading', { level: 1, name: 'أسرتك' }).waitFor();
    await page.getByRole('radio', { name: 'أنثى' }).check();
    await page.getByRole('textbox', { name: 'عمر رب الأسرة' }).fill('٤٦');
    await press(page, ar('outcomes.link.next'));

    await page.getByRole('heading', { level: 1, name: 'الحياة اليومية' }).waitFor();
    await page.getByRole('textbox', { name: 'الأطفال في سن الدراسة' }).fill('2');
    // The question the answer makes relevant: on the page already, or added to it once the answer is posted.
    const outOfSchool = page.getByRole('textbox', { name: 'منهم خارج المدرسة' });
    if ((await outOfSchool.count()) === 0) {
      await press(page, ar('outcomes.link.finish'));
      await page.getByText(ar('outcomes.link.more')).waitFor();
    }
    await outOfSchool.fill('1');
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'follow-up form in Arabic at 375 px without JavaScript');
    expect((await press(page, ar('outcomes.link.finish'))).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('outcomes.link.doneTitle') }).waitFor();
    expect(await page.content()).not.toContain(codes[0]!);

    // Sent: the code opens nothing any more.
    await page.goto(`${server.url}/follow-up`);
    await page.getByRole('textbox', { name: ar('outcomes.link.code') }).fill(codes[0]!);
    expect((await press(page, ar('outcomes.link.start'))).status()).toBe(404);
    await page.getByText(ar('outcomes.link.notRecognised')).first().waitFor();
  });

  it('works the same with JavaScript on, in French, with no serious accessibility violation', async () => {
    const page = await browser.open({ phone: true, locale: 'fr' });
    await page.goto(`${server.url}/follow-up`);
    const onCode = blocking(await scanPage(page));
    expect(onCode, describeViolations(onCode)).toEqual([]);
    await page.getByRole('textbox', { name: fr('outcomes.link.code') }).fill(codes[1]!);
    await page.getByLabel(fr('outcomes.link.language')).selectOption('fr');
    expect((await press(page, fr('outcomes.link.start'))).status()).toBe(200);
    const onSurvey = blocking(await scanPage(page));
    expect(onSurvey, describeViolations(onSurvey)).toEqual([]);
    await page.getByRole('radio', { name: 'Non' }).check();
    // Without consent the survey ends; each page left (if the form asks more) is sent as it is.
    const done = page.getByRole('heading', { level: 1, name: fr('outcomes.link.doneTitle') });
    for (let pages = 0; pages < 4 && (await done.count()) === 0; pages++) {
      const last = page.getByRole('button', { name: fr('outcomes.link.finish') });
      await press(page, (await last.count()) > 0 ? fr('outcomes.link.finish') : fr('outcomes.link.next'));
    }
    await done.waitFor();
  });
});
