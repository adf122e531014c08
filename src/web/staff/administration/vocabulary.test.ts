import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, SHARING_PURPOSES } from '../../../shared/vocabulary.ts';

const english = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../../i18n/locales/en.json'), 'utf8'),
) as Record<string, string>;

describe('administration vocabulary', () => {
  it('names every sharing purpose and data category (the catalogue test then checks every language)', () => {
    const needed = [
      ...SHARING_PURPOSES.map((purpose) => `purpose.${purpose}`),
      ...DATA_CATEGORIES.map((category) => `dataCategory.${category}`),
    ];
    expect(needed.filter((key) => !(key in english))).toEqual([]);
  });
});
