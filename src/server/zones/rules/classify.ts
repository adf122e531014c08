import type {
  Classification,
  CriterionAssessment,
  CriterionStatus,
  FrameworkDefinition,
  IndicatorAssessment,
  IndicatorDefinition,
  IndicatorStatus,
  ObservationSource,
  ObservationStatus,
  ZoneClass,
} from '../../../shared/zones/schemas.ts';
import { decidingReasons, summarize } from './explain.ts';

/**
 * How a zone is classified for a period, from its criteria framework and its observations. Pure: no
 * database, no clock; the same inputs in any order give the same classification.
 *
 * - An indicator's status comes from its freshest confirmed observations inside its freshness window.
 * - Stale or unverified data never makes a zone look safer than its last verified state: a stale value only
 *   counts when it was red (otherwise the indicator is missing), and an unverified value only ever pulls an
 *   indicator down. A report of danger therefore holds a zone back until a verifier rejects it; publication
 *   is refused while anything is unverified, so this shows only in previews.
 * - A criterion aggregates its indicators by weight share, a hard indicator that is red makes the zone not
 *   conducive on its own, and every rule is monotone: making any indicator worse never improves the class.
 */

/** An observation as the classification sees it. Ids are unique. */
export interface ObservationFact {
  id: string;
  /** The indicator's code. */
  indicator: string;
  /** YYYY-MM. */
  period: string;
  value: number;
  status: ObservationStatus;
  source: ObservationSource;
  organisationId: string;
  /** ISO timestamp. */
  observedAt: string;
}

/** Where a value falls against the indicator's thresholds (green at or beyond `green`, red beyond `red`). */
export function thresholdStatus(indicator: IndicatorDefinition, value: number): 'green' | 'amber' | 'red' {
  if (indicator.direction === 'higher_is_better') {
    if (value >= indicator.green) return 'green';
    return value < indicator.red ? 'red' : 'amber';
  }
  if (value <= indicator.green) return 'green';
  return value > indicator.red ? 'red' : 'amber';
}

/** An indicator's assessment with what the explanation needs besides. */
export interface Finding {
  definition: IndicatorDefinition;
  assessment: IndicatorAssessment;
  /** The observation that decided the status (null when missing). */
  decider: ObservationFact | null;
  /** For a missing indicator: the period of the last confirmed value, now stale (null if there was none). */
  lastVerifiedPeriod: string | null;
}

export const INDICATOR_RANK: Record<IndicatorStatus, number> = { red: 0, missing: 1, amber: 2, green: 3 };
export const CRITERION_RANK: Record<CriterionStatus, number> = { red: 0, insufficient: 1, amber: 2, green: 3 };

const digit = (text: string, at: number) => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/** Months since year 0 of a YYYY-MM period. (Read digit by digit: a region's classification calls it often.) */
export function monthIndex(period: string): number {
  if (period.length === 7 && period.charCodeAt(4) === 45) {
    const year = digit(period, 0) * 1000 + digit(period, 1) * 100 + digit(period, 2) * 10 + digit(period, 3);
    const month = digit(period, 5) * 10 + digit(period, 6);
    if (month >= 1 && month <= 12 && year >= 0) return year * 12 + month - 1;
  }
  throw new RangeError(`not a period (YYYY-MM): ${period}`);
}

/** The period `months` months after (or, when negative, before) `period`. */
export function shiftPeriod(period: string, months: number): string {
  const index = monthIndex(period) + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

const isConfirmed = (observation: ObservationFact) => observation.status === 'confirmed';
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: ObservationFact, b: ObservationFact) => compare(a.id, b.id);
const latestPeriod = (observations: readonly ObservationFact[]) =>
  observations.reduce<string | null>((latest, o) => (latest === null || o.period > latest ? o.period : latest), null);

/** The worst observation: worst status, then worst value, then latest, then by id (a total order). */
function worstOf(indicator: IndicatorDefinition, observations: readonly ObservationFact[]): ObservationFact | null {
  if (observations.length <= 1) return observations[0] ?? null;
  const badness = (o: ObservationFact) => (indicator.direction === 'higher_is_better' ? -o.value : o.value);
  const sorted = [...observations].sort(
    (a, b) =>
      INDICATOR_RANK[thresholdStatus(indicator, a.value)] - INDICATOR_RANK[thresholdStatus(indicator, b.value)] ||
      badness(b) - badness(a) ||
      compare(b.period, a.period) ||
      compare(b.observedAt, a.observedAt) ||
      byId(a, b),
  );
  return sorted[0] ?? null;
}

type Basis = IndicatorAssessment['basis'];

function finding(
  indicator: IndicatorDefinition,
  status: IndicatorStatus,
  basis: Basis,
  decider: ObservationFact | null,
  behind: readonly ObservationFact[],
  lastVerifiedPeriod: string | null = null,
): Finding {
  return {
    definition: indicator,
    decider,
    lastVerifiedPeriod,
    assessment: {
      indicator: indicator.code,
      status,
      hard: indicator.hard,
      value: decider?.value ?? null,
      period: decider?.period ?? null,
      source: decider?.source ?? null,
      organisationId: decider?.organisationId ?? null,
      observedAt: decider?.observedAt ?? null,
      basis,
      observationIds: behind.length === 1 ? [behind[0]!.id] : [...behind].sort(byId).map((o) => o.id),
    },
  };
}

/** Base status from the confirmed observations of the freshness window: the worst of the latest period. */
function verifiedBase(indicator: IndicatorDefinition, confirmed: readonly ObservationFact[]): Finding {
  const latest = latestPeriod(confirmed);
  const group = confirmed.filter((o) => o.period === latest);
  const decider = worstOf(indicator, group)!;
  const status = thresholdStatus(indicator, decider.value);
  const behind = group.filter((o) => thresholdStatus(indicator, o.value) === status);
  return finding(indicator, status, 'verified', decider, behind);
}

/** Base status when nothing confirmed is fresh: red if the last known state was red, otherwise missing. */
function staleBase(indicator: IndicatorDefinition, stale: readonly ObservationFact[]): Finding {
  const confirmed = stale.filter(isConfirmed);
  const latest = latestPeriod(confirmed);
  const isRed = (o: ObservationFact) => thresholdStatus(indicator, o.value) === 'red';
  const verifiedRed = confirmed.filter((o) => o.period === latest && isRed(o));
  const laterUnverifiedRed = stale.filter(
    (o) => !isConfirmed(o) && (latest === null || o.period >= latest) && isRed(o),
  );
  const reds = [...verifiedRed, ...laterUnverifiedRed];
  if (reds.length === 0) return finding(indicator, 'missing', 'missing', null, [], latest);
  const decider = worstOf(indicator, verifiedRed) ?? worstOf(indicator, laterUnverifiedRed);
  return finding(indicator, 'red', 'stale_red', decider, reds);
}

/** An indicator's finding from its own observations (those of other indicators must be left out). */
function findIndicator(indicator: IndicatorDefinition, period: string, observations: readonly ObservationFact[]) {
  const end = monthIndex(period);
  const start = end - (indicator.freshnessMonths - 1);
  const fresh: ObservationFact[] = [];
  const stale: ObservationFact[] = [];
  for (const o of observations) {
    if (o.status === 'rejected') continue;
    const month = monthIndex(o.period);
    if (month > end) continue;
    (month >= start ? fresh : stale).push(o);
  }
  const confirmed = fresh.filter(isConfirmed);
  const unverified = fresh.filter((o) => !isConfirmed(o));
  const base = confirmed.length > 0 ? verifiedBase(indicator, confirmed) : staleBase(indicator, stale);

  // An unverified value can only pull the status down, never up.
  const worst = worstOf(indicator, unverified);
  if (!worst) return base;
  const status = thresholdStatus(indicator, worst.value);
  if (INDICATOR_RANK[status] >= INDICATOR_RANK[base.assessment.status]) return base;
  const behind = unverified.filter((o) => thresholdStatus(indicator, o.value) === status);
  return finding(indicator, status, status === 'red' ? 'unverified_red' : 'unverified_worse', worst, behind);
}

/** One indicator's status at a period from all the zone's observations (others' indicators are ignored). */
export function assessIndicator(
  indicator: IndicatorDefinition,
  period: string,
  observations: readonly ObservationFact[],
): IndicatorAssessment {
  const own = observations.filter((o) => o.indicator === indicator.code);
  return findIndicator(indicator, period, own).assessment;
}

/**
 * A criterion's status from its indicators, by cumulative weight shares: R red, M red or missing, A red,
 * missing or amber. Red if a hard indicator is red or R ≥ 1/3; else insufficient if M > 1/2; else amber if
 * A > 1/4 or R > 0; else green. Shares only grow when an indicator gets worse, so the rule is monotone.
 */
export function criterionStatus(
  indicators: readonly { weight: number; hard: boolean; status: IndicatorStatus }[],
): CriterionStatus {
  const share = (worstRank: number) =>
    indicators.reduce((sum, i) => (INDICATOR_RANK[i.status] <= worstRank ? sum + i.weight : sum), 0);
  const total = share(INDICATOR_RANK.green);
  const red = share(INDICATOR_RANK.red);
  if (indicators.some((i) => i.hard && i.status === 'red') || 3 * red >= total) return 'red';
  if (2 * share(INDICATOR_RANK.missing) > total) return 'insufficient';
  if (4 * share(INDICATOR_RANK.amber) > total || red > 0) return 'amber';
  return 'green';
}

function zoneClass(criteria: readonly CriterionAssessment[]): ZoneClass {
  const statuses = criteria.map((c) => c.status);
  const hardRed = criteria.some((c) => c.indicators.some((i) => i.hard && i.status === 'red'));
  if (hardRed || statuses.includes('red')) return 'not_conducive';
  if (statuses.includes('insufficient')) return 'insufficient_data';
  return statuses.every((s) => s === 'green') ? 'conducive' : 'conditionally_conducive';
}

/**
 * Classifies a zone for a period. `observations` are the zone's (any period, any status); those of later
 * periods and rejected ones are ignored. Criteria of kind `precondition` count like any other criterion.
 */
export function classifyZone(
  framework: FrameworkDefinition,
  period: string,
  observations: readonly ObservationFact[],
): Classification {
  monthIndex(period);
  const byIndicator = new Map<string, ObservationFact[]>();
  for (const o of observations) {
    const list = byIndicator.get(o.indicator);
    if (list) list.push(o);
    else byIndicator.set(o.indicator, [o]);
  }
  const findings = framework.criteria.map((criterion) =>
    criterion.indicators.map((indicator) => findIndicator(indicator, period, byIndicator.get(indicator.code) ?? [])),
  );
  const criteria: CriterionAssessment[] = framework.criteria.map((criterion, c) => {
    const indicators = findings[c]!.map((f) => f.assessment);
    const weighted = indicators.map((a, i) => ({
      weight: criterion.indicators[i]!.weight,
      hard: a.hard,
      status: a.status,
    }));
    return { criterion: criterion.code, kind: criterion.kind, status: criterionStatus(weighted), indicators };
  });
  const result = zoneClass(criteria);
  const deciding = decidingReasons(result, criteria);
  return { class: result, criteria, deciding, summary: summarize(framework, findings, result, deciding) };
}
