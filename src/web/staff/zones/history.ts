import type { Assessment, FrameworkDefinition, IndicatorAssessment } from './types.ts';

/** One indicator across periods, oldest first: its assessment in each period (undefined: not assessed). */
export interface IndicatorHistoryRow {
  criterion: string;
  indicator: string;
  cells: { period: string; assessment: IndicatorAssessment | undefined }[];
}

/**
 * The zone's indicators over `periods` (oldest first), from its assessments, matched by criterion and indicator
 * code so that periods assessed under an earlier framework version still line up.
 */
export function indicatorHistory(
  assessments: readonly Assessment[],
  framework: FrameworkDefinition,
  periods: readonly string[],
): IndicatorHistoryRow[] {
  const byPeriod = new Map(assessments.map((assessment) => [assessment.period, assessment]));
  return framework.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => ({
      criterion: criterion.code,
      indicator: indicator.code,
      cells: periods.map((period) => ({
        period,
        assessment: byPeriod
          .get(period)
          ?.criteria.find((candidate) => candidate.criterion === criterion.code)
          ?.indicators.find((candidate) => candidate.indicator === indicator.code),
      })),
    })),
  );
}

/** Where each value sits in a box of that size, left to right, higher values higher (null stays null). */
export function sparklinePoints(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): ({ x: number; y: number } | null)[] {
  const known = values.filter((value): value is number => value !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  return values.map((value, index) =>
    value === null
      ? null
      : {
          x: round(values.length > 1 ? pad + stepX * index : width / 2),
          y: round(high === low ? height / 2 : pad + (height - 2 * pad) * (1 - (value - low) / (high - low))),
        },
  );
}

/** An SVG path through the points; a gap (null) breaks the line. Empty when there is nothing to draw. */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 2): string {
  let drawing = false;
  const moves: string[] = [];
  for (const point of sparklinePoints(values, width, height, pad)) {
    if (!point) {
      drawing = false;
      continue;
    }
    moves.push(`${drawing ? 'L' : 'M'}${point.x} ${point.y}`);
    drawing = true;
  }
  return moves.join(' ');
}
