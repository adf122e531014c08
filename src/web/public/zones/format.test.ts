import { describe, expect, it } from 'vitest';
import { formatPeriod, hasLanguage, localized, shortHash } from './format.ts';

describe('zone formatting', () => {
  const name = { en: 'North Plain', ar: 'السهل الشمالي' };

  it('names a zone in the reader’s language, else in English', () => {
    expect(localized(name, 'ar')).toBe('السهل الشمالي');
    expect(localized(name, 'fr')).toBe('North Plain');
    expect(localized({ en: 'x', fr: 'Plaine' }, 'fr-CA')).toBe('Plaine');
    expect(localized(undefined, 'en', 'QM01')).toBe('QM01');
    expect(hasLanguage(name, 'ar')).toBe(true);
    expect(hasLanguage(name, 'fr')).toBe(false);
  });

  it('says a period as a month and year in the reader’s language', () => {
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
    expect(formatPeriod('2026-03', 'fr')).toBe('mars 2026');
    expect(formatPeriod('2026-12', 'ar')).toContain('ديسمبر');
    expect(formatPeriod('not a month', 'en')).toBe('not a month');
  });

  it('shortens a hash and leaves short text alone', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});
