import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from '../db/client.ts';

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that signed in to
 * an account is given a cookie naming that account's sign-in counter and a random nonce, signed with the
 * server's login-throttle key. Presented again for the same account, it marks a trusted device, exempt from
 * the per-address limit; presented for another account it means nothing. One cookie remembers the last few
 * accounts signed in on the device (a shared office computer).
 */
export type DeviceCookie = string;

export const DEVICE_COOKIE = 'homeward_device';
const ACCOUNTS_PER_DEVICE = 5;
const DEVICE_COOKIE_DAYS = 180;
const ENTRY = /^[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/;

const entriesOf = (cookie: DeviceCookie | undefined): string[] =>
  (cookie ?? '')
    .split('~')
    .slice(0, ACCOUNTS_PER_DEVICE)
    .filter((entry) => ENTRY.test(entry));

async function signature(db: Database, keyring: Keyring, account: string, nonce: string): Promise<string> {
  return keyring.blindIndex(db, 'login-throttle', `device:${account}:${nonce}`);
}

async function entryFor(db: Database, keyring: Keyring, account: string, cookie: DeviceCookie | undefined) {
  for (const entry of entriesOf(cookie)) {
    const [nonce, mac] = entry.split('.') as [string, string];
    const expected = Buffer.from(await signature(db, keyring, account, nonce));
    if (timingSafeEqual(expected, Buffer.from(mac))) return entry;
  }
  return undefined;
}

/**
 * The counter key of the device cookie's entry for this account (`d:` and a hash of the entry, so the stored
 * key cannot be replayed as a cookie), or undefined when the cookie holds no valid entry for it.
 */
export async function trustedDeviceKey(
  db: Database,
  keyring: Keyring,
  account: string,
  cookie: DeviceCookie | undefined,
): Promise<string | undefined> {
  const entry = await entryFor(db, keyring, account, cookie);
  return entry && `d:${createHash('sha256').update(entry).digest().subarray(0, 16).toString('base64url')}`;
}

/** The device cookie after a sign-in to `account`: a fresh entry for it first, the other accounts' after. */
export async function rememberDevice(
  db: Database,
  keyring: Keyring,
  account: string,
  cookie: DeviceCookie | undefined,
): Promise<DeviceCookie> {
  const previous = await entryFor(db, keyring, account, cookie);
  const nonce = randomBytes(16).toString('hex');
  const fresh = `${nonce}.${await signature(db, keyring, account, nonce)}`;
  const others = entriesOf(cookie).filter((entry) => entry !== previous);
  return [fresh, ...others].slice(0, ACCOUNTS_PER_DEVICE).join('~');
}

export function deviceCookieOf(request: FastifyRequest): DeviceCookie | undefined {
  return request.cookies[DEVICE_COOKIE];
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, value: DeviceCookie): void {
  const setting = request.ctx.platform.config.cookieSecure;
  const secure = setting === 'auto' ? request.protocol === 'https' : setting === 'true';
  // Sent to the sign-in routes only, where it is read.
  reply.setCookie(DEVICE_COOKIE, value, {
    path: '/api/v1/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
  });
}
