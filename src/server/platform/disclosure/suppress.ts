import type { Config } from '../../config.ts';
import { canVary, cheapestCover, type Edge } from './graph.ts';

/**
 * Disclosure control for counts of people: the one helper every public figure goes through.
 *
 * - Primary suppression: a count from 1 to threshold − 1 is hidden, totals included (a row total of 3 counts
 *   three people as much as a cell does).
 * - Zeros are published. A zero says nobody is in a cell and identifies no one; hiding every zero would
 *   also hide that, for example, no incident was recorded. Zeros may still be hidden as complements, and
 *   then only when no non-zero figure does the job.
 * - Secondary suppression: further figures are hidden until no hidden figure can be worked out exactly from
 *   the published figures, the published totals and the fact that counts are not negative (see graph.ts for
 *   the test, which is exact). Complements are chosen by cost: a non-zero cell is cheapest (larger ones a
 *   little cheaper: they hide more), then a zero cell, then a row or column total, then the grand total.
 * - The result says which figures are hidden and why, and never carries a hidden value. Published figures
 *   are the true values.
 *
 * The guarantee is that every hidden figure has at least two possible values; it does not promise a wide
 * interval (a hidden 3 may be known to be 3 or 4).
 */
export type SuppressionReason = 'primary' | 'secondary';

export type Figure = { suppressed: false; value: number } | { suppressed: true; reason: SuppressionReason };

export interface DisclosureRule {
  /** Counts of people from 1 to threshold − 1 are suppressed. */
  threshold: number;
}

export const disclosureRule = (config: Pick<Config, 'disclosureThreshold'>): DisclosureRule => ({
  threshold: config.disclosureThreshold,
});

export interface ProtectedList {
  items: Figure[];
  total: Figure;
}

export interface ProtectedTable {
  /** cells[row][column], in the order given. */
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  total: Figure;
}

/** A single figure published on its own (no totals to protect against): primary suppression only. */
export function protectCount(count: number, rule: DisclosureRule): Figure {
  checkRule(rule);
  checkCount(count);
  return isPrimary(count, rule) ? { suppressed: true, reason: 'primary' } : { suppressed: false, value: count };
}

/** A one-way list of counts with its total. */
export function protectList(counts: readonly number[], rule: DisclosureRule): ProtectedList {
  checkRule(rule);
  counts.forEach(checkCount);
  const total = sum(counts);
  // Two constraint nodes: the total's (0) and an unconstrained one (1) that every item also touches.
  const edges: Edge[] = [
    ...counts.map((value) => ({ from: 0, to: 1, total: false, value })),
    { from: 0, to: 1, total: true, value: total },
  ];
  const costs = [...counts.map(cellCost), marginCost(total)];
  const figures = solve(edges, 2, costs, rule);
  return { items: figures.slice(0, counts.length), total: figures[counts.length]! };
}

/** A two-way table of counts (rows of equal length) with its row totals, column totals and grand total. */
export function protectTable(counts: readonly (readonly number[])[], rule: DisclosureRule): ProtectedTable {
  checkRule(rule);
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== columns) throw new RangeError('every row of a table must have the same number of columns');
    row.forEach(checkCount);
  }
  const rowTotals = counts.map(sum);
  const columnTotals = Array.from({ length: columns }, (_, column) => sum(counts.map((row) => row[column]!)));
  const grandTotal = sum(rowTotals);

  // Nodes: rows 0..rows−1, the totals row, columns, the totals column.
  const totalsRow = rows;
  const column = (index: number) => rows + 1 + index;
  const totalsColumn = rows + 1 + columns;
  const edges: Edge[] = [];
  const costs: number[] = [];
  const add = (edge: Edge, cost: number) => {
    edges.push(edge);
    costs.push(cost);
  };
  for (const [r, row] of counts.entries()) {
    for (const [c, value] of row.entries()) add({ from: r, to: column(c), total: false, value }, cellCost(value));
  }
  for (const [r, value] of rowTotals.entries())
    add({ from: r, to: totalsColumn, total: true, value }, marginCost(value));
  for (const [c, value] of columnTotals.entries()) {
    add({ from: totalsRow, to: column(c), total: true, value }, marginCost(value));
  }
  add({ from: totalsRow, to: totalsColumn, total: false, value: grandTotal }, 2 * marginCost(grandTotal));

  const figures = solve(edges, totalsColumn + 1, costs, rule);
  const rowsOf = (start: number, count: number, width: number) =>
    Array.from({ length: count }, (_, r) => figures.slice(start + r * width, start + (r + 1) * width));
  const totalsStart = rows * columns;
  return {
    cells: rowsOf(0, rows, columns),
    rowTotals: figures.slice(totalsStart, totalsStart + rows),
    columnTotals: figures.slice(totalsStart + rows, totalsStart + rows + columns),
    total: figures[totalsStart + rows + columns]!,
  };
}

const cellCost = (value: number) => (value === 0 ? 20 : 1 + 1 / (1 + value));
const marginCost = (value: number) => 40 + 1 / (1 + value);
const isPrimary = (count: number, rule: DisclosureRule) => count >= 1 && count < rule.threshold;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function checkRule(rule: DisclosureRule): void {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 1) throw new RangeError('threshold must be an integer ≥ 1');
}

function checkCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('counts must be non-negative integers');
}

function solve(edges: readonly Edge[], nodeCount: number, costs: readonly number[], rule: DisclosureRule): Figure[] {
  const reasons = new Map<number, SuppressionReason>();
  edges.forEach((edge, index) => {
    if (isPrimary(edge.value, rule)) reasons.set(index, 'primary');
  });
  const hidden = new Set(reasons.keys());
  const exposed = () => [...hidden].sort((a, b) => a - b).find((index) => !canVary(edges, nodeCount, hidden, index));

  for (let index = exposed(); index !== undefined; index = exposed()) {
    const cover = cheapestCover(edges, nodeCount, hidden, index, (edge) => costs[edge]!);
    // Unreachable for counts: a hidden figure of at least 1 always closes a cycle through its totals.
    if (!cover) throw new Error('disclosure control found a figure it cannot protect');
    for (const edge of cover) {
      hidden.add(edge);
      reasons.set(edge, 'secondary');
    }
  }

  // Publish again any complement that turns out not to be needed, dearest first.
  const complements = [...reasons].filter(([, reason]) => reason === 'secondary').map(([index]) => index);
  for (const index of complements.sort((a, b) => costs[b]! - costs[a]! || a - b)) {
    hidden.delete(index);
    if (exposed() === undefined) reasons.delete(index);
    else hidden.add(index);
  }

  return edges.map((edge, index): Figure => {
    const reason = reasons.get(index);
    return reason ? { suppressed: true, reason } : { suppressed: false, value: edge.value };
  });
}
