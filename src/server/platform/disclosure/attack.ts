/**
 * Test support: an attacker who knows every published figure of a table, its published totals and that
 * counts are never negative, and searches the non-negative integer tables consistent with them for a second
 * value of each hidden figure. Deliberately independent of graph.ts: it knows nothing of cycles.
 */
export interface Published {
  /** cells[row][column]: the value, or null when hidden. */
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  /** Column totals; a one-way list has none published (all null). */
  columnTotals: (number | null)[];
  total: number | null;
}

export type Target =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'row'; row: number }
  | { kind: 'column'; column: number }
  | { kind: 'total' };

// Rare tables (one in tens of thousands of generated ones) need more than 2 million nodes to find a second value.
const NODE_BUDGET = 20_000_000;

/**
 * Whether some consistent table gives `target` a value other than `truth`. `bound` caps each hidden cell (a
 * hidden cell whose row, column and grand total are all hidden is otherwise unbounded). Throws when the
 * search runs out of budget rather than answer unsure.
 */
export function hasSecondValue(published: Published, target: Target, truth: number, bound: number): boolean {
  const rows = published.cells.length;
  const columns = published.cells[0]?.length ?? 0;
  const grid = published.cells.map((row) => row.map((value) => value ?? 0));
  let unknowns: [number, number][] = [];
  published.cells.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) unknowns.push([r, c]);
    });
  });
  const first = (inFront: (cell: [number, number]) => boolean) =>
    unknowns.filter(inFront).concat(unknowns.filter((cell) => !inFront(cell)));
  if (target.kind === 'cell') unknowns = first(([r, c]) => r === target.row && c === target.column);
  if (target.kind === 'row') unknowns = first(([r]) => r === target.row);
  if (target.kind === 'column') unknowns = first(([, c]) => c === target.column);

  const rowLeft = Array.from({ length: rows }, (_, r) => unknowns.filter(([ur]) => ur === r).length);
  const columnLeft = Array.from({ length: columns }, (_, c) => unknowns.filter(([, uc]) => uc === c).length);
  const rowSum = grid.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSum = Array.from({ length: columns }, (_, c) => grid.reduce((a, row) => a + row[c]!, 0));
  let grandSum = rowSum.reduce((a, b) => a + b, 0);
  let nodes = 0;

  const valueOfTarget = (): number => {
    switch (target.kind) {
      case 'cell':
        return grid[target.row]![target.column]!;
      case 'row':
        return rowSum[target.row]!;
      case 'column':
        return columnSum[target.column]!;
      default:
        return grandSum;
    }
  };

  function candidates(r: number, c: number, isLast: boolean): number[] {
    let high = bound;
    const room = (total: number | null | undefined, sum: number) => (total == null ? bound : total - sum);
    high = Math.min(high, room(published.rowTotals[r], rowSum[r]!), room(published.columnTotals[c], columnSum[c]!));
    high = Math.min(high, room(published.total, grandSum));
    if (high < 0) return [];
    const forced: number[] = [];
    if (rowLeft[r] === 1 && published.rowTotals[r] != null) forced.push(published.rowTotals[r]! - rowSum[r]!);
    if (columnLeft[c] === 1 && published.columnTotals[c] != null)
      forced.push(published.columnTotals[c]! - columnSum[c]!);
    if (isLast && published.total !== null) forced.push(published.total - grandSum);
    if (forced.length > 0) {
      const value = forced[0]!;
      return forced.every((f) => f === value) && value >= 0 && value <= high ? [value] : [];
    }
    const values = Array.from({ length: high + 1 }, (_, v) => v);
    // Nearest to the truth first: a second value, when there is one, is usually next to it.
    if (target.kind === 'cell' && target.row === r && target.column === c) {
      return values.filter((v) => v !== truth).sort((a, b) => Math.abs(a - truth) - Math.abs(b - truth) || a - b);
    }
    return values;
  }

  function consistent(): boolean {
    const matches = (published: number | null | undefined, actual: number) => published == null || published === actual;
    return (
      rowSum.every((sum, r) => matches(published.rowTotals[r], sum)) &&
      columnSum.every((sum, c) => matches(published.columnTotals[c], sum)) &&
      matches(published.total, grandSum)
    );
  }

  function search(index: number): boolean {
    if (++nodes > NODE_BUDGET) throw new Error('attack search ran out of budget');
    if (index === unknowns.length) return consistent() && valueOfTarget() !== truth;
    const [r, c] = unknowns[index]!;
    for (const value of candidates(r, c, index === unknowns.length - 1)) {
      grid[r]![c] = value;
      rowSum[r]! += value;
      columnSum[c]! += value;
      grandSum += value;
      rowLeft[r]!--;
      columnLeft[c]!--;
      const found = search(index + 1);
      rowLeft[r]!++;
      columnLeft[c]!++;
      grandSum -= value;
      columnSum[c]! -= value;
      rowSum[r]! -= value;
      grid[r]![c] = 0;
      if (found) return true;
    }
    return false;
  }

  return search(0);
}

/**
 * A second, linear attacker for tables too large to search: which hidden figures follow from the published
 * ones by the table's sums alone (ignoring non-negativity). Gaussian elimination modulo a prime, which is exact
 * here because every minor of a table's sum constraints is 0 or ±1.
 */
export function linearlyDetermined(published: Published): Target[] {
  const rows = published.cells.length;
  const columns = published.cells[0]?.length ?? 0;
  const variables: Target[] = [];
  const variable = new Map<string, number>();
  const hide = (key: string, target: Target) => {
    variable.set(key, variables.length);
    variables.push(target);
  };
  published.cells.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) hide(`cell ${r} ${c}`, { kind: 'cell', row: r, column: c });
    });
  });
  published.rowTotals.forEach((value, r) => {
    if (value === null) hide(`row ${r}`, { kind: 'row', row: r });
  });
  published.columnTotals.forEach((value, c) => {
    if (value === null) hide(`column ${c}`, { kind: 'column', column: c });
  });
  if (published.total === null) hide('total', { kind: 'total' });

  // Each equation: the hidden parts of "sum of parts − whole = 0" (published values only move the constant).
  const equations: Map<number, number>[] = [];
  const equation = (parts: string[], whole: string) => {
    const coefficients = new Map<number, number>();
    for (const part of parts) if (variable.has(part)) coefficients.set(variable.get(part)!, 1);
    if (variable.has(whole)) coefficients.set(variable.get(whole)!, -1);
    equations.push(coefficients);
  };
  for (let r = 0; r < rows; r++)
    equation(
      Array.from({ length: columns }, (_, c) => `cell ${r} ${c}`),
      `row ${r}`,
    );
  for (let c = 0; c < columns; c++)
    equation(
      Array.from({ length: rows }, (_, r) => `cell ${r} ${c}`),
      `column ${c}`,
    );
  equation(
    Array.from({ length: rows }, (_, r) => `row ${r}`),
    'total',
  );
  equation(
    Array.from({ length: columns }, (_, c) => `column ${c}`),
    'total',
  );

  const reduced = reducedRowEchelon(
    equations.map((coefficients) => Array.from({ length: variables.length }, (_, k) => coefficients.get(k) ?? 0)),
  );
  // A hidden figure is determined exactly when a row of the reduced system names it alone.
  return variables.filter((_, k) => reduced.some((row) => row[k] !== 0 && row.every((x, j) => j === k || x === 0)));
}

const PRIME = 1_000_003;
const mod = (x: number) => ((x % PRIME) + PRIME) % PRIME;

function inverse(a: number): number {
  let [result, base, exponent] = [1, mod(a), PRIME - 2];
  while (exponent > 0) {
    if (exponent & 1) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
    exponent >>= 1;
  }
  return result;
}

function reducedRowEchelon(matrix: number[][]): number[][] {
  const rows = matrix.map((row) => row.map(mod));
  const width = rows[0]?.length ?? 0;
  let pivotRow = 0;
  for (let column = 0; column < width && pivotRow < rows.length; column++) {
    const found = rows.findIndex((row, index) => index >= pivotRow && row[column] !== 0);
    if (found === -1) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const scale = inverse(pivot[column]!);
    for (let j = 0; j < width; j++) pivot[j] = (pivot[j]! * scale) % PRIME;
    rows.forEach((row, index) => {
      if (index === pivotRow || row[column] === 0) return;
      const factor = row[column]!;
      for (let j = 0; j < width; j++) row[j] = mod(row[j]! - factor * pivot[j]!);
    });
    pivotRow++;
  }
  return rows;
}
