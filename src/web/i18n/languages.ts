import { RTL_LANGUAGES } from '../../shared/vocabulary.ts';

/** A language's messages: flat keys (`home.title`) to ICU MessageFormat strings. */
export type Catalogue = Record<string, string>;

/**
 * Every folder in ./locales is a language, named by its BCP 47 code (`ar/`, `ckb/`), holding one file per
 * namespace (common, portal, and one per module such as zones). Adding a folder adds the language
 * everywhere (chooser, per-language page, right-to-left layout). Each loads on demand, so a visitor downloads
 * only the language they read. Keys stay flat and globally unique (`zones.list`), so a namespace is where a key
 * lives, not part of its name.
 */
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { import: 'default' });

const codeOf = (file: string) => file.split('/').at(-2) ?? '';
const byLanguage = new Map<string, Array<() => Promise<Catalogue>>>();
for (const [file, load] of Object.entries(files)) {
  const code = codeOf(file);
  byLanguage.set(code, [...(byLanguage.get(code) ?? []), load]);
}
const loaders = new Map(
  [...byLanguage].map(([code, parts]) => [
    code,
    async (): Promise<Catalogue> => Object.assign({}, ...(await Promise.all(parts.map((load) => load())))),
  ]),
);

export const DEFAULT_LANGUAGE = 'en';
/** The languages the web application speaks, the default first, then by code. */
export const LANGUAGES: readonly string[] = [...loaders.keys()].sort((a, b) =>
  a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b),
);

export const isLanguage = (code: string | null | undefined): code is string =>
  typeof code === 'string' && loaders.has(code);

export function loadCatalogue(code: string): Promise<Catalogue> {
  const load = loaders.get(code);
  if (!load) return Promise.reject(new Error(`no catalogue for language "${code}"`));
  return load();
}

export function directionOf(code: string): 'rtl' | 'ltr' {
  if (RTL_LANGUAGES.includes(code)) return 'rtl';
  // Intl knows the direction of languages we have not listed (Locale#getTextInfo, where the browser has it).
  const locale = new Intl.Locale(code) as Intl.Locale & { getTextInfo?: () => { direction?: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's name in that language ("العربية", "Français"), for choosers. */
export function endonym(code: string): string {
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/** The first of the visitor's preferred languages (navigator.languages) that Homeward speaks. */
export function matchLanguage(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const primary = lower.split('-')[0] ?? lower;
    for (const candidate of [lower, primary]) if (loaders.has(candidate)) return candidate;
  }
  return undefined;
}
