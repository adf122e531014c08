import { randomInt } from 'node:crypto';
import { RECEIPT_CODE_DIGITS } from '../../shared/gateway/constants.ts';
import { argon2id } from '../platform/crypto/argon2.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';

/**
 * Receipt codes: sixteen random digits, shown once to the submitter and kept only as a slow keyed hash.
 *
 * The hash is Argon2id over the digits, salted with a secret derived from the keyring (the `gateway-receipt`
 * blind-index key, which the master key wraps). It is deterministic, so the stored hash is also the index a
 * lookup finds the submission by, and a lookup costs one hash whether the code exists or not. Someone holding a
 * copy of the database but not the master key cannot test a single guess; someone holding both pays an Argon2id
 * derivation per guess across 10^16 codes. The cost (1 MiB, two passes, about a millisecond here) is bounded by
 * the public form's throughput: every submission pays it once, and the submission benchmark holds it to 500
 * a second on two cores.
 */
export const RECEIPT_HASHING = { memory: 1024, passes: 2, parallelism: 1 } as const;

/** Sixteen random digits; `pick(n)` gives a whole number below n (the demo passes its seeded one). */
export function newReceiptCode(pick: (n: number) => number = randomInt): string {
  return Array.from({ length: RECEIPT_CODE_DIGITS }, () => String(pick(10))).join('');
}

/** `1234 5678 9012 3456`: how a code is shown, in groups of four, read left to right in every language. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

// Arabic-Indic (U+0660–0669) and Extended Arabic-Indic, as Persian and Kurdish keyboards type them (U+06F0–06F9).
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A code as typed: Eastern Arabic digits read as the digits they are, spaces, dashes and dots dropped. Anything
 * that is not then sixteen digits gives null (and the lookup still costs a hash, see lookupReceipt).
 */
export function normaliseReceiptCode(typed: string): string | null {
  const digits = typed
    .replace(EASTERN_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
    .replace(/[\s\-.\u00A0\u200E\u200F]/g, '');
  return /^\d+$/.test(digits) && digits.length === RECEIPT_CODE_DIGITS ? digits : null;
}

const salts = new WeakMap<Keyring, Promise<Buffer>>();

/** The keyring's receipt salt, derived once per keyring. */
function saltOf(db: Database, keyring: Keyring): Promise<Buffer> {
  let salt = salts.get(keyring);
  if (!salt) {
    salt = keyring.blindIndex(db, 'gateway-receipt', 'receipt-salt').then((text) => Buffer.from(text, 'base64url'));
    salts.set(keyring, salt);
    salt.catch(() => salts.delete(keyring));
  }
  return salt;
}

/** The stored form of a receipt code: `a1.` and its Argon2id hash under the keyring's salt. */
export async function hashReceiptCode(db: Database, keyring: Keyring, code: string): Promise<string> {
  const nonce = await saltOf(db, keyring);
  const hash = await argon2id({
    message: code,
    salt: nonce,
    memory: RECEIPT_HASHING.memory,
    passes: RECEIPT_HASHING.passes,
    parallelism: RECEIPT_HASHING.parallelism,
    tagLength: 32,
  });
  return `a1.${hash.toString('base64url')}`;
}
