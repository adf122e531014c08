import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * For tests only: a `t` that formats the real catalogue's ICU messages as i18next-icu does, and fails on a key
 * the catalogue lacks (so a test also proves the messages exist and take the arguments given).
 */
export function translator(language: string): TFunction {
  const file = path.join(import.meta.dirname, '../../i18n/locales', `${language}.json`);
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const t = (key: string, values?: Record<string, unknown>) => {
    const message = catalogue[key];
    if (message === undefined) throw new Error(`no message "${key}" in ${language}.json`);
    return String(new IntlMessageFormat(message, language).format(values as Record<string, string>));
  };
  return t as unknown as TFunction;
}
