/**
 * A benchmark scenario measures one figure and, in the same run, the limit it is compared against
 * (the same work done the simplest possible way). `npm run bench` prints figure, limit and ratio.
 */
export interface ScenarioResult {
  figure: number;
  /** The comparison measured in the same run; omit for figures reported against a fixed target only. */
  limit?: number;
  unit: string;
  /** Whether a larger figure is better (throughput) or worse (time, size). */
  higherIsBetter: boolean;
  /** Human statement of the target, e.g. "≥ 50 % of limit" or "< 3 s". */
  target: string;
  /** Whether the target was met. */
  met: boolean;
  notes?: string;
}

export interface Scenario {
  name: string;
  run(): Promise<ScenarioResult>;
}

/** figure/limit expressed so that 100 % means "as good as the limit" whichever way is better. */
export function ratio(result: Pick<ScenarioResult, 'figure' | 'limit' | 'higherIsBetter'>): number | undefined {
  if (result.limit === undefined || result.limit === 0 || result.figure === 0) return undefined;
  return result.higherIsBetter ? result.figure / result.limit : result.limit / result.figure;
}
