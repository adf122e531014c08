import { randomBytes } from 'node:crypto';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';

/**
 * The household's follow-up code: 140 random bits written as 28 characters of Crockford's base32 (no I, L, O or
 * U, so that it reads aloud and types on a phone's keypad without confusion), shown in groups of four. Only its
 * keyed hash is stored (purpose `outcome-link`); what a household types is forgiven its case, spaces, dashes and
 * the letters that look like digits.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LINK_CODE_LENGTH = 28;

export function newLinkCode(): string {
  const bytes = randomBytes(LINK_CODE_LENGTH);
  let code = '';
  // 32 divides 256: each byte's low five bits are uniform.
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** The code as typed, normalised, or null when it cannot be a code (wrong length, a character not in it). */
export function normaliseLinkCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replaceAll(/[\s\-_.]/g, '')
    .replaceAll(/[IL]/g, '1')
    .replaceAll('O', '0');
  if (code.length !== LINK_CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}

/** The keyed hash the follow-up keeps of its code. */
export const hashLinkCode = (db: Database, keyring: Keyring, normalised: string): Promise<string> =>
  keyring.blindIndex(db, 'outcome-link', normalised);
