import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { spokenReference } from '../platform/references/spoken.ts';

/**
 * Case references and the status codes printed on registration slips. A reference is read aloud and typed on
 * a basic phone, so its letters exclude look-alikes (0/O, 1/I); the status code is its secret companion.
 *
 * The code is stored only as a keyed hash bound to its reference (an HMAC under the `case-status` key, which
 * the master key wraps). A slow unkeyed hash would not protect ten digits from someone holding the database:
 * 10^10 guesses offline are within reach; without the key, none can be checked. Online, the status page
 * throttles guessing as the sign-in does.
 */
const STATUS_CODE_DIGITS = 10;

/** `HW-7K3M-9QXD`; `pick(n)` gives a whole number below n (the demo passes its seeded one). */
export function newCaseReference(pick: (n: number) => number = randomInt): string {
  return spokenReference('HW', pick);
}

/** A reference as typed (`hw 7k3m9qxd`): upper-cased, spaces and dashes dropped, then written `HW-7K3M-9QXD`. */
export function normaliseReference(typed: string): string {
  const compact = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = compact.startsWith('HW') ? compact.slice(2) : compact;
  return body.length === 8 ? `HW-${body.slice(0, 4)}-${body.slice(4)}` : typed.trim().toUpperCase();
}

/** Ten digits, printed on the slip in two groups of five. */
export function newStatusCode(pick: (n: number) => number = randomInt): string {
  return Array.from({ length: STATUS_CODE_DIGITS }, () => String(pick(10))).join('');
}

/** The stored form of a slip's code: `k1.` and the keyed hash of the reference and the code's digits. */
export async function hashStatusCode(db: Database, keyring: Keyring, reference: string, code: string): Promise<string> {
  return `k1.${await keyring.blindIndex(db, 'case-status', `${reference}:${code.replace(/\D/g, '')}`)}`;
}

/** Whether the code typed matches the stored hash, compared in constant time; a malformed hash matches nothing. */
export async function verifyStatusCode(
  db: Database,
  keyring: Keyring,
  reference: string,
  code: string,
  stored: string,
): Promise<boolean> {
  const typed = Buffer.from(await hashStatusCode(db, keyring, reference, code));
  const want = Buffer.from(stored);
  return typed.length === want.length && timingSafeEqual(typed, want);
}
