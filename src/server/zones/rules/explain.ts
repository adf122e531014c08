import type {
  Classification,
  CriterionAssessment,
  DecidingReason,
  FrameworkDefinition,
  LocalizedText,
  Unit,
  ZoneClass,
} from '../../../shared/zones/schemas.ts';
import type { Finding } from './classify.ts';

/**
 * Why a zone has its class: the reasons that decided it (structured, for screens to render in the reader's
 * language) and a plain English summary naming the deciding indicators with their value, unit, period and
 * whether the value is verified, stale or unverified.
 */

/** The reasons that decided the class, in framework order. */
export function decidingReasons(zoneClass: ZoneClass, criteria: readonly CriterionAssessment[]): DecidingReason[] {
  const withStatus = (criterion: CriterionAssessment, statuses: readonly string[]) =>
    criterion.indicators.filter((i) => statuses.includes(i.status)).map((i) => i.indicator);
  const reasons = (
    kind: DecidingReason['kind'],
    status: CriterionAssessment['status'],
    indicatorStatuses: readonly string[],
  ): DecidingReason[] =>
    criteria
      .filter((c) => c.status === status)
      .map((c) => ({ kind, criterion: c.criterion, indicators: withStatus(c, indicatorStatuses) }));

  switch (zoneClass) {
    case 'not_conducive': {
      const hardRed = criteria.flatMap((c) =>
        c.indicators
          .filter((i) => i.hard && i.status === 'red')
          .map((i): DecidingReason => ({ kind: 'hard_red', criterion: c.criterion, indicators: [i.indicator] })),
      );
      return [...hardRed, ...reasons('criterion_red', 'red', ['red'])];
    }
    case 'insufficient_data':
      return reasons('criterion_insufficient', 'insufficient', ['missing']);
    case 'conditionally_conducive':
      return reasons('criterion_amber', 'amber', ['red', 'missing', 'amber']);
    case 'conducive':
      return [{ kind: 'all_green', criterion: null, indicators: [] }];
  }
}

/**
 * The part of a classification that explains it: the deciding reasons, with only the criteria and indicators
 * they name (a region's review would otherwise carry every indicator of every zone).
 */
export function decidingPart(classification: Classification): Classification {
  const named = new Map<string | null, Set<string>>();
  for (const reason of classification.deciding) {
    const indicators = named.get(reason.criterion) ?? new Set<string>();
    for (const code of reason.indicators) indicators.add(code);
    named.set(reason.criterion, indicators);
  }
  return {
    ...classification,
    criteria: classification.criteria
      .filter((criterion) => named.has(criterion.criterion))
      .map((criterion) => ({
        ...criterion,
        indicators: criterion.indicators.filter((i) => named.get(criterion.criterion)?.has(i.indicator)),
      })),
  };
}

const CLASS_NAMES: Record<ZoneClass, string> = {
  conducive: 'Conducive',
  conditionally_conducive: 'Conditionally conducive',
  insufficient_data: 'Insufficient data',
  not_conducive: 'Not conducive',
};

const english = (name: LocalizedText, fallback: string) => name.en ?? fallback;
const numbers = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const formatted = new Map<number, string>();

/** A number as English writes it, remembered: a region's classification formats the same few values often. */
function formatNumber(value: number): string {
  let text = formatted.get(value);
  if (text === undefined) {
    text = numbers.format(value);
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(value, text);
  }
  return text;
}

/** A value with its unit, in English: "12", "45%", "3.2 per 10,000", "6 hours a day", "yes". */
export function formatValue(unit: Unit, value: number): string {
  const n = formatNumber(value);
  switch (unit) {
    case 'count':
      return n;
    case 'percent':
      return `${n}%`;
    case 'rate_per_10000':
      return `${n} per 10,000`;
    case 'score_1_5':
      return `${n} out of 5`;
    case 'yes_no':
      return value === 1 ? 'yes' : value === 0 ? 'no' : n;
    case 'days':
      return value === 1 ? '1 day' : `${n} days`;
    case 'hours_per_day':
      return value === 1 ? '1 hour a day' : `${n} hours a day`;
    case 'km':
      return `${n} km`;
  }
}

function describe(finding: Finding, detailed: boolean): string {
  const name = english(finding.definition.name, finding.definition.code);
  if (!detailed) return name;
  const { assessment, decider, definition } = finding;
  if (!decider) {
    return finding.lastVerifiedPeriod
      ? `${name} (no fresh verified value; last verified ${finding.lastVerifiedPeriod}, now stale)`
      : `${name} (no verified value)`;
  }
  const label =
    assessment.basis === 'verified'
      ? 'verified'
      : assessment.basis === 'stale_red'
        ? decider.status === 'confirmed'
          ? 'last verified value, now stale'
          : 'unverified and stale'
        : 'unverified';
  return `${name} (${formatValue(definition.unit, decider.value)}, ${decider.period}, ${label})`;
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The plain English explanation of a classification. `findings` are aligned with the framework's criteria. */
export function summarize(
  framework: FrameworkDefinition,
  findings: readonly (readonly Finding[])[],
  zoneClass: ZoneClass,
  deciding: readonly DecidingReason[],
): string {
  const located = framework.criteria.flatMap((criterion, c) =>
    criterion.indicators.map((_, i) => ({ criterion, finding: findings[c]![i]! })),
  );
  const findingOf = (criterion: string | null, indicator: string) =>
    located.find((l) => l.criterion.code === criterion && l.finding.definition.code === indicator)!.finding;
  const criterionName = (code: string | null) => {
    const criterion = framework.criteria.find((c) => c.code === code)!;
    return english(criterion.name, criterion.code);
  };

  const detailed = new Set<Finding>();
  const phrase = (criterion: string | null, indicator: string) => {
    const finding = findingOf(criterion, indicator);
    const text = describe(finding, !detailed.has(finding));
    detailed.add(finding);
    return text;
  };
  const sentences = [`${CLASS_NAMES[zoneClass]}.`];
  const hardRed = deciding.filter((r) => r.kind === 'hard_red');
  if (hardRed.length > 0) {
    const label = hardRed.length === 1 ? 'Hard indicator red' : 'Hard indicators red';
    sentences.push(`${label}: ${list(hardRed.map((r) => phrase(r.criterion, r.indicators[0]!)))}.`);
  }
  const lead: Partial<Record<DecidingReason['kind'], [string, string]>> = {
    criterion_red: ['Criterion red', 'because of'],
    criterion_insufficient: ['Criterion without enough fresh verified data', 'missing'],
    criterion_amber: ['Criterion amber', 'because of'],
  };
  for (const reason of deciding) {
    const words = lead[reason.kind];
    if (!words) continue;
    const indicators = list(reason.indicators.map((code) => phrase(reason.criterion, code)));
    sentences.push(`${words[0]}: ${criterionName(reason.criterion)}, ${words[1]} ${indicators}.`);
  }
  if (zoneClass === 'conducive') sentences.push('Every criterion is green.');
  const unverified = [...detailed].some((f) => f.decider !== null && f.decider.status !== 'confirmed');
  if (unverified) {
    sentences.push('Unverified values count only against a zone, until a verifier confirms or rejects them.');
  }
  return sentences.join(' ');
}
