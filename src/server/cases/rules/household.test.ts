import { describe, expect, it } from 'vitest';
import { householdProblems, yearsBetween } from './household.ts';

const TODAY = '2026-12-05';

describe('a household whose ages and relationships must agree', () => {
  it('accepts a head, a spouse, children, a parent and a grandchild of plausible ages', () => {
    expect(
      householdProblems(
        [
          { relationship: 'head', dateOfBirth: '1975-03-01' },
          { relationship: 'spouse', dateOfBirth: '1978-07-12' },
          { relationship: 'child', dateOfBirth: '2004-01-30' },
          { relationship: 'stepchild', dateOfBirth: '1990-05-05' },
          { relationship: 'parent', dateOfBirth: '1950-09-09' },
          { relationship: 'grandchild', dateOfBirth: '2024-02-02' },
          { relationship: 'unrelated', dateOfBirth: '2001-01-01' },
        ],
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses a child older than the head, a parent younger, and a spouse of eight', () => {
    expect(
      householdProblems(
        [
          { relationship: 'head', dateOfBirth: '1990-06-15' },
          { relationship: 'child', dateOfBirth: '1985-01-01' },
          { relationship: 'parent', dateOfBirth: '1995-01-01' },
          { relationship: 'spouse', dateOfBirth: '2018-03-03' },
          { relationship: 'grandparent', dateOfBirth: '1970-01-01' },
        ],
        TODAY,
      ),
    ).toEqual([
      { member: 1, reason: 'child_not_younger' },
      { member: 2, reason: 'parent_not_older' },
      { member: 3, reason: 'spouse_too_young' },
      { member: 4, reason: 'grandparent_not_older' },
    ]);
  });

  it('counts a generation in whole years, so a child born eleven years and a day after the head is refused', () => {
    expect(yearsBetween('1990-06-15', '2002-06-14')).toBe(11);
    expect(yearsBetween('1990-06-15', '2002-06-15')).toBe(12);
    const household = (child: string) =>
      householdProblems(
        [
          { relationship: 'head', dateOfBirth: '1990-06-15' },
          { relationship: 'child', dateOfBirth: child },
        ],
        TODAY,
      );
    expect(household('2002-06-14')).toEqual([{ member: 1, reason: 'child_not_younger' }]);
    expect(household('2002-06-15')).toEqual([]);
  });

  it('needs exactly one head, and dates of birth that are real and not in the future', () => {
    expect(householdProblems([{ relationship: 'spouse', dateOfBirth: '1980-01-01' }], TODAY)).toEqual([
      { member: 0, reason: 'no_head' },
    ]);
    expect(
      householdProblems(
        [
          { relationship: 'head', dateOfBirth: '1980-01-01' },
          { relationship: 'head', dateOfBirth: '1981-01-01' },
          { relationship: 'child', dateOfBirth: '2027-01-01' },
          { relationship: 'child', dateOfBirth: '2010-02-30' },
          { relationship: 'parent', dateOfBirth: '1890-01-01' },
        ],
        TODAY,
      ),
    ).toEqual([
      { member: 1, reason: 'several_heads' },
      { member: 2, reason: 'born_in_future' },
      { member: 3, reason: 'born_in_future' },
      { member: 4, reason: 'too_old' },
    ]);
  });
});
