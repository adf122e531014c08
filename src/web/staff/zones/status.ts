import { ZONE_CLASS_RANK } from '../../../shared/zones/constants.ts';
import type { Tone } from '../components/StatusBadge.tsx';
import type { IndicatorDefinition, ZoneClass } from './types.ts';

/**
 * Where a value falls against an indicator's thresholds, as the server judges it: green at or beyond `green`,
 * red beyond `red`, amber between (beyond means above for higher_is_better, below for lower_is_better).
 */
export function thresholdStatus(
  indicator: Pick<IndicatorDefinition, 'direction' | 'green' | 'red'>,
  value: number,
): 'green' | 'amber' | 'red' {
  if (indicator.direction === 'higher_is_better') {
    if (value >= indicator.green) return 'green';
    return value < indicator.red ? 'red' : 'amber';
  }
  if (value <= indicator.green) return 'green';
  return value > indicator.red ? 'red' : 'amber';
}

/** Whether the thresholds can hold together: red may not start on the green side of green. */
export const thresholdsAgree = (indicator: Pick<IndicatorDefinition, 'direction' | 'green' | 'red'>) =>
  indicator.direction === 'higher_is_better' ? indicator.red <= indicator.green : indicator.red >= indicator.green;

export type ClassChange = 'improved' | 'worsened' | 'unchanged' | 'first';

/** How a zone's class moved since the previous period, in words the review shows (never only a colour). */
export function classChange(previous: ZoneClass | null, current: ZoneClass): ClassChange {
  if (previous === null) return 'first';
  const difference = ZONE_CLASS_RANK[current] - ZONE_CLASS_RANK[previous];
  return difference > 0 ? 'improved' : difference < 0 ? 'worsened' : 'unchanged';
}

export const CLASS_TONE: Record<ZoneClass, Tone> = {
  conducive: 'good',
  conditionally_conducive: 'fair',
  not_conducive: 'bad',
  insufficient_data: 'unknown',
};

export const STATUS_TONE: Record<string, Tone> = {
  green: 'good',
  amber: 'fair',
  red: 'bad',
  missing: 'unknown',
  insufficient: 'unknown',
};

export const OBSERVATION_TONE: Record<string, Tone> = {
  confirmed: 'good',
  more_evidence: 'fair',
  rejected: 'bad',
  pending: 'unknown',
};
