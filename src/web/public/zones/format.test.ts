import { describe, expect, it } from 'vitest';
import { formatPeriod, formatValue, hasLanguage, localized, shortHash } from './format.ts';
import { translator } from './testing.ts';

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

  it('gives a value with its unit', () => {
    const en = translator('en');
    expect(formatValue(en, 'percent', 45.5)).toBe('45.5%');
    expect(formatValue(en, 'rate_per_10000', 3.2)).toBe('3.2 per 10,000 people');
    expect(formatValue(en, 'hours_per_day', 1)).toBe('1 hour a day');
    expect(formatValue(en, 'hours_per_day', 6)).toBe('6 hours a day');
    expect(formatValue(en, 'days', 12)).toBe('12 days');
    expect(formatValue(en, 'count', 12500)).toBe('12,500');
    expect(formatValue(en, 'yes_no', 1)).toBe('yes');
    expect(formatValue(en, 'yes_no', 0)).toBe('no');
    expect(formatValue(en, undefined, 7)).toBe('7');
    expect(formatValue(translator('fr'), 'percent', 45.5)).toBe('45,5 %');
    expect(formatValue(translator('fr'), 'yes_no', 0)).toBe('non');
    expect(formatValue(translator('ar'), 'days', 2)).toBe('يومان');
  });

  it('shortens a hash and leaves short text alone', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});
