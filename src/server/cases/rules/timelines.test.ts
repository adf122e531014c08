import { describe, expect, it } from 'vitest';
import { type DecidedDecisions, decisionTimelines, median } from './timelines.ts';

const DAY_MS = 86_400_000;
/** One decision, as the database groups them (a count of 1), from its dates. */
const decision = (stateCode: string, registeredOn: string, decidedOn: string, dueOn: string): DecidedDecisions => ({
  kind: 'eligibility',
  stateCode,
  month: decidedOn.slice(0, 7),
  days: (Date.parse(decidedOn) - Date.parse(registeredOn)) / DAY_MS,
  withinServiceLevel: decidedOn <= dueOn,
  count: 1,
});

/** Eight eligibility decisions: four in QM in March, three in QM in April, one in QT in March. */
const DECISIONS = [
  decision('QM', '2026-03-01', '2026-03-11', '2026-03-20'), // 10 days, in time
  decision('QM', '2026-03-01', '2026-03-21', '2026-03-20'), // 20 days, late
  decision('QM', '2026-02-20', '2026-03-31', '2026-04-01'), // 39 days, in time
  decision('QM', '2026-03-01', '2026-03-05', '2026-03-20'), // 4 days, in time
  decision('QM', '2026-04-01', '2026-04-06', '2026-04-30'), // 5 days, in time
  decision('QM', '2026-04-01', '2026-04-08', '2026-04-30'), // 7 days, in time
  decision('QM', '2026-03-10', '2026-04-09', '2026-04-08'), // 30 days, late
  decision('QT', '2026-03-01', '2026-03-03', '2026-03-31'), // alone: hidden
];

describe('decision timelines', () => {
  it('takes the median, the mean of the middle two for an even count', () => {
    const once = (values: number[]) => values.map((value) => [value, 1] as const);
    expect(median([])).toBeNull();
    expect(median(once([7]))).toBe(7);
    expect(median(once([10, 20, 39, 4]))).toBe(15);
    expect(median(once([30, 5, 7]))).toBe(7);
    // Counted values: 2, 2, 2, 9 → (2 + 2) / 2; 1, 5, 5, 5, 5 → 5.
    expect(
      median([
        [9, 1],
        [2, 3],
      ]),
    ).toBe(2);
    expect(
      median([
        [5, 4],
        [1, 1],
      ]),
    ).toBe(5);
    expect(
      median([
        [4, 1],
        [8, 1],
      ]),
    ).toBe(6);
  });

  it('gives median days and the share within the service level by kind, state and month', () => {
    const timelines = decisionTimelines(DECISIONS, { threshold: 3 });
    const april = timelines.byStateMonth.find((row) => row.stateCode === 'QM' && row.month === '2026-04');
    expect(april).toEqual({
      kind: 'eligibility',
      stateCode: 'QM',
      month: '2026-04',
      decisions: 3,
      medianDays: 7,
      withinServiceLevel: 0.667,
      suppressed: null,
    });
    expect(timelines.byKind.find((row) => row.kind === 'eligibility')).toEqual({
      kind: 'eligibility',
      decisions: 8,
      medianDays: 8.5,
      withinServiceLevel: 0.75,
      suppressed: null,
    });
    expect(timelines.byKind.find((row) => row.kind === 'registration')).toMatchObject({
      decisions: 0,
      medianDays: null,
      suppressed: null,
    });
  });

  it('gives the same figures for decisions counted one by one or grouped', () => {
    const grouped = decisionTimelines(
      [
        { ...DECISIONS[0]!, count: 2 },
        { ...DECISIONS[1]!, count: 1 },
      ],
      { threshold: 1 },
    );
    const single = decisionTimelines([DECISIONS[0]!, DECISIONS[0]!, DECISIONS[1]!], { threshold: 1 });
    expect(grouped).toEqual(single);
    expect(grouped.byKind[1]).toMatchObject({ kind: 'eligibility', decisions: 3, medianDays: 10 });
  });

  it('hides a group below the threshold, and another so that the total does not give it away', () => {
    const timelines = decisionTimelines(DECISIONS, { threshold: 3 });
    const alone = timelines.byStateMonth.find((row) => row.stateCode === 'QT');
    expect(alone).toEqual({
      kind: 'eligibility',
      stateCode: 'QT',
      month: '2026-03',
      decisions: null,
      medianDays: null,
      withinServiceLevel: null,
      suppressed: 'primary',
    });
    const hidden = timelines.byStateMonth.filter((row) => row.suppressed !== null);
    expect(hidden.map((row) => row.suppressed).sort()).toEqual(['primary', 'secondary']);
    const published = timelines.byStateMonth.filter((row) => row.suppressed === null);
    expect(published.reduce((sum, row) => sum + (row.decisions ?? 0), 0)).toBeLessThan(8 - 1);
    // With a threshold of 1 nothing is hidden.
    expect(decisionTimelines(DECISIONS, { threshold: 1 }).byStateMonth.every((row) => row.suppressed === null)).toBe(
      true,
    );
  });
});
