import type { AlertKind } from '../../../shared/outcomes/constants.ts';
import type { Indicators, Scores } from './scores.ts';

/**
 * When a returned household's round raises an alert, compared with its previous round. Pure: no database, no
 * clock. What an alert carries (`detail`) is codes and numbers only: which score fell, from what to what, the
 * threshold; never an answer's text.
 *
 * - `score_drop`: the composite or a dimension fell by more than `drop` (default 0.15) since the previous round;
 * - `member_missing`: a member's whereabouts are unknown;
 * - `child_out_of_school`: at least `childrenOutOfSchool` (default 1) school-age children are out of school;
 * - `intends_to_migrate`: the household plans to migrate again (`yes_planning`);
 * - `distress`: severe distress, or moderate (or worse) distress in `moderateDistressRounds` (default 2) rounds in
 *   a row.
 */
export interface AlertThresholds {
  /** A fall larger than this, on the 0–1 scale, in the composite or a dimension. */
  drop: number;
  /** Children out of school from which an alert is raised. */
  childrenOutOfSchool: number;
  /** Rounds in a row with moderate distress that raise an alert (1: the first one does). */
  moderateDistressRounds: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = Object.freeze({
  drop: 0.15,
  childrenOutOfSchool: 1,
  moderateDistressRounds: 2,
});

/** The settings over the defaults: `drop` from its own variable, the others from a JSON object. */
export function parseAlertThresholds(drop: number, json: string): AlertThresholds {
  const thresholds = { ...DEFAULT_ALERT_THRESHOLDS, drop };
  if (!(drop > 0 && drop <= 1)) throw new Error('the drop is a number above 0 and at most 1');
  if (json.trim() === '') return thresholds;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('expected a JSON object {"childrenOutOfSchool":…,"moderateDistressRounds":…}');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected a JSON object {"childrenOutOfSchool":…,"moderateDistressRounds":…}');
  }
  for (const [key, setting] of Object.entries(value)) {
    if (key !== 'childrenOutOfSchool' && key !== 'moderateDistressRounds') {
      throw new Error(`unknown threshold "${key}": expected childrenOutOfSchool, moderateDistressRounds`);
    }
    if (typeof setting !== 'number' || !Number.isInteger(setting) || setting < 1 || setting > 20) {
      throw new Error(`${key}: a whole number from 1 to 20`);
    }
    thresholds[key] = setting;
  }
  return thresholds;
}

export interface Round {
  indicators: Indicators;
  scores: Scores;
}

export interface AlertFinding {
  kind: AlertKind;
  detail: Record<string, number | string | null>;
}

const DROP_SCORES = ['composite', 'economic', 'social', 'psychosocial'] as const;
const round3 = (value: number): number => Math.round(value * 1000) / 1000;
const DISTRESS_AT_LEAST_MODERATE = new Set(['moderate', 'severe']);

/**
 * The alerts a round raises, given the household's rounds before it, latest first (enough of them for the
 * distress rule). One finding per kind at most: a drop names every score that fell.
 */
export function alertsFor(
  current: Round,
  earlier: readonly Round[],
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): AlertFinding[] {
  const findings: AlertFinding[] = [];
  const previous = earlier[0];
  if (previous) {
    const detail: Record<string, number | string | null> = {};
    const fell: string[] = [];
    for (const score of DROP_SCORES) {
      const before = previous.scores[score];
      const after = current.scores[score];
      if (before === null || after === null) continue;
      // Rounded to the thousandth, so that a fall of exactly the threshold does not raise one by float noise.
      if (round3(before - after) > thresholds.drop) {
        fell.push(score);
        detail[`${score}Before`] = round3(before);
        detail[`${score}After`] = round3(after);
      }
    }
    if (fell.length > 0)
      findings.push({ kind: 'score_drop', detail: { scores: fell.join(','), ...detail, threshold: thresholds.drop } });
  }
  const i = current.indicators;
  if (i.member_missing === 'yes') findings.push({ kind: 'member_missing', detail: {} });
  if (typeof i.children_out_of_school === 'number' && i.children_out_of_school >= thresholds.childrenOutOfSchool) {
    findings.push({
      kind: 'child_out_of_school',
      detail: { children: i.children_out_of_school, threshold: thresholds.childrenOutOfSchool },
    });
  }
  if (i.migrate_again === 'yes_planning') findings.push({ kind: 'intends_to_migrate', detail: {} });
  if (i.distress === 'severe') {
    findings.push({ kind: 'distress', detail: { level: 'severe', rounds: 1 } });
  } else if (i.distress === 'moderate') {
    let rounds = 1;
    for (const round of earlier) {
      if (typeof round.indicators.distress !== 'string' || !DISTRESS_AT_LEAST_MODERATE.has(round.indicators.distress))
        break;
      rounds += 1;
    }
    if (rounds >= thresholds.moderateDistressRounds)
      findings.push({ kind: 'distress', detail: { level: 'moderate', rounds } });
  }
  return findings;
}
