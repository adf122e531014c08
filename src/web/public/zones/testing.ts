import type { TFunction } from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import { readCatalogue } from '../../i18n/read-catalogue.ts';

/**
 * For tests only: a `t` that formats the real catalogue's ICU messages as i18next-icu does, and fails on a key
 * the catalogue lacks (so a test also proves the messages exist and take the arguments given).
 */
export function translator(language: string): TFunction {
  const catalogue = readCatalogue(language);
  const t = (key: string, values?: Record<string, unknown>) => {
    const message = catalogue[key];
    if (message === undefined) throw new Error(`no message "${key}" in the ${language} catalogue`);
    return String(new IntlMessageFormat(message, language).format(values as Record<string, string>));
  };
  return t as unknown as TFunction;
}
