import { describe, expect, it } from 'vitest';
import { type DemoDestinations, generateDemoHouseholds } from './demo-story.ts';
import { householdProblems } from './rules/household.ts';

const NOW = new Date('2026-03-15T10:00:00Z');
const DESTINATIONS: DemoDestinations = {
  conducive: ['QM0101001', 'QM0101002'],
  alwaysConducive: ['QM0101001'],
  conditionallyConducive: ['QM0201001'],
  notConducive: ['QM0301001'],
  any: ['QM0101001', 'QM0101002', 'QM0201001', 'QM0301001'],
  deteriorating: {
    pcode: 'QM0102002',
    downgradedOn: '2026-03-02',
    from: 'conducive',
    to: 'not_conducive',
    period: '2026-02',
  },
};

describe('the demo households', () => {
  it('would all pass registration: one head, and ages that agree with the relationships', () => {
    const households = generateDemoHouseholds(DESTINATIONS, NOW);
    expect(households.length).toBeGreaterThan(1900);
    const refused = households.filter(
      (household) =>
        householdProblems(
          household.people.map((person) => ({
            relationship: person.relationship,
            dateOfBirth: person.fields.dateOfBirth,
          })),
          '2026-03-15',
        ).length > 0,
    );
    expect(refused.map((household) => household.reference)).toEqual([]);
  });
});
