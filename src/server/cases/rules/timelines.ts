import { DECISION_KINDS, type DecisionKind } from '../../../shared/cases/constants.ts';
import type { PublicCaseTimelines, TimelineFigures } from '../../../shared/cases/schemas.ts';
import { median } from '../../platform/disclosure/median.ts';
import { type DisclosureRule, type Figure, protectList } from '../../platform/disclosure/suppress.ts';

export { median };

/**
 * The public decision timelines (pure): for decided decisions, how many days passed from the household's
 * registration to the decision (median), and what share was decided by the due date its service level set,
 * by kind of decision, and by kind, intended state and month of decision. Every group passes through
 * disclosure control: its count of decisions is a count of households, so a group of fewer than the threshold
 * is hidden, and further groups are hidden with it when the kind's total would give it away.
 */
/** Decided decisions of one kind, state, month, length and punctuality, counted (the database groups them). */
export interface DecidedDecisions {
  kind: DecisionKind;
  /** The intended zone's state. */
  stateCode: string;
  /** `YYYY-MM` (UTC) of the decision. */
  month: string;
  /** Whole days from the household's registration to the decision (UTC calendar days). */
  days: number;
  /** Decided on or before the due date its service level set. */
  withinServiceLevel: boolean;
  count: number;
}

interface Group {
  days: [number, number][];
  decisions: number;
  within: number;
}

function figures(group: Group, figure: Figure): TimelineFigures {
  if (figure.suppressed)
    return { decisions: null, medianDays: null, withinServiceLevel: null, suppressed: figure.reason };
  return {
    decisions: group.decisions,
    medianDays: median(group.days),
    withinServiceLevel: group.decisions === 0 ? null : Math.round((group.within / group.decisions) * 1000) / 1000,
    suppressed: null,
  };
}

const emptyGroup = (): Group => ({ days: [], decisions: 0, within: 0 });

export function decisionTimelines(
  decisions: readonly DecidedDecisions[],
  rule: DisclosureRule,
): Omit<PublicCaseTimelines, 'stateNames'> {
  const byKind: PublicCaseTimelines['byKind'] = [];
  const byStateMonth: PublicCaseTimelines['byStateMonth'] = [];
  for (const kind of DECISION_KINDS) {
    const total = emptyGroup();
    const cells = new Map<string, Group>();
    for (const decision of decisions) {
      if (decision.kind !== kind) continue;
      const key = `${decision.stateCode} ${decision.month}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = emptyGroup();
        cells.set(key, cell);
      }
      for (const group of [cell, total]) {
        group.days.push([decision.days, decision.count]);
        group.decisions += decision.count;
        if (decision.withinServiceLevel) group.within += decision.count;
      }
    }
    // By state, then month, newest month first within a state.
    const keys = [...cells.keys()].sort((a, b) => {
      const [stateA, monthA] = a.split(' ') as [string, string];
      const [stateB, monthB] = b.split(' ') as [string, string];
      return stateA.localeCompare(stateB) || monthB.localeCompare(monthA);
    });
    const groups = keys.map((key) => cells.get(key)!);
    const shown = protectList(
      groups.map((group) => group.decisions),
      rule,
    );
    byKind.push({ kind, ...figures(total, shown.total) });
    for (const [index, key] of keys.entries()) {
      const [stateCode, month] = key.split(' ') as [string, string];
      byStateMonth.push({ kind, stateCode, month, ...figures(groups[index]!, shown.items[index]!) });
    }
  }
  return { threshold: rule.threshold, byKind, byStateMonth };
}
