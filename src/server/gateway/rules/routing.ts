import type { SubmissionKind } from '../../../shared/gateway/constants.ts';

/** A routing rule as the rule function needs it. */
export interface RoutingRule {
  id: string;
  organisationId: string;
  kind: string | null;
  pcode: string | null;
  stateCode: string | null;
  sensitive: boolean;
  position: number;
}

/** What an item says about itself that routing looks at. */
export interface RoutedItem {
  kind: SubmissionKind;
  pcode: string | null;
  stateCode: string | null;
  sensitive: boolean;
}

/**
 * The rule that receives an item: among the rules that match it (each condition a rule names must hold: the kind,
 * the zone, whose P-code starts with the rule's as OCHA P-codes nest, and the state), the most specific (a zone
 * counts for its P-code's length, a kind and a state for one each), then the lowest position. A sensitive item
 * only goes to a rule that takes sensitive items. Undefined when no rule matches.
 */
export function routeItem(item: RoutedItem, rules: readonly RoutingRule[]): RoutingRule | undefined {
  let best: { rule: RoutingRule; score: number } | undefined;
  for (const rule of rules) {
    if (item.sensitive && !rule.sensitive) continue;
    if (rule.kind !== null && rule.kind !== item.kind) continue;
    if (rule.pcode !== null && !(item.pcode ?? '').startsWith(rule.pcode)) continue;
    if (rule.stateCode !== null && rule.stateCode !== item.stateCode) continue;
    const score = (rule.pcode?.length ?? 0) * 2 + (rule.kind ? 1 : 0) + (rule.stateCode ? 1 : 0);
    if (!best || score > best.score || (score === best.score && rule.position < best.rule.position)) {
      best = { rule, score };
    }
  }
  return best?.rule;
}
