import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_RULES } from '../../../shared/cases/constants.ts';
import { ZONE_CLASSES } from '../../../shared/zones/constants.ts';
import {
  checkEligibility,
  countFiles,
  destinationRow,
  type EligibilityFacts,
  type FileFacts,
  isEligible,
} from './eligibility.ts';

const completeFile: FileFacts = {
  status: 'complete',
  intentionOn: '2026-10-01',
  counselled: true,
  informed: true,
  declarationSignedOn: '2026-11-01',
  coolingOffEndsOn: '2026-11-08',
};

const eligible: EligibilityFacts = {
  today: '2026-12-01',
  requiredFiles: 2,
  files: countFiles([completeFile, completeFile]),
  openProtectionFlags: 0,
  needsWithoutPlan: 0,
  documentsMissing: 0,
  destination: {
    pcode: 'QM0101',
    class: 'conducive',
    period: '2026-11',
    publicationId: 'p-nov',
    fresh: true,
    conditionsAddressedFor: null,
  },
};

const row = (facts: EligibilityFacts, rule: (typeof ELIGIBILITY_RULES)[number]) =>
  checkEligibility(facts).find((candidate) => candidate.rule === rule)!;

describe('eligibility', () => {
  it('gives one row per rule, in order, and passes a complete case to a fresh conducive zone', () => {
    const rows = checkEligibility(eligible);
    expect(rows.map((r) => r.rule)).toEqual([...ELIGIBILITY_RULES]);
    expect(rows.every((r) => r.passed)).toBe(true);
    expect(isEligible(rows)).toBe(true);
    expect(rows[0]).toMatchObject({ reason: 'complete', params: { files: 2, coolingOffEndedOn: '2026-11-08' } });
  });

  it('says which voluntariness step is missing, first in the order of the file', () => {
    const noCounselling = { ...completeFile, counselled: false, informed: false };
    expect(
      row({ ...eligible, files: countFiles([completeFile, noCounselling]) }, 'voluntariness_complete'),
    ).toMatchObject({
      passed: false,
      reason: 'step_missing',
      params: { step: 'counselling', files: 1 },
    });
    expect(row({ ...eligible, files: countFiles([completeFile]) }, 'voluntariness_complete')).toMatchObject({
      passed: false,
      reason: 'files_missing',
      params: { missing: 1, required: 2 },
    });
  });

  it('waits for the cooling-off period of the last declaration, and passes on its last day', () => {
    const later = { ...completeFile, declarationSignedOn: '2026-11-28', coolingOffEndsOn: '2026-12-05' };
    const facts = { ...eligible, files: countFiles([completeFile, later]) };
    expect(row({ ...facts, today: '2026-12-04' }, 'voluntariness_complete')).toMatchObject({
      passed: false,
      reason: 'cooling_off',
      params: { until: '2026-12-05' },
    });
    expect(row({ ...facts, today: '2026-12-05' }, 'voluntariness_complete').passed).toBe(true);
  });

  it('fails a household where anyone withdrew, whatever else is done', () => {
    const withdrawn = { ...completeFile, status: 'withdrawn' as const };
    expect(row({ ...eligible, files: countFiles([completeFile, withdrawn]) }, 'voluntariness_complete')).toMatchObject({
      passed: false,
      reason: 'withdrawn',
    });
  });

  it('counts open protection flags, needs without a plan and missing documents', () => {
    const facts = { ...eligible, openProtectionFlags: 1, needsWithoutPlan: 2, documentsMissing: 3 };
    expect(row(facts, 'no_open_protection_flag')).toMatchObject({ passed: false, params: { count: 1 } });
    expect(row(facts, 'needs_planned')).toMatchObject({ passed: false, params: { count: 2 } });
    expect(row(facts, 'documents_ready')).toMatchObject({ passed: false, params: { count: 3 } });
    expect(isEligible(checkEligibility(facts))).toBe(false);
  });

  describe('the destination (non-refoulement guard)', () => {
    const destination = eligible.destination;
    it.each([
      [{ class: 'not_conducive' as const }, 'not_conducive'],
      [{ class: 'insufficient_data' as const }, 'insufficient_data'],
      [{ period: null, publicationId: null, class: 'insufficient_data' as const, fresh: false }, 'not_published'],
      [{ fresh: false }, 'class_stale'],
      [{ class: 'conditionally_conducive' as const }, 'conditions_not_addressed'],
      [
        { class: 'conditionally_conducive' as const, conditionsAddressedFor: 'p-oct' },
        'conditions_addressed_for_earlier_class',
      ],
    ])('refuses %o: %s', (change, reason) => {
      expect(destinationRow({ ...destination, ...change })).toMatchObject({
        rule: 'destination_safe',
        passed: false,
        reason,
        overridable: false,
      });
    });

    it('accepts a conditionally conducive zone once its conditions are addressed for this publication', () => {
      expect(
        destinationRow({ ...destination, class: 'conditionally_conducive', conditionsAddressedFor: 'p-nov' }),
      ).toMatchObject({ passed: true, reason: 'conditions_addressed', params: { pcode: 'QM0101', period: '2026-11' } });
    });

    it('never lets a household go to a zone that is not conducive, however complete its case', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ZONE_CLASSES),
          fc.boolean(),
          fc.option(fc.constantFrom('p-nov', 'p-oct')),
          (zoneClass, fresh, addressed) => {
            const rows = checkEligibility({
              ...eligible,
              destination: { ...destination, class: zoneClass, fresh, conditionsAddressedFor: addressed },
            });
            const safe =
              fresh &&
              (zoneClass === 'conducive' || (zoneClass === 'conditionally_conducive' && addressed === 'p-nov'));
            expect(isEligible(rows)).toBe(safe);
          },
        ),
      );
    });
  });
});
