import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, directionOf, isLanguage, loadCatalogue, matchLanguage } from './languages.ts';

const STORAGE_KEY = 'homeward.language';

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

/** Loads the start language before the first render, so no one sees untranslated keys. */
export async function startI18n(code = initialLanguage()): Promise<void> {
  await i18n
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: code,
      fallbackLng: false,
      resources: { [code]: { translation: await loadCatalogue(code) } },
      keySeparator: false,
      nsSeparator: false,
      returnNull: false,
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false },
    });
  applyToDocument(code);
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
