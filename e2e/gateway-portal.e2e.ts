import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertRoutingRule } from '../src/server/gateway/test-support.ts';
import { createOrganisation } from '../src/server/platform/accounts/provisioning.ts';
import { openDatabase } from '../src/server/platform/db/client.ts';
import { blocking, describeViolations, scanPage } from './support/axe.ts';
import { browserForFile, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';
import { ROOT, type RunningHomeward } from './support/homeward.ts';

/**
 * The community gateway's public pages as a returnee on a basic phone reads them: without JavaScript, in Arabic,
 * 375 px wide. Submissions need an organisation named to receive them (a routing rule), which the demo region
 * the other browser tests share does not name; so this file runs a Homeward of its own on a fresh data
 * directory with one organisation and a rule sending it everything, written before the server starts.
 */
const browser = browserForFile();

/**
 * `homeward start` on a free port, as support/homeward.ts starts it but logging every request (that helper keeps
 * the log to warnings), so that the test can read what the server would have written about a submitter.
 */
async function startLogging(dataDir: string, logFile: string): Promise<RunningHomeward> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOMEWARD_DATA_DIR: dataDir, HOMEWARD_LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.HOMEWARD_MASTER_KEY;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/homeward.js'), '--data-dir', dataDir, 'start', '--port', '0', '--host', '127.0.0.1'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = fs.createWriteStream(logFile);
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`homeward start did not listen:\n${seen}`)), 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log.write(chunk);
      seen += chunk.toString();
      const port = /running at https?:\/\/[^:\s]+:(\d+)/.exec(seen)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`homeward start exited with ${code}:\n${seen}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      log.end();
    },
  };
}
const ar = catalogue('ar');
let server: RunningHomeward;
let runDir: string;
let logFile: string;

beforeAll(async () => {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-gateway-e2e-'));
  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir);
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    const centre = await createOrganisation(
      database.db,
      { name: 'Returns Monitoring Centre', kind: 'monitoring_centre', homeState: 'QM' },
      null,
    );
    await insertRoutingRule(database.db, { organisationId: centre.id, sensitive: true });
  } finally {
    await database.close();
  }
  logFile = path.join(inject('homeward').screenshotDir, '..', 'e2e-gateway-server.log');
  server = await startLogging(dataDir, logFile);
});
afterAll(async () => {
  await server?.stop();
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
});

const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The bytes a page takes on the wire, as a browser asking for Brotli or gzip gets it (HTML with its CSS inline). */
const transferred = (address: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(
        `${server.url}${address}`,
        { headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'ar' } },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on('end', () => resolve(bytes));
        },
      )
      .on('error', reject);
  });

/** A form post as a browser sends one (same origin, in Arabic), answered uncompressed. */
const send = (address: string, body: string | Buffer) =>
  new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const request = http.request(
      `${server.url}${address}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: server.url,
          'accept-language': 'ar',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type']),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });

const posted = (page: Page, address: string) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === address && r.request().method() === 'POST');

/** Sends an anonymous complaint from the form, in Arabic, and answers the receipt code the page shows. */
async function submitComplaint(page: Page, text: string): Promise<string> {
  expect((await page.goto(`${server.url}/feedback`))?.status()).toBe(200);
  await page.getByRole('heading', { level: 1, name: ar('gatewayPortal.submit.title') }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
  await page.getByRole('radio', { name: ar('gatewayPortal.kind.complaint') }).check();
  await page.getByLabel(ar('gatewayPortal.form.category')).selectOption('misconduct');
  // Anonymous is the first choice and already chosen.
  expect(await page.getByRole('radio', { name: ar('gatewayPortal.disclosure.anonymous') }).isChecked()).toBe(true);
  await page.getByRole('textbox', { name: ar('gatewayPortal.form.text') }).fill(text);
  const [response] = await Promise.all([
    posted(page, '/feedback'),
    page.getByRole('button', { name: ar('gatewayPortal.form.submit') }).click(),
  ]);
  expect(response.status()).toBe(201);
  expect(response.headers()['cache-control']).toBe('no-store');
  const shown = (await page.locator('[data-receipt-code]').textContent())?.trim() ?? '';
  expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  return shown;
}

describe('the community gateway without JavaScript, in Arabic, at 375 px', () => {
  it('takes an anonymous complaint and shows its receipt code once, never in the address', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    const code = await submitComplaint(page, 'طلب موظف عند نقطة العبور مالاً مقابل إعادة الوثائق');
    const answer = await page.getByRole('status').first().textContent();
    expect(answer).toContain(ar('gatewayPortal.receipt.writeDownTitle'));
    expect(answer).toContain(ar('gatewayPortal.receipt.anonymous'));
    expect(page.url()).toBe(`${server.url}/feedback`);
    expect(page.url()).not.toContain(code.replaceAll(' ', ''));
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'gateway receipt code in Arabic at 375 px without JavaScript');
    // The server logged the request, and nothing about who sent it: no address, no browser.
    const agent = await page.evaluate(() => navigator.userAgent);
    await expect.poll(() => fs.readFileSync(logFile, 'utf8')).toContain('"route":"/feedback"');
    const logged = fs.readFileSync(logFile, 'utf8');
    expect(logged).not.toContain(agent);
    // Only the server's own start names an address (where it listens); no line about a request does.
    const about = logged.split('\n').filter((line) => line.includes('127.0.0.1') || line.includes('"ip"'));
    expect(about.every((line) => line.includes('Server listening at'))).toBe(true);
  });

  it('reads the status with the code, adds information shown as text, and refuses a wrong code', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    const code = await submitComplaint(page, 'شكوى عن سوء المعاملة');
    await page.goto(`${server.url}/feedback/receipt`);
    await page.getByRole('heading', { level: 1, name: ar('gatewayPortal.receipt.title') }).waitFor();
    await page.locator('#receipt-code').fill(code);
    const [lookup] = await Promise.all([
      posted(page, '/feedback/receipt'),
      page.getByRole('button', { name: ar('gatewayPortal.receipt.submit') }).click(),
    ]);
    expect(lookup.status()).toBe(200);
    const status = page.getByRole('status').first();
    await status.waitFor();
    expect(await status.textContent()).toContain(ar('gatewayPortal.status.received'));
    expect(page.url()).toBe(`${server.url}/feedback/receipt`);
    // The code is never put back into a field: every code field is empty again.
    for (const field of await page.getByRole('textbox', { name: ar('gatewayPortal.receipt.code') }).all()) {
      expect(await field.inputValue()).toBe('');
    }
    expect(await page.content()).not.toContain(code.replaceAll(' ', ''));

    // A script typed by a submitter comes back as the words typed, never as markup.
    const typed = '<script>document.title="x"</script><b>bold?</b>';
    await page.getByRole('textbox', { name: ar('gatewayPortal.receipt.addText') }).fill(typed);
    await page.locator('#receipt-add-code').fill(code);
    const [added] = await Promise.all([
      posted(page, '/feedback/receipt'),
      page.getByRole('button', { name: ar('gatewayPortal.receipt.addSubmit') }).click(),
    ]);
    expect(added.status()).toBe(200);
    expect(await page.locator('[data-message]').last().textContent()).toBe(typed);
    expect(await page.locator('main script, main b').count()).toBe(0);
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'gateway receipt status in Arabic at 375 px without JavaScript');

    const wrong = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    await page.locator('#receipt-code').fill(wrong);
    const [refused] = await Promise.all([
      posted(page, '/feedback/receipt'),
      page.getByRole('button', { name: ar('gatewayPortal.receipt.submit') }).click(),
    ]);
    expect(refused.status()).toBe(404);
    const field = page.locator('#receipt-code');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: ar('gatewayPortal.receipt.code') }).count()).toBe(1);
    expect(await field.inputValue()).toBe('');
    expect(await page.textContent('main')).toContain(ar('gatewayPortal.receipt.notRecognised'));
    expect(await page.getByRole('status').count()).toBe(0);
  });

  it('shows the figures as tables, a group too small to publish said in words', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    expect((await page.goto(`${server.url}/feedback/figures`))?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ar('gatewayPortal.figures.title') }).waitFor();
    const complaints = page.getByRole('row', { name: new RegExp(ar('gatewayPortal.kind.complaint')) }).first();
    // Two complaints, below the threshold of ten: hidden, never a count.
    expect(await complaints.textContent()).toContain(ar('gatewayPortal.figures.hidden'));
    expect(await page.textContent('main')).not.toContain('سوء المعاملة');
    expect(await overflows(page)).toBe(false);
    await browser.screenshot(page, 'gateway figures in Arabic at 375 px without JavaScript');
  });

  it('answers a body too large, or not in UTF-8, with the page in Arabic and a reason, never an error page', async () => {
    const fields = 'kind=complaint&complaintCategory=misconduct&disclosure=anonymous&language=ar';
    const large = await send('/feedback', `${fields}&text=${'%D8%B9'.repeat(20_000)}`);
    expect(large.status).toBe(413);
    expect(large.type).toContain('text/html');
    expect(large.body).toContain(ar('gatewayPortal.refused.tooLarge'));
    const latin1 = await send('/feedback', Buffer.concat([Buffer.from(`${fields}&text=caf`), Buffer.from([0xe9])]));
    expect(latin1.status).toBe(422);
    expect(latin1.type).toContain('text/html');
    expect(latin1.body).toContain(ar('gatewayPortal.form.unreadable'));
    const nul = await send('/feedback/receipt', 'action=status&code=1234%00');
    expect(nul.status).toBe(422);
    expect(nul.body).toContain(ar('gatewayPortal.receipt.unreadable'));
  });

  it('is reached from the home page', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    await page.goto(`${server.url}/`);
    await page
      .getByRole('link', { name: ar('gatewayPortal.home.link') })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: ar('gatewayPortal.submit.title') }).waitFor();
  });

  it('weighs under 30 kB per page as sent, and with JavaScript has no serious axe finding', async () => {
    for (const address of ['/feedback', '/feedback/receipt', '/feedback/figures']) {
      expect(await transferred(address), address).toBeLessThan(30 * 1024);
    }
    const page = await browser.open({ locale: 'ar', phone: true });
    const findings: string[] = [];
    for (const address of ['/feedback', '/feedback/receipt', '/feedback/figures']) {
      await page.goto(`${server.url}${address}`);
      await settled(page);
      expect(await overflows(page), address).toBe(false);
      const serious = blocking(await scanPage(page));
      if (serious.length > 0) findings.push(`${address}\n${describeViolations(serious)}`);
    }
    // The form still posts as a plain form once JavaScript has taken the page over.
    await page.goto(`${server.url}/feedback`);
    await settled(page);
    await page.getByRole('textbox', { name: ar('gatewayPortal.form.text') }).fill('بلا نوع');
    const [refused] = await Promise.all([
      posted(page, '/feedback'),
      page.getByRole('button', { name: ar('gatewayPortal.form.submit') }).click(),
    ]);
    expect(refused.status()).toBe(422);
    await page.getByText(ar('gatewayPortal.form.kindRequired')).waitFor();
    expect(await page.getByRole('textbox', { name: ar('gatewayPortal.form.text') }).inputValue()).toBe('بلا نوع');
    expect(findings.join('\n\n')).toBe('');
  });
});
