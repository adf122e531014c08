import type { LocalizedText } from './types.ts';

/**
 * A name in the reader's language: the exact language, then its base (`ar` for `ar-SY`), then English, which
 * every name has. The code given as `fallback` shows only for a name that is somehow empty.
 */
export function localName(name: LocalizedText | undefined, language: string, fallback = ''): string {
  if (!name) return fallback;
  const base = language.split('-')[0] ?? language;
  return name[language] ?? name[base] ?? name.en ?? Object.values(name)[0] ?? fallback;
}
