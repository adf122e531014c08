import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { registerModules } from '../../modules.ts';
import '../accounts/problems.ts';
import '../audit/problems.ts';
import '../auth/cross-site.ts';
import '../auth/problems.ts';
import '../policy/problems.ts';
import { ERROR_STATUS } from '../http/errors.ts';
import { describeProblem, problemCatalogues } from './problems.ts';

// The modules' problem texts, as the application registers them.
registerModules();

const LANGUAGES = Object.keys(problemCatalogues) as (keyof typeof problemCatalogues)[];

/** Every `code.reason` the server's source throws: `conflict('x')` and `new AppError('code', { params: { reason: 'x' } })`. */
function reasonsInSource(): string[] {
  const root = path.join(import.meta.dirname, '../..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  const keys = new Set<string>();
  for (const file of files) {
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(/\bconflict\('([a-z_]+)'\)/g)) keys.add(`conflict.${match[1]}`);
    for (const match of source.matchAll(/new AppError\('([a-z_]+)',\s*\{\s*params:\s*\{\s*reason:\s*'([a-z_]+)'/g)) {
      keys.add(`${match[1]}.${match[2]}`);
    }
  }
  return [...keys].sort();
}

/** A message's arguments and how each is used (`count:plural`), whatever the language. */
function signature(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(`${element.value}:${element.type === TYPE.plural ? 'plural' : 'select'}`);
      for (const option of Object.values(element.options)) signature(option.value, into);
    } else if (element.type === TYPE.argument || element.type === TYPE.number) {
      into.add(`${element.value}:argument`);
    }
  }
  return into;
}

const messagesOf = (language: (typeof LANGUAGES)[number]) =>
  Object.entries(problemCatalogues[language]).flatMap(([key, { title, detail }]) => [
    [`${key}.title`, title] as const,
    [`${key}.detail`, detail] as const,
  ]);

describe('problem texts', () => {
  it('name every error code in every language', () => {
    for (const language of LANGUAGES) {
      const missing = Object.keys(ERROR_STATUS).filter((code) => !problemCatalogues[language][code]);
      expect(missing, language).toEqual([]);
    }
  });

  it('name every reason the server throws, in every language', () => {
    const reasons = reasonsInSource();
    expect(reasons).toEqual(expect.arrayContaining(['conflict.email_taken', 'forbidden.organisation_reach']));
    for (const language of LANGUAGES) {
      expect(
        reasons.filter((key) => !problemCatalogues[language][key]),
        language,
      ).toEqual([]);
    }
  });

  it('have the same keys in every language', () => {
    const english = Object.keys(problemCatalogues.en).sort();
    for (const language of LANGUAGES)
      expect(Object.keys(problemCatalogues[language]).sort(), language).toEqual(english);
  });

  it('are valid ICU messages with the same arguments as English', () => {
    const english = new Map(messagesOf('en'));
    for (const language of LANGUAGES) {
      for (const [key, message] of messagesOf(language)) {
        const elements = parse(message);
        const expected = [...signature(parse(english.get(key)!))].sort();
        expect([...signature(elements)].sort(), `${language} ${key}`).toEqual(expected);
      }
    }
  });

  it('say a count in its plural form', () => {
    const unverified = (language: 'en' | 'ar' | 'fr', count: number) =>
      describeProblem(language, 'conflict', { reason: 'unverified_observations', count, period: '2026-03' }).detail;
    expect(unverified('en', 1)).toMatch(/^1 observation of 2026-03 is still waiting/);
    expect(unverified('en', 3)).toMatch(/^3 observations of 2026-03 are still waiting/);
    expect(unverified('fr', 1)).toMatch(/^1 observation de 2026-03 attend encore/);
    expect(unverified('ar', 1)).toContain('ملاحظة واحدة');
    expect(unverified('ar', 2)).toContain('ملاحظتان');
    expect(describeProblem('en', 'rate_limited', { seconds: 1 }).detail).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(describeProblem('en', 'payload_too_large', { limit: 1048576 }).detail).toBe(
      'The request body is larger than 1,048,576 bytes.',
    );
  });

  it('read an argument the error did not give as empty, never failing', () => {
    expect(describeProblem('en', 'not_found', {}).detail).toBe('The  was not found.');
  });
});
