import type { Relationship } from '../../../shared/cases/constants.ts';

/**
 * Whether a household's members hang together: one head, and ages that do not contradict the relationships
 * (a child younger than the head by at least the span of a generation, a parent older by it, a spouse of age to
 * marry). Pure, shared by registration, the import path and the demo, so each refuses the same households for
 * the same reasons. Ages are compared on dates of birth, so a child born the same year as the head is caught.
 */

/** The fewest years between a parent and their child that a registration accepts. */
export const GENERATION_YEARS = 12;
/** The youngest age at which a member may be recorded as the head's spouse. */
export const SPOUSE_MIN_AGE = 15;
/** The oldest age a date of birth may give. */
export const MAX_AGE = 120;

export interface HouseholdMemberFacts {
  relationship: Relationship;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
}

export type HouseholdProblemReason =
  | 'no_head'
  | 'several_heads'
  | 'born_in_future'
  | 'too_old'
  | 'child_not_younger'
  | 'grandchild_not_younger'
  | 'parent_not_older'
  | 'grandparent_not_older'
  | 'spouse_too_young';

/** One contradiction: which member (its position in the list) and which rule it breaks. */
export interface HouseholdProblem {
  member: number;
  reason: HouseholdProblemReason;
}

/** Whole years from `from` to `to` (both `YYYY-MM-DD`), negative when `to` comes first. */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const years = ty - fy;
  return tm < fm || (tm === fm && td < fd) ? years - 1 : years;
}

const isValidDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/**
 * The household's contradictions, in member order; none means it may be registered. `today` is `YYYY-MM-DD`.
 * Dates of birth are assumed valid ISO dates (the request schema checks their shape).
 */
export function householdProblems(members: readonly HouseholdMemberFacts[], today: string): HouseholdProblem[] {
  const problems: HouseholdProblem[] = [];
  const heads = members.flatMap((member, index) => (member.relationship === 'head' ? [index] : []));
  if (heads.length === 0) problems.push({ member: 0, reason: 'no_head' });
  for (const index of heads.slice(1)) problems.push({ member: index, reason: 'several_heads' });
  for (const [index, member] of members.entries()) {
    if (!isValidDate(member.dateOfBirth) || member.dateOfBirth > today) {
      problems.push({ member: index, reason: 'born_in_future' });
    } else if (yearsBetween(member.dateOfBirth, today) > MAX_AGE) {
      problems.push({ member: index, reason: 'too_old' });
    }
  }
  const head = heads.length > 0 ? members[heads[0]!] : undefined;
  if (!head || problems.length > 0) return problems;
  for (const [index, member] of members.entries()) {
    // How many years the head is older than this member (negative when younger).
    const headOlderBy = yearsBetween(head.dateOfBirth, member.dateOfBirth);
    const reason = ((): HouseholdProblemReason | null => {
      switch (member.relationship) {
        case 'child':
        case 'stepchild':
          return member.relationship === 'child' && headOlderBy < GENERATION_YEARS ? 'child_not_younger' : null;
        case 'grandchild':
          return headOlderBy < 2 * GENERATION_YEARS ? 'grandchild_not_younger' : null;
        case 'parent':
          return -headOlderBy < GENERATION_YEARS ? 'parent_not_older' : null;
        case 'grandparent':
          return -headOlderBy < 2 * GENERATION_YEARS ? 'grandparent_not_older' : null;
        case 'spouse':
          return yearsBetween(member.dateOfBirth, today) < SPOUSE_MIN_AGE ? 'spouse_too_young' : null;
        default:
          return null;
      }
    })();
    if (reason) problems.push({ member: index, reason });
  }
  return problems;
}
