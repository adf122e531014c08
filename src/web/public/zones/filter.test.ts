import { describe, expect, it } from 'vitest';
import type { PublicZone } from '../../../shared/zones/schemas.ts';
import {
  countByClass,
  filterFromSearch,
  filterToSearch,
  filterZones,
  invalidClass,
  matchesZone,
  searchable,
} from './filter.ts';

const zone = (pcode: string, name: PublicZone['name'], zoneClass: PublicZone['class']): PublicZone => ({
  pcode,
  parentPcode: null,
  level: 'admin1',
  name,
  class: zoneClass,
  period: '2026-03',
  publicationId: '00000000-0000-4000-8000-000000000001',
  summary: '',
});

const zones = [
  zone('QM02', { en: 'Bérë Hills', fr: 'Collines de Bérë' }, 'not_conducive'),
  zone('QM01', { en: 'North Plain', ar: 'السهل الشمالي' }, 'conducive'),
  zone('QM0101', { en: 'Amir Town', ar: 'أمير' }, 'conditionally_conducive'),
];
const all = { text: '', zoneClass: null };

describe('filtering the zone table', () => {
  it('keeps every zone, by P-code, when nothing is asked', () => {
    expect(filterZones(zones, all).map((z) => z.pcode)).toEqual(['QM01', 'QM0101', 'QM02']);
  });

  it('finds a zone by any part of its P-code or of its name in any language, ignoring case and accents', () => {
    expect(filterZones(zones, { ...all, text: 'qm01' }).map((z) => z.pcode)).toEqual(['QM01', 'QM0101']);
    expect(filterZones(zones, { ...all, text: 'bere' }).map((z) => z.pcode)).toEqual(['QM02']);
    expect(filterZones(zones, { ...all, text: 'collines' }).map((z) => z.pcode)).toEqual(['QM02']);
    expect(filterZones(zones, { ...all, text: 'الشمالي' }).map((z) => z.pcode)).toEqual(['QM01']);
    // Hamza forms of alef count as alef.
    expect(filterZones(zones, { ...all, text: 'امير' }).map((z) => z.pcode)).toEqual(['QM0101']);
  });

  it('asks every word to match', () => {
    expect(matchesZone(zones[1]!, { ...all, text: '  north   plain ' })).toBe(true);
    expect(matchesZone(zones[1]!, { ...all, text: 'north hills' })).toBe(false);
  });

  it('keeps one class', () => {
    expect(filterZones(zones, { text: '', zoneClass: 'conducive' }).map((z) => z.pcode)).toEqual(['QM01']);
    expect(filterZones(zones, { text: 'qm02', zoneClass: 'conducive' })).toEqual([]);
  });

  it('counts the zones of every class, zero included', () => {
    expect(countByClass(zones)).toEqual({
      not_conducive: 1,
      insufficient_data: 0,
      conditionally_conducive: 1,
      conducive: 1,
    });
  });

  it('keeps the filter in the address and ignores a class that does not exist', () => {
    const filter = { text: 'north', zoneClass: 'conducive' as const };
    expect(filterFromSearch(filterToSearch(filter))).toEqual(filter);
    expect(filterToSearch(all).toString()).toBe('');
    expect(filterFromSearch(new URLSearchParams('class=safe'))).toEqual(all);
  });

  it('says when the address names a class that does not exist (the page then shows the error)', () => {
    expect(invalidClass(new URLSearchParams('q=x&class=safe'))).toBe(true);
    expect(invalidClass(new URLSearchParams('class=conducive'))).toBe(false);
    expect(invalidClass(new URLSearchParams('class='))).toBe(false);
    expect(invalidClass(new URLSearchParams('q=x'))).toBe(false);
  });

  it('compares text without case, accents or Arabic short vowels', () => {
    expect(searchable('  Éé  Ü ')).toBe('ee u');
    expect(searchable('مَدِينَة')).toBe('مدينة');
  });
});
