import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languagesOnDisk, readCatalogue, readNamespaces } from './read-catalogue.ts';

// The same files the application discovers (import.meta.glob('./locales/*/*.json')), read from disk.
const catalogues = new Map(languagesOnDisk().map((code) => [code, readCatalogue(code)]));
const reference = catalogues.get('en')!;
const others = [...catalogues.entries()].filter(([code]) => code !== 'en');

/** A message's arguments and how each is formatted (`count:plural`, `name:argument`), whatever the language. */
function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
        into.add(`${element.value}:number`);
        break;
      case TYPE.date:
        into.add(`${element.value}:date`);
        break;
      case TYPE.time:
        into.add(`${element.value}:time`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
        for (const option of Object.values(element.options)) signature(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>`);
        signature(element.children, into);
        break;
    }
  }
  return into;
}

const sorted = (set: Set<string>) => [...set].sort();

function pluralsWithoutOther(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type !== TYPE.plural && element.type !== TYPE.select) {
      return element.type === TYPE.tag ? pluralsWithoutOther(element.children) : [];
    }
    const missing = 'other' in element.options ? [] : [element.value];
    return [...missing, ...Object.values(element.options).flatMap((option) => pluralsWithoutOther(option.value))];
  });
}

describe('message catalogues', () => {
  it('has English and at least one other language', () => {
    expect(reference).toBeDefined();
    expect(others.length).toBeGreaterThan(0);
  });

  it('has every message in valid ICU syntax, each plural and select with an "other" case', () => {
    for (const [code, catalogue] of catalogues) {
      for (const [key, message] of Object.entries(catalogue)) {
        let elements: MessageFormatElement[];
        try {
          elements = parse(message);
        } catch (error) {
          throw new Error(`${code} "${key}" is not valid ICU: ${(error as Error).message}`);
        }
        expect(pluralsWithoutOther(elements), `${code} "${key}"`).toEqual([]);
      }
    }
  });

  it.each(others)('%s has the same namespaces as English, each with exactly its English keys', (code) => {
    const english = readNamespaces('en');
    const theirs = readNamespaces(code);
    expect([...theirs.keys()], `${code}/ namespace files`).toEqual([...english.keys()]);
    for (const [namespace, messages] of english) {
      const other = theirs.get(namespace) ?? {};
      const misplaced = Object.keys(messages).filter((key) => !(key in other));
      expect(misplaced, `${code}/${namespace}.json lacks keys that en/${namespace}.json has`).toEqual([]);
    }
  });

  it('keeps each key in one namespace only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [namespace, messages] of readNamespaces('en')) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${namespace})`);
        seen.set(key, namespace);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each(others)('%s has exactly the English keys', (code, catalogue) => {
    const missing = Object.keys(reference).filter((key) => !(key in catalogue));
    const extra = Object.keys(catalogue).filter((key) => !(key in reference));
    expect({ missing, extra }, code).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s uses the same ICU arguments as English in every message', (code, catalogue) => {
    const differing = Object.keys(reference)
      .filter((key) => key in catalogue)
      .filter((key) => {
        const expected = sorted(signature(parse(reference[key]!)));
        return sorted(signature(parse(catalogue[key]!))).join() !== expected.join();
      });
    expect(differing, `${code} messages whose arguments differ from English`).toEqual([]);
  });

  it('has no empty message', () => {
    for (const [code, catalogue] of catalogues) {
      const empty = Object.entries(catalogue).filter(([, message]) => message.trim() === '');
      expect(
        empty.map(([key]) => key),
        code,
      ).toEqual([]);
    }
  });

  it('has every key the web application names in its source', () => {
    const webDir = path.join(import.meta.dirname, '..');
    const sources = readdirSync(webDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(webDir, file), 'utf8'));
    const namespaces = new Set(Object.keys(reference).map((key) => key.split('.')[0]));
    const named = new Set(
      sources.flatMap((source) =>
        [...source.matchAll(/['"`]([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_:-]+)+)['"`]/g)].map((match) => match[1]!),
      ),
    );
    const unknown = [...named].filter((key) => namespaces.has(key.split('.')[0]) && !(key in reference));
    expect(unknown, 'keys used in src/web but missing from the English catalogue').toEqual([]);
  });
});
