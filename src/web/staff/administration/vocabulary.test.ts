import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, SHARING_PURPOSES } from '../../../shared/vocabulary.ts';
import { readCatalogue } from '../../i18n/read-catalogue.ts';

const english = readCatalogue('en');

describe('administration vocabulary', () => {
  it('names every sharing purpose and data category (the catalogue test then checks every language)', () => {
    const needed = [
      ...SHARING_PURPOSES.map((purpose) => `purpose.${purpose}`),
      ...DATA_CATEGORIES.map((category) => `dataCategory.${category}`),
    ];
    expect(needed.filter((key) => !(key in english))).toEqual([]);
  });
});
