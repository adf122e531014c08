import { describe, expect, it } from 'vitest';
import '../../zones/problems.ts';
import '../accounts/problems.ts';
import '../audit/problems.ts';
import '../auth/problems.ts';
import '../policy/problems.ts';
import { problemCatalogues } from './problems.ts';

describe('problem texts', () => {
  it('name every problem and reason in every language', () => {
    const english = Object.keys(problemCatalogues.en).sort();
    expect(english).toEqual(expect.arrayContaining(['forbidden.organisation_reach', 'forbidden.whole_account']));
    for (const language of ['ar', 'fr'] as const) {
      expect(Object.keys(problemCatalogues[language]).sort(), language).toEqual(english);
    }
  });
});
