import type { TFunction } from 'i18next';
import type {
  Classification,
  CriterionDefinition,
  DecidingReason,
  FrameworkDefinition,
  IndicatorAssessment,
} from '../../../shared/zones/schemas.ts';
import { formatPeriod, formatValue, localized } from './format.ts';

/**
 * Why a zone has its class, in the reader's language: one sentence per deciding reason, built from the
 * structured reasons and the framework's names. When they cannot be rendered (no framework, a code the framework
 * does not name), the server's English summary is shown instead.
 */
export type Explanation = { kind: 'reasons'; sentences: string[] } | { kind: 'summary'; text: string };

const REASON_KEY = {
  criterion_red: 'publicZones.explain.criterionRed',
  criterion_amber: 'publicZones.explain.criterionAmber',
  criterion_insufficient: 'publicZones.explain.criterionInsufficient',
} as const;

export function explain(
  classification: Classification,
  definition: FrameworkDefinition | null,
  t: TFunction,
  language: string,
): Explanation {
  const fallback: Explanation = { kind: 'summary', text: classification.summary };
  if (!definition || classification.deciding.length === 0) return fallback;
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const mentioned = new Set<IndicatorAssessment>();

  const criterionOf = (code: string | null) => definition.criteria.find((criterion) => criterion.code === code);
  const assessmentOf = (criterion: string, indicator: string) =>
    classification.criteria.find((c) => c.criterion === criterion)?.indicators.find((i) => i.indicator === indicator);

  /** An indicator by name; the first time, with its value, unit, period and whether it is verified. */
  function phrase(criterion: CriterionDefinition, code: string, detailed: boolean): string | null {
    const indicator = criterion.indicators.find((i) => i.code === code);
    if (!indicator) return null;
    const name = localized(indicator.name, language, code);
    const assessment = assessmentOf(criterion.code, code);
    if (!assessment || !detailed || mentioned.has(assessment)) return name;
    mentioned.add(assessment);
    if (assessment.value === null || assessment.status === 'missing') {
      return t('publicZones.explain.indicatorMissing', { indicator: name });
    }
    return t('publicZones.explain.indicatorValue', {
      indicator: name,
      value: formatValue(t, indicator.unit, assessment.value),
      period: assessment.period ? formatPeriod(assessment.period, language) : '—',
      basis: t(`publicZones.basisShort.${assessment.basis}`),
    });
  }

  function sentence(reason: DecidingReason): string | null {
    if (reason.kind === 'all_green') return t('publicZones.explain.allGreen');
    const criterion = criterionOf(reason.criterion);
    if (!criterion) return null;
    // A missing indicator is named only: the sentence already says it has no recent verified value.
    const detailed = reason.kind !== 'criterion_insufficient';
    const phrases = reason.indicators.map((code) => phrase(criterion, code, detailed));
    if (phrases.some((p) => p === null)) return null;
    const names = phrases as string[];
    const criterionName = localized(criterion.name, language, criterion.code);
    if (reason.kind === 'hard_red') {
      return names.length === 0
        ? null
        : t('publicZones.explain.hardRed', {
            indicators: list.format(names),
            count: names.length,
            criterion: criterionName,
          });
    }
    return t(REASON_KEY[reason.kind], {
      criterion: criterionName,
      indicators: list.format(names),
      count: names.length,
    });
  }

  const sentences: string[] = [];
  for (const reason of classification.deciding) {
    const text = sentence(reason);
    if (text === null) return fallback;
    sentences.push(text);
  }
  if ([...mentioned].some((assessment) => assessment.basis.startsWith('unverified'))) {
    sentences.push(t('publicZones.explain.unverified'));
  }
  return { kind: 'reasons', sentences };
}
