import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from './languages.ts';

/** Where the catalogues live: `locales/<language>/<namespace>.json`. */
export const LOCALES_DIR = path.join(import.meta.dirname, 'locales');

/** The languages on disk, as the application discovers them (one folder each). */
export function languagesOnDisk(): string[] {
  return readdirSync(LOCALES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** One language's namespaces, each with its messages, read from disk (tests and tools; the browser uses languages.ts). */
export function readNamespaces(code: string): Map<string, Catalogue> {
  const dir = path.join(LOCALES_DIR, code);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => [
        file.slice(0, -'.json'.length),
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Catalogue,
      ]),
  );
}

/** One language's whole catalogue (every namespace merged), as the application shows it. */
export function readCatalogue(code: string): Catalogue {
  return Object.assign({}, ...readNamespaces(code).values());
}
