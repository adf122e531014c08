import { LANGUAGES, type Language } from '../../../shared/vocabulary.ts';

/**
 * The first of `languages` an Accept-Language header asks for, by quality (RFC 9110 §12.5.4): a tag matches
 * itself or its primary language (`ar-IQ` is `ar`). Undefined when it asks for none of them.
 */
export function acceptedLanguage<T extends string>(header: string | undefined, languages: readonly T[]): T | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    for (const candidate of [tag, tag.split('-')[0] ?? tag]) {
      if ((languages as readonly string[]).includes(candidate)) return candidate as T;
    }
  }
  return undefined;
}

/** Picks the best supported language from an Accept-Language header, English by default. */
export function negotiateLanguage(header: string | undefined): Language {
  return acceptedLanguage(header, LANGUAGES) ?? 'en';
}
