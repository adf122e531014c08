import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { hasSecondValue, linearlyDetermined, type Published, type Target } from './attack.ts';
import {
  disclosureRule,
  type Figure,
  type ProtectedList,
  type ProtectedTable,
  protectCount,
  protectList,
  protectTable,
} from './suppress.ts';

const rule = { threshold: 10 };
const shown = (figure: Figure) => (figure.suppressed ? null : figure.value);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const figuresOf = (result: ProtectedTable) => [
  ...result.cells.flat(),
  ...result.rowTotals,
  ...result.columnTotals,
  result.total,
];

function publishedTable(result: ProtectedTable): Published {
  return {
    cells: result.cells.map((row) => row.map(shown)),
    rowTotals: result.rowTotals.map(shown),
    columnTotals: result.columnTotals.map(shown),
    total: shown(result.total),
  };
}

/** Every hidden figure of the table, with its true value. */
function hiddenFigures(counts: number[][], result: ProtectedTable): { target: Target; truth: number }[] {
  const hidden: { target: Target; truth: number }[] = [];
  result.cells.forEach((row, r) => {
    row.forEach((figure, c) => {
      if (figure.suppressed) hidden.push({ target: { kind: 'cell', row: r, column: c }, truth: counts[r]![c]! });
    });
  });
  result.rowTotals.forEach((figure, r) => {
    if (figure.suppressed) hidden.push({ target: { kind: 'row', row: r }, truth: sum(counts[r]!) });
  });
  result.columnTotals.forEach((figure, c) => {
    if (figure.suppressed)
      hidden.push({ target: { kind: 'column', column: c }, truth: sum(counts.map((row) => row[c]!)) });
  });
  if (result.total.suppressed) hidden.push({ target: { kind: 'total' }, truth: sum(counts.flat()) });
  return hidden;
}

/** Counts of people as they come: many zeros and small counts, some large ones. */
const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 3, arbitrary: fc.integer({ min: 10, max: 30 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
  );
const threshold = fc.oneof(fc.constant(10), fc.integer({ min: 1, max: 12 }));

describe('disclosure control of a two-way table', () => {
  it('hides small counts and the complements that keep them from being worked out', () => {
    const result = protectTable(
      [
        [20, 3, 15],
        [12, 14, 25],
        [30, 22, 8],
      ],
      rule,
    );
    expect(result.cells.map((row) => row.map((figure) => (figure.suppressed ? figure.reason : figure.value)))).toEqual([
      [20, 'primary', 'secondary'],
      [12, 14, 25],
      [30, 'secondary', 'primary'],
    ]);
    expect(result.rowTotals).toEqual([38, 51, 60].map((value) => ({ suppressed: false, value })));
    expect(result.columnTotals).toEqual([62, 39, 48].map((value) => ({ suppressed: false, value })));
    expect(result.total).toEqual({ suppressed: false, value: 149 });
  });

  it('treats small totals as counts of people too', () => {
    const result = protectTable(
      [
        [2, 3],
        [40, 50],
      ],
      rule,
    );
    expect(result.cells[0]).toEqual([
      { suppressed: true, reason: 'primary' },
      { suppressed: true, reason: 'primary' },
    ]);
    expect(result.rowTotals[0]).toEqual({ suppressed: true, reason: 'primary' });
    // With the grand total published, a lone hidden row total would be the grand total minus the others.
    expect(result.rowTotals[1]).toEqual({ suppressed: true, reason: 'secondary' });
    expect(result.total).toEqual({ suppressed: false, value: 95 });
  });

  it('publishes zeros and leaves a table without small counts alone', () => {
    const counts = [
      [0, 12],
      [15, 0],
    ];
    const result = protectTable(counts, rule);
    expect(figuresOf(result).every((figure) => !figure.suppressed)).toBe(true);
    expect(result.cells.map((row) => row.map(shown))).toEqual(counts);
  });

  it('never lets an attacker recover a hidden figure from the published figures, totals and non-negativity', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const result = protectTable(counts, { threshold: t });
        const published = publishedTable(result);
        const bound = sum(counts.flat()) + 1;
        for (const { target, truth } of hiddenFigures(counts, result)) {
          expect(hasSecondValue(published, target, truth, bound), JSON.stringify(target)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('publishes only true values, never a count under the threshold, and never a hidden value', () => {
    fc.assert(
      fc.property(table, threshold, (counts, t) => {
        const result = protectTable(counts, { threshold: t });
        const truths = [
          ...counts.flat(),
          ...counts.map((row) => sum(row)),
          ...counts[0]!.map((_, c) => sum(counts.map((row) => row[c]!))),
          sum(counts.flat()),
        ];
        figuresOf(result).forEach((figure, index) => {
          if (figure.suppressed) {
            expect(Object.keys(figure).sort()).toEqual(['reason', 'suppressed']);
          } else {
            expect(figure.value).toBe(truths[index]);
            expect(figure.value === 0 || figure.value >= t).toBe(true);
          }
          if (truths[index]! >= 1 && truths[index]! < t)
            expect(figure).toEqual({ suppressed: true, reason: 'primary' });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('in larger tables, leaves no hidden figure that the sums alone determine', () => {
    const big = fc
      .tuple(fc.integer({ min: 3, max: 12 }), fc.integer({ min: 3, max: 12 }))
      .chain(([rows, columns]) =>
        fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
      );
    fc.assert(
      fc.property(big, threshold, (counts, t) => {
        const result = protectTable(counts, { threshold: t });
        expect(
          figuresOf(result).filter((figure) => !figure.suppressed && figure.value > 0 && figure.value < t),
        ).toEqual([]);
        expect(linearlyDetermined(publishedTable(result))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('is caught by the linear attacker when secondary suppression is left out', () => {
    // The attacker must be able to fail: a lone hidden cell in a row with a published total is found.
    const published: Published = {
      cells: [
        [null, 20],
        [15, 25],
      ],
      rowTotals: [23, 40],
      columnTotals: [18, 45],
      total: 63,
    };
    expect(linearlyDetermined(published)).toEqual([{ kind: 'cell', row: 0, column: 0 }]);
    expect(hasSecondValue(published, { kind: 'cell', row: 0, column: 0 }, 3, 64)).toBe(false);
  });

  it('has an enumerating attacker that uses non-negativity where the sums alone say nothing', () => {
    const published: Published = {
      cells: [
        [null, null],
        [null, null],
      ],
      rowTotals: [5, 0],
      columnTotals: [5, 0],
      total: 5,
    };
    expect(linearlyDetermined(published)).toEqual([]);
    expect(hasSecondValue(published, { kind: 'cell', row: 0, column: 0 }, 5, 6)).toBe(false);
    expect(
      hasSecondValue(
        { ...published, rowTotals: [5, 1], columnTotals: [5, 1], total: 6 },
        { kind: 'cell', row: 0, column: 0 },
        5,
        7,
      ),
    ).toBe(true);
  });

  it('refuses counts that are not non-negative integers and ragged tables', () => {
    expect(() => protectTable([[1, -1]], rule)).toThrow(RangeError);
    expect(() => protectTable([[1.5]], rule)).toThrow(RangeError);
    expect(() => protectTable([[1, 2], [3]], rule)).toThrow(RangeError);
    expect(() => protectTable([[1]], { threshold: 0 })).toThrow(RangeError);
  });
});

describe('disclosure control of a list with its total', () => {
  const listAsTable = (result: ProtectedList): Published => ({
    cells: [result.items.map(shown)],
    rowTotals: [shown(result.total)],
    columnTotals: result.items.map(() => null),
    total: shown(result.total),
  });

  it('hides a small count and the largest other count, keeping zeros published', () => {
    const result = protectList([3, 40, 0, 25, 12], rule);
    expect(result.items).toEqual([
      { suppressed: true, reason: 'primary' },
      { suppressed: true, reason: 'secondary' },
      { suppressed: false, value: 0 },
      { suppressed: false, value: 25 },
      { suppressed: false, value: 12 },
    ]);
    expect(result.total).toEqual({ suppressed: false, value: 80 });
  });

  it('hides the total when it is itself small, and then needs no complement', () => {
    expect(protectList([3, 0, 0], rule)).toEqual({
      items: [
        { suppressed: true, reason: 'primary' },
        { suppressed: false, value: 0 },
        { suppressed: false, value: 0 },
      ],
      total: { suppressed: true, reason: 'primary' },
    });
  });

  it('never lets an attacker recover a hidden count', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 7 }), threshold, (counts, t) => {
        const result = protectList(counts, { threshold: t });
        const published = listAsTable(result);
        const bound = sum(counts) + 1;
        result.items.forEach((figure, column) => {
          if (!figure.suppressed) {
            expect(figure.value).toBe(counts[column]);
            expect(figure.value === 0 || figure.value >= t).toBe(true);
            return;
          }
          const target = { kind: 'cell', row: 0, column } as const;
          expect(hasSecondValue(published, target, counts[column]!, bound)).toBe(true);
        });
        if (result.total.suppressed) {
          expect(hasSecondValue(published, { kind: 'total' }, sum(counts), bound)).toBe(true);
        } else {
          expect(result.total.value).toBe(sum(counts));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a single figure', () => {
  it('is suppressed from 1 to threshold − 1 and published otherwise', () => {
    expect(protectCount(0, rule)).toEqual({ suppressed: false, value: 0 });
    expect(protectCount(9, rule)).toEqual({ suppressed: true, reason: 'primary' });
    expect(protectCount(10, rule)).toEqual({ suppressed: false, value: 10 });
  });

  it('uses the configured threshold', () => {
    const configured = disclosureRule(loadConfig({ HOMEWARD_DISCLOSURE_THRESHOLD: '5' }));
    expect(protectCount(5, configured)).toEqual({ suppressed: false, value: 5 });
    expect(protectCount(4, configured)).toEqual({ suppressed: true, reason: 'primary' });
    expect(disclosureRule(loadConfig({})).threshold).toBe(10);
  });
});
