import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/accounts.ts';
import { argon2id } from '../crypto/argon2.ts';

/** Argon2id parameters: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
export interface Argon2Parameters {
  memory: number;
  passes: number;
  parallelism: number;
}
export const PASSWORD_HASHING: Argon2Parameters = { memory: 19_456, passes: 2, parallelism: 1 };

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const SALT_BYTES = 16;
const TAG_BYTES = 32;
const ARGON2_VERSION = 19;
/** Refuse stored parameters that would let one forged hash make a request run away with memory or time. */
const LIMITS = { memory: 262_144, passes: 10, parallelism: 8 };

const PHC = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Why a new password is refused, or null when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long';

export function checkPasswordPolicy(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}

/** An Argon2id hash in PHC string format: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>` (unpadded base64). */
export async function hashPassword(password: string, parameters: Argon2Parameters = PASSWORD_HASHING): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = await argon2id({
    message: Buffer.from(password.normalize('NFC'), 'utf8'),
    salt,
    tagLength: TAG_BYTES,
    ...parameters,
  });
  const encode = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  const { memory, passes, parallelism } = parameters;
  return `$argon2id$v=${ARGON2_VERSION}$m=${memory},t=${passes},p=${parallelism}$${encode(salt)}$${encode(tag)}`;
}

interface ParsedHash extends Argon2Parameters {
  salt: Buffer;
  tag: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const match = PHC.exec(stored);
  if (!match) return null;
  const [, version, memory, passes, parallelism, salt, tag] = match;
  const parsed = {
    memory: Number(memory),
    passes: Number(passes),
    parallelism: Number(parallelism),
    salt: Buffer.from(salt!, 'base64'),
    tag: Buffer.from(tag!, 'base64'),
  };
  const sane =
    Number(version) === ARGON2_VERSION &&
    parsed.parallelism >= 1 &&
    parsed.parallelism <= LIMITS.parallelism &&
    parsed.passes >= 1 &&
    parsed.passes <= LIMITS.passes &&
    parsed.memory >= 8 * parsed.parallelism &&
    parsed.memory <= LIMITS.memory &&
    parsed.salt.length >= 8 &&
    parsed.tag.length >= 16;
  return sane ? parsed : null;
}

/** True when `password` matches the stored PHC hash; compared in constant time. A malformed hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const tag = await argon2id({
    message: Buffer.from(password.normalize('NFC'), 'utf8'),
    salt: parsed.salt,
    tagLength: parsed.tag.length,
    memory: parsed.memory,
    passes: parsed.passes,
    parallelism: parsed.parallelism,
  });
  return timingSafeEqual(tag, parsed.tag);
}

/** A stored hash made with weaker parameters than today's: rehash it at the next successful sign-in. */
export function needsRehash(stored: string, parameters: Argon2Parameters = PASSWORD_HASHING): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return (
    parsed.memory < parameters.memory ||
    parsed.passes < parameters.passes ||
    parsed.parallelism < parameters.parallelism
  );
}

let dummyHash: Promise<string> | undefined;

/** Computes the dummy hash ahead of the first sign-in, so that the first unknown email is not slower. */
export function warmDummyPassword(): void {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
}

/**
 * Spends the same time as checking a real password, for sign-ins with an unknown email address, so that the
 * answer's timing does not reveal which accounts exist. Always false.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  warmDummyPassword();
  await verifyPassword(await dummyHash!, password);
  return false;
}

/** Unambiguous characters only (no 0/O, 1/l/I), so a password read aloud or copied by hand survives. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 20 characters from a 55-character alphabet (over 115 bits), in groups of five. */
export function generatePassword(): string {
  const characters = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}
