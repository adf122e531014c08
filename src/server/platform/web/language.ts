import { LANGUAGE_COOKIE } from '../../../web/public/paths.ts';
import { acceptedLanguage } from '../i18n/language.ts';

/** The language page's code in an address (`/ar`, `/ckb/`), or undefined. */
export const addressedLanguage = (pathname: string) => /^\/([a-z]{2,3})\/?$/.exec(pathname)?.[1];

/** A cookie's value from a Cookie header (the plugin also runs without @fastify/cookie, in its tests). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The language a public page is rendered in, as the browser would pick it: a language page's address (`/ar`)
 * first, then the reader's earlier choice (the language cookie), then Accept-Language, then English.
 */
export function pageLanguage(
  pathname: string,
  headers: { cookie?: string | undefined; 'accept-language'?: string | undefined },
  languages: readonly string[],
): string {
  const addressed = addressedLanguage(pathname);
  if (addressed && languages.includes(addressed)) return addressed;
  const chosen = cookieValue(headers.cookie, LANGUAGE_COOKIE);
  if (chosen && languages.includes(chosen)) return chosen;
  return acceptedLanguage(headers['accept-language'], languages) ?? 'en';
}

/** Sets the language cookie, as the browser's chooser does (src/web/i18n/setup.ts), for a year. */
export const languageCookie = (code: string) =>
  `${LANGUAGE_COOKIE}=${code}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;

/**
 * The Set-Cookie header for a visit to a language's page (`/ar`) when the reader's choice is another or none: a
 * link shared as "the Arabic page" keeps the reader in Arabic on every page they open from it.
 */
export function languagePageCookie(
  pathname: string,
  cookieHeader: string | undefined,
  languages: readonly string[],
): string | undefined {
  const addressed = addressedLanguage(pathname);
  if (!addressed || !languages.includes(addressed)) return undefined;
  return cookieValue(cookieHeader, LANGUAGE_COOKIE) === addressed ? undefined : languageCookie(addressed);
}
