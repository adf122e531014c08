import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the form of session cookies and CSRF tokens. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a presented value could be one of our tokens at all (anything else is refused unread). */
export function isWellFormedToken(value: string | undefined): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** What is stored in place of a token: a database leak then yields no usable session or CSRF token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
