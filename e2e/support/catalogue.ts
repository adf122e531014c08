import { readCatalogue } from '../../src/web/i18n/read-catalogue.ts';

/**
 * A language's messages as the web application shows them (src/web/i18n/locales/<code>/*.json), for finding
 * controls by their translated names. Only messages without ICU arguments are looked up this way.
 */
export function catalogue(code: string): (key: string) => string {
  const messages = readCatalogue(code);
  return (key) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`no message ${key} in the ${code} catalogue`);
    return message;
  };
}
