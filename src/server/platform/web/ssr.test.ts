import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from '../http/problem.ts';
import { publicForm } from './forms.ts';
import { webApp } from './plugin.ts';

const CSS = 'body{color:#123456}';
const INDEX = `<!doctype html>
<html lang="en" dir="ltr">
<head><title>Homeward</title>
<script type="module" crossorigin src="/assets/app-1a2b3c.js"></script>
<link rel="stylesheet" crossorigin href="/assets/app-4d5e6f.css">
</head>
<body><div id="root"></div>
<noscript><p>Homeward needs JavaScript.</p></noscript>
</body></html>`;

/**
 * A stand-in for dist/ssr/render.js: echoes what it was asked (address, language, forms) and what the public API
 * answered it, so the tests see what the plugin gives the renderer and what it makes of the result.
 */
const RENDERER = `
export const LANGUAGES = ['en', 'ar', 'fr'];
export async function render(input) {
  const api = await input.fetch('/api/v1/public/echo');
  const forms = input.forms ?? {};
  return {
    status: input.url.startsWith('/zones/QM99') ? 404 : 200,
    title: 'Page <' + input.language + '>',
    lang: input.language,
    dir: input.language === 'ar' ? 'rtl' : 'ltr',
    html: '<main data-url="' + input.url + '">' + api.body.language + '|' + JSON.stringify(forms).replaceAll('"', "'") + '</main>',
    state: JSON.stringify({ url: input.url, forms }),
  };
}
`;

/** A form of the kind the next modules add: a required message, sent back with what was typed when empty. */
const messageForm = publicForm({
  id: 'message',
  action: '/message',
  schema: z.object({ name: z.string(), message: z.string().trim().min(1, 'message.required') }),
  page: () => '/help',
  accept: ({ message }) => `/help?sent=${message.length}`,
});

let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-ssr-'));
  fs.mkdirSync(path.join(root, 'web/assets'), { recursive: true });
  fs.mkdirSync(path.join(root, 'ssr'));
  fs.writeFileSync(path.join(root, 'web/index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'web/assets/app-4d5e6f.css'), CSS);
  fs.writeFileSync(path.join(root, 'ssr/render.js'), RENDERER);
  app = Fastify({ logger: false });
  registerErrorHandling(app);
  app.get('/api/v1/public/echo', { config: { permission: 'public' } }, async (request) => ({
    language: request.headers['accept-language'],
  }));
  await app.register(webApp, { root: path.join(root, 'web'), forms: [messageForm] });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const post = (url: string, body: string) =>
  app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('public pages rendered on the server', () => {
  it('sends the whole page: content in #root, its state, lang and dir, its title, the stylesheet inline', async () => {
    const response = await get('/help', { 'accept-language': 'ar' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-language']).toBe('ar');
    expect(response.headers.vary).toContain('cookie');
    const html = response.body;
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('<title>Page &lt;ar&gt;</title>');
    expect(html).toContain('<div id="root"><main data-url="/help">ar|{}</main></div>');
    expect(html).toContain('<script type="application/json" id="homeward-state">{"url":"/help","forms":{}}</script>');
    expect(html).toContain(`<style>${CSS}</style>`);
    expect(html).not.toContain('app-4d5e6f.css');
    expect(html).not.toContain('noscript');
  });

  it('compresses the page for a browser that accepts Brotli', async () => {
    const response = await get('/', { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toContain('<div id="root"><main');
  });

  it.each([
    ['a language page’s address', '/ar', { cookie: 'homeward_language=fr' }, 'ar'],
    ['the chosen language', '/help', { cookie: 'homeward_language=fr', 'accept-language': 'ar' }, 'fr'],
    ['Accept-Language, without a choice', '/help', { 'accept-language': 'de, ar;q=0.8' }, 'ar'],
    [
      'Accept-Language, when the cookie names no language',
      '/help',
      { cookie: 'homeward_language=xx', 'accept-language': 'ar' },
      'ar',
    ],
    ['English, otherwise', '/help', {}, 'en'],
  ])('picks the language from %s', async (_case, url, headers, language) => {
    const response = await get(url, headers as Record<string, string>);
    expect(response.body).toContain(`<html lang="${language}"`);
  });

  it('remembers the language of a language page (/ar) for the pages opened from it', async () => {
    expect((await get('/ar')).headers['set-cookie']).toMatch(/^homeward_language=ar; Path=\/;/);
    expect((await get('/ar', { cookie: 'homeward_language=ar' })).headers['set-cookie']).toBeUndefined();
    expect((await get('/help')).headers['set-cookie']).toBeUndefined();
    expect((await get('/xx')).headers['set-cookie']).toBeUndefined();
  });

  it('answers an unknown page or zone with 404, and a lower-case P-code with its page', async () => {
    expect((await get('/no-such-page')).statusCode).toBe(404);
    expect((await get('/zones/QM99')).statusCode).toBe(404);
    const lower = await get('/zones/qm01');
    expect(lower.statusCode).toBe(308);
    expect(lower.headers.location).toBe('/zones/QM01');
  });

  it('leaves the staff workspace a single-page application', async () => {
    const response = await get('/staff/sign-in');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
  });
});

describe('public forms without JavaScript', () => {
  it('switches the language: sets the cookie and sends the reader back to the page (303)', async () => {
    const response = await post('/language', 'language=fr&return=%2Fzones%3Fclass%3Dconducive');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/zones?class=conducive');
    expect(response.headers['set-cookie']).toMatch(/^homeward_language=fr; Path=\/;/);
  });

  it('sends a language page’s reader to the chosen language’s page', async () => {
    expect((await post('/language', 'language=ar&return=%2Ffr')).headers.location).toBe('/ar');
  });

  it('never sends the reader to another site', async () => {
    for (const away of ['//elsewhere.example', 'https://elsewhere.example/', '/\\elsewhere.example']) {
      const response = await post('/language', `language=ar&return=${encodeURIComponent(away)}`);
      expect(response.headers.location, away).toBe('/');
    }
  });

  it('comes back to a page whose address holds Arabic or a control character, encoded', async () => {
    const search = await post('/language', `language=ar&return=${encodeURIComponent('/zones?q=بغداد')}`);
    expect(search.statusCode).toBe(303);
    expect(search.headers.location).toBe(`/zones?q=${encodeURIComponent('بغداد')}`);
    const nul = await post('/language', 'language=ar&return=%2Fhelp%00%0D%0Aset-cookie%3A%20x');
    expect(nul.statusCode).toBe(303);
    expect(nul.headers.location).toMatch(/^\/help%00/);
    expect(nul.headers['set-cookie']).toMatch(/^homeward_language=ar;/);
  });

  it('sends an unknown language back as the same page (422) with the error beside the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/language',
      payload: 'language=xx&return=%2Fhelp',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'homeward_language=ar' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['set-cookie']).toBeUndefined();
    // The page the form is on, in the reader's language, with the form's errors and values.
    expect(response.body).toContain('<html lang="ar"');
    expect(response.body).toContain(
      `<main data-url="/help">ar|{'language':{'values':{'language':'xx','return':'/help'},'errors':{'language':'language.unknown'}}}</main>`,
    );
  });

  it('keeps what was typed in a form sent back, and answers a valid one with its result page', async () => {
    const invalid = await post('/message', 'name=Amal&message=%20%20');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain(
      `{'message':{'values':{'name':'Amal','message':'  '},'errors':{'message':'message.required'}}}`,
    );
    const valid = await post('/message', 'name=Amal&message=Hello');
    expect(valid.statusCode).toBe(303);
    expect(valid.headers.location).toBe('/help?sent=5');
  });

  it('names a generic error when a schema’s message is not a catalogue key', async () => {
    const response = await post('/message', 'message=Hello');
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(`'errors':{'name':'form.invalid'}`);
  });
});
