import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_COOKIE } from '../public/paths.ts';
import {
  type Catalogue,
  DEFAULT_LANGUAGE,
  directionOf,
  isLanguage,
  loadCatalogue,
  matchLanguage,
} from './languages.ts';

const STORAGE_KEY = 'homeward.language';
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The application's one i18next instance: ICU MessageFormat, flat keys, React bindings. */
export const i18n = i18next.createInstance();

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the browser's preference
  }
}

function rememberLanguage(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered across visits; the page still works
  }
  // Also a cookie, so the server renders the next page in this language from its first byte.
  // biome-ignore lint/suspicious/noDocumentCookie: one plain cookie; the Cookie Store API is missing on older phones
  document.cookie = `${LANGUAGE_COOKIE}=${code}; path=/; max-age=${COOKIE_MAX_AGE}; samesite=lax`;
}

/** The language to start in: the visitor's earlier choice, else their browser's preference, else English. */
export function initialLanguage(): string {
  const stored = storedLanguage();
  if (isLanguage(stored)) return stored;
  return matchLanguage(typeof navigator === 'undefined' ? [] : navigator.languages) ?? DEFAULT_LANGUAGE;
}

function applyToDocument(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

async function ensureLoaded(code: string): Promise<void> {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  i18n.addResourceBundle(code, 'translation', await loadCatalogue(code));
}

/** The options of every i18next instance: ICU MessageFormat, flat keys, React escapes. */
const options = (code: string, catalogue: Catalogue) => ({
  lng: code,
  fallbackLng: false as const,
  resources: { [code]: { translation: catalogue } },
  keySeparator: false as const,
  nsSeparator: false as const,
  returnNull: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
});

/** Loads the start language before the first render, so no one sees untranslated keys. */
export async function startI18n(code = initialLanguage()): Promise<void> {
  await i18n
    .use(ICU)
    .use(initReactI18next)
    .init(options(code, await loadCatalogue(code)));
  applyToDocument(code);
}

/**
 * An i18next instance of its own for one language, for the server's rendering of the public pages (each request
 * may ask for another language; the shared instance above belongs to the browser).
 */
export async function createI18n(code: string): Promise<typeof i18n> {
  const instance = i18next.createInstance();
  await instance.use(ICU).init(options(code, await loadCatalogue(code)));
  return instance;
}

/** Switches the whole application (texts, `lang`, `dir`) and remembers the choice for later visits. */
export async function changeLanguage(code: string): Promise<void> {
  if (!isLanguage(code)) return;
  await ensureLoaded(code);
  await i18n.changeLanguage(code);
  applyToDocument(code);
  rememberLanguage(code);
}

/** The language the person reads now, sent to the API as Accept-Language. */
export const currentLanguage = (): string => i18n.language || DEFAULT_LANGUAGE;
