import type { LocalizedText } from '../../../shared/zones/schemas.ts';

/** A name in the reader's language, else in English (every name has one), else in any language it has. */
export function localized(name: LocalizedText | undefined, language: string, fallback = ''): string {
  if (!name) return fallback;
  const primary = language.split('-')[0] ?? language;
  return name[language] ?? name[primary] ?? name.en ?? Object.values(name)[0] ?? fallback;
}

/** Whether `localized` found the name in the reader's language (else the text should carry lang="en"). */
export function hasLanguage(name: LocalizedText | undefined, language: string): boolean {
  const primary = language.split('-')[0] ?? language;
  return Boolean(name && (name[language] ?? name[primary]));
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A period (YYYY-MM) as the reader says a month: "March 2026", "mars 2026", "مارس ٢٠٢٦"; anything else as given. */
export function formatPeriod(period: string, language: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** The start of a SHA-256 hash, enough to recognise it: the full hash stays available beside it. */
export const shortHash = (hash: string, length = 12): string =>
  hash.length > length ? `${hash.slice(0, length)}…` : hash;
