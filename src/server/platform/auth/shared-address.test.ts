import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../../test/support/app.ts';
import { organisations } from '../accounts/schema.ts';
import { DEVICE_COOKIE } from './device.ts';
import { createTestAccount, signIn, type TestAccount, type TestClient } from './test-support.ts';

const MAX_ATTEMPTS = 5;
let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment({ loginMaxAttempts: MAX_ATTEMPTS });
});
afterAll(() => env.close());

let addresses = 0;
const nextAddress = () => `10.9.${Math.floor(++addresses / 250)}.${addresses % 250}`;

function attempt(email: string, password: string, remoteAddress: string, device?: string) {
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress,
    ...(device ? { cookies: { [DEVICE_COOKIE]: device } } : {}),
  });
}

/** Signs in once from somewhere else and answers the device cookie the browser was given. */
async function deviceCookieFor(account: TestAccount, previous?: string): Promise<string> {
  const response = await attempt(account.email, account.password, nextAddress(), previous);
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === DEVICE_COOKIE)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
  expect(cookie.maxAge).toBeGreaterThan(30 * 24 * 3600);
  return cookie.value;
}

/** More failures from one address than it is allowed, against accounts that do not exist. */
async function exhaust(address: string) {
  for (let i = 0; i < MAX_ATTEMPTS * 4 + 2; i++) {
    const response = await attempt(`nobody-${i}@test.homeward.example`, 'a wrong guess', address);
    expect([401, 429]).toContain(response.statusCode);
  }
}

describe('sign-in from an address many people share', () => {
  it('lets a colleague whose browser signed in before through after 20+ failures from the address', async () => {
    const colleague = await createTestAccount(env.app, { roles: ['donor'] });
    const device = await deviceCookieFor(colleague);
    const office = nextAddress();
    await exhaust(office);

    const known = await attempt(colleague.email, colleague.password, office, device);
    expect(known.statusCode).toBe(200);
    // An unknown device on the same address is still held back, with the right password too.
    const stranger = await createTestAccount(env.app, { roles: ['donor'] });
    const unknown = await attempt(stranger.email, stranger.password, office);
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json().code).toBe('rate_limited');
  });

  it('does not trust a device cookie for another account, nor a forged or altered one', async () => {
    const owner = await createTestAccount(env.app, { roles: ['donor'] });
    const other = await createTestAccount(env.app, { roles: ['donor'] });
    const device = await deviceCookieFor(owner);
    const office = nextAddress();
    await exhaust(office);

    expect((await attempt(other.email, other.password, office, device)).statusCode).toBe(429);
    const [nonce, mac] = device.split('.') as [string, string];
    const altered = `${nonce}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expect((await attempt(owner.email, owner.password, office, altered)).statusCode).toBe(429);
    expect((await attempt(owner.email, owner.password, office, `${'0'.repeat(32)}.${'A'.repeat(22)}`)).statusCode).toBe(
      429,
    );
    expect((await attempt(owner.email, owner.password, office, device)).statusCode).toBe(200);
  });

  it('remembers several accounts on one shared computer', async () => {
    const first = await createTestAccount(env.app, { roles: ['donor'] });
    const second = await createTestAccount(env.app, { roles: ['donor'] });
    const both = await deviceCookieFor(second, await deviceCookieFor(first));
    const office = nextAddress();
    await exhaust(office);
    expect((await attempt(first.email, first.password, office, both)).statusCode).toBe(200);
    expect((await attempt(second.email, second.password, office, both)).statusCode).toBe(200);
  });

  it('trusts a device no more once its own failures lock it out', async () => {
    const owner = await createTestAccount(env.app, { roles: ['donor'] });
    const device = await deviceCookieFor(owner);
    const office = nextAddress();
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      expect((await attempt(owner.email, 'a wrong guess', nextAddress(), device)).statusCode).toBe(401);
    }
    // The owner signs in from another browser: the account's counter starts again, the device's does not.
    await deviceCookieFor(owner);
    expect((await attempt(owner.email, 'a wrong guess', nextAddress(), device)).statusCode).toBe(401);
    await exhaust(office);
    const locked = await attempt(owner.email, owner.password, office, device);
    expect(locked.statusCode).toBe(429);
    expect((await attempt(owner.email, owner.password, office, await deviceCookieFor(owner))).statusCode).toBe(200);
  });

  it('keeps the per-account back-off for a trusted device', async () => {
    const owner = await createTestAccount(env.app, { roles: ['donor'] });
    const device = await deviceCookieFor(owner);
    const address = nextAddress();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect((await attempt(owner.email, 'a wrong guess', address, device)).statusCode).toBe(401);
    }
    // The account is in its back-off, whatever the device.
    const held = await attempt(owner.email, owner.password, nextAddress(), device);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('cross-site writes', () => {
  const organisationCount = async () => (await env.database.db.select({ n: count() }).from(organisations))[0]!.n;
  const create = (client: TestClient, headers: Record<string, string>, name: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { name, kind: 'donor', homeState: 'QO' },
      headers: { host: 'homeward.example', ...headers },
    });

  it('refuses a cross-site write that carries a valid CSRF token, writing nothing', async () => {
    const client = await signIn(env.app, await createTestAccount(env.app, { roles: ['administrator'] }));
    const before = await organisationCount();
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://attacker.example' },
      { origin: 'null' },
      { origin: 'not a url' },
    ];
    for (const headers of refused) {
      const response = await create(client, headers, 'Cross Site Fund');
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'forbidden', title: 'Request from another site' });
    }
    expect(await organisationCount()).toBe(before);
  });

  it('refuses a cross-site sign-in attempt too', async () => {
    const account = await createTestAccount(env.app, { roles: ['donor'] });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.email, password: account.password },
      headers: { 'sec-fetch-site': 'cross-site', 'accept-language': 'fr' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().title).toBe('Requête venant d’un autre site');
  });

  it('lets same-origin writes and writes without those headers (CLI, curl) through with the token', async () => {
    const client = await signIn(env.app, await createTestAccount(env.app, { roles: ['administrator'] }));
    expect((await create(client, { 'sec-fetch-site': 'same-origin' }, 'Same Origin Fund')).statusCode).toBe(201);
    expect((await create(client, { origin: 'http://homeward.example' }, 'Same Host Fund')).statusCode).toBe(201);
    expect((await create(client, {}, 'Command Line Fund')).statusCode).toBe(201);
    // Reads from anywhere are not writes.
    const read = await client.request({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(read.statusCode).toBe(200);
  });
});
