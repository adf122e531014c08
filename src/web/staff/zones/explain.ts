import { localName } from './names.ts';
import type {
  Classification,
  CriterionDefinition,
  FrameworkDefinition,
  IndicatorAssessment,
  IndicatorDefinition,
  Unit,
} from './types.ts';

/**
 * Why a zone has its class, in the reader's language: rendered from the classification's structured `deciding`
 * reasons and the framework's names, units and thresholds. The server's `summary` is plain English; screens
 * show it only when the reasons name something the framework at hand does not have (then null comes back).
 */

/** What the rendering needs from the screen; pure otherwise, so tests give it a catalogue of their own. */
export interface ExplainTools {
  t: (key: string, values?: Record<string, unknown>) => string;
  /** "a, b and c" in the reader's language. */
  list: (items: readonly string[]) => string;
  /** A period (YYYY-MM) as the reader names the month. */
  period: (period: string) => string;
  language: string;
}

type Translate = ExplainTools['t'];

/** A value with its unit: "45%", "3.2 per 10,000", "6 hours a day", "yes" (fixed numbers formatted like the value). */
export const valueText = (t: Translate, unit: Unit, value: number) =>
  t(`zones.unitValue.${unit}`, { value, base: 10_000, top: 5 });

/** Values a verifier has not confirmed (or a last known value gone stale) count only against a zone. */
export const isUnverifiedBasis = (basis: IndicatorAssessment['basis']) =>
  basis === 'unverified_red' || basis === 'unverified_worse';

export function findCriterion(framework: FrameworkDefinition, code: string | null): CriterionDefinition | undefined {
  return framework.criteria.find((criterion) => criterion.code === code);
}

export function findIndicator(
  framework: FrameworkDefinition,
  criterion: string | null,
  indicator: string,
): IndicatorDefinition | undefined {
  return findCriterion(framework, criterion)?.indicators.find((candidate) => candidate.code === indicator);
}

/** The framework indicator an observation is about, with its criterion (codes are unique across the framework). */
export function indicatorByCode(framework: FrameworkDefinition | undefined, code: string) {
  for (const criterion of framework?.criteria ?? []) {
    const indicator = criterion.indicators.find((candidate) => candidate.code === code);
    if (indicator) return { criterion, indicator };
  }
  return undefined;
}

/** The sentences explaining a classification, or null when only the English summary can say it. */
export function explainClassification(
  classification: Classification,
  framework: FrameworkDefinition,
  tools: ExplainTools,
): string[] | null {
  const { t, list, language } = tools;
  if (classification.deciding.length === 0) return null;
  const described = new Set<string>();
  let unverified = false;
  let complete = true;

  const phrase = (criterionCode: string | null, code: string): string => {
    const definition = findIndicator(framework, criterionCode, code);
    const assessment = classification.criteria
      .find((criterion) => criterion.criterion === criterionCode)
      ?.indicators.find((indicator) => indicator.indicator === code);
    if (!definition || !assessment) {
      complete = false;
      return code;
    }
    const name = localName(definition.name, language, code);
    const key = `${criterionCode}/${code}`;
    if (described.has(key)) return name;
    described.add(key);
    if (isUnverifiedBasis(assessment.basis)) unverified = true;
    if (assessment.value === null || assessment.period === null) return t('zones.explain.indicatorMissing', { name });
    return t('zones.explain.indicatorValue', {
      name,
      value: valueText(t, definition.unit, assessment.value),
      period: tools.period(assessment.period),
      basis: t(`zones.basisShort.${assessment.basis}`),
    });
  };
  const criterionName = (code: string | null) => {
    const criterion = findCriterion(framework, code);
    if (!criterion) complete = false;
    return { name: localName(criterion?.name, language, code ?? ''), kind: criterion?.kind ?? 'criterion' };
  };

  const sentences = [t(`zones.explain.headline.${classification.class}`)];
  const hardRed = classification.deciding.filter((reason) => reason.kind === 'hard_red');
  if (hardRed.length > 0) {
    const indicators = hardRed.flatMap((reason) => reason.indicators.map((code) => phrase(reason.criterion, code)));
    sentences.push(t('zones.explain.hardRed', { count: indicators.length, indicators: list(indicators) }));
  }
  for (const reason of classification.deciding) {
    if (reason.kind === 'hard_red') continue;
    if (reason.kind === 'all_green') {
      sentences.push(t('zones.explain.allGreen'));
      continue;
    }
    const { name, kind } = criterionName(reason.criterion);
    const indicators = list(reason.indicators.map((code) => phrase(reason.criterion, code)));
    const key =
      reason.kind === 'criterion_red'
        ? 'zones.explain.criterionRed'
        : reason.kind === 'criterion_insufficient'
          ? 'zones.explain.criterionInsufficient'
          : 'zones.explain.criterionAmber';
    sentences.push(t(key, { kind, criterion: name, indicators }));
  }
  if (unverified) sentences.push(t('zones.explain.unverifiedNote'));
  return complete ? sentences : null;
}
