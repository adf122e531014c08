/**
 * The sign-in rules the form checks before sending, so a person hears about a slip at once and in their
 * language. The server checks the same again; these mirror src/shared/accounts.ts, which is not imported here
 * because it brings the schema library into the browser (rules.test.ts keeps the two in step).
 */
export const PASSWORD_MIN_LENGTH = 12;

/** Authenticator apps show codes as "123 456": spaces are dropped before sending. */
export const normaliseCode = (code: string) => code.replace(/\s+/g, '');
export const isTotpCode = (code: string) => /^\d{6}$/.test(normaliseCode(code));
export const isLongEnough = (password: string) => [...password].length >= PASSWORD_MIN_LENGTH;
export const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+$/.test(email.trim());

/** The base32 secret in groups of four, easier to copy by hand into an authenticator app. */
export const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');
