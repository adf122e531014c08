import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './homeward.ts';

/**
 * A language's messages as the web application shows them (src/web/i18n/locales/<code>.json), for finding
 * controls by their translated names. Only messages without ICU arguments are looked up this way.
 */
export function catalogue(code: string): (key: string) => string {
  const file = path.join(ROOT, 'src/web/i18n/locales', `${code}.json`);
  const messages = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  return (key) => {
    const message = messages[key];
    if (message === undefined) throw new Error(`no message ${key} in ${code}.json`);
    return message;
  };
}
