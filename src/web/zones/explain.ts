import type {
  Classification,
  CriterionDefinition,
  DecidingReason,
  FrameworkDefinition,
  IndicatorAssessment,
  IndicatorDefinition,
  LocalizedText,
  Unit,
} from '../../shared/zones/schemas.ts';

/**
 * Why a zone has its class, in the reader's language, for the public zone page and the staff zone page alike: one
 * sentence per deciding reason, built from the classification's structured `deciding` reasons and the framework's
 * names, units and thresholds, in the `zoneTerms` catalogue namespace. When the reasons name something the
 * framework at hand does not have (or there are none), the server's English summary is shown instead.
 *
 * Pure: no browser object is read, so a page rendered on the server explains a zone exactly as the browser does.
 */
export type Explanation = { kind: 'reasons'; sentences: string[] } | { kind: 'summary'; text: string };

/** What the rendering needs from the page; tests give it a catalogue of their own. */
export interface ExplainTools {
  t: (key: string, values?: Record<string, unknown>) => string;
  /** The reader's language (a BCP 47 tag: `ar`, `fr`, `en`). */
  language: string;
}

type Translate = ExplainTools['t'];

/** A name in the reader's language: the exact language, then its base (`ar` for `ar-SY`), then English, then any. */
export function localName(name: LocalizedText | undefined, language: string, fallback = ''): string {
  if (!name) return fallback;
  const base = language.split('-')[0] ?? language;
  return name[language] ?? name[base] ?? name.en ?? Object.values(name)[0] ?? fallback;
}

/** Whether `localName` found the name in the reader's language (else the text should carry lang="en"). */
export function hasLanguage(name: LocalizedText | undefined, language: string): boolean {
  const base = language.split('-')[0] ?? language;
  return Boolean(name && (name[language] ?? name[base]));
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A period (YYYY-MM) as the reader names the month: "March 2026", "mars 2026", "مارس ٢٠٢٦"; anything else as given. */
export function periodText(period: string, language: string): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const start = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(start);
}

/**
 * A value with its unit, in the reader's plural forms (Arabic has six): "45%", "3.2 per 10,000 people", "6 hours a
 * day", "yes", "2 incidents" (a count). Without a unit (an indicator the framework at hand lacks), the number alone.
 */
export const valueText = (t: Translate, unit: Unit | undefined, value: number) =>
  t(`zoneTerms.unit.${unit ?? 'none'}`, { value, base: 10_000, top: 5 });

/** Values a verifier has not confirmed count only against a zone. */
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

const REASON_KEY = {
  criterion_red: 'zoneTerms.explain.criterionRed',
  criterion_amber: 'zoneTerms.explain.criterionAmber',
  criterion_insufficient: 'zoneTerms.explain.criterionInsufficient',
} as const;

export function explainClassification(
  classification: Classification,
  framework: FrameworkDefinition | null | undefined,
  { t, language }: ExplainTools,
): Explanation {
  const fallback: Explanation = { kind: 'summary', text: classification.summary };
  if (!framework || classification.deciding.length === 0) return fallback;
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const described = new Set<IndicatorAssessment>();

  const assessmentOf = (criterion: string, indicator: string) =>
    classification.criteria.find((c) => c.criterion === criterion)?.indicators.find((i) => i.indicator === indicator);

  /** An indicator by name; the first time, with its value, unit, period and whether it is verified. */
  function phrase(criterion: CriterionDefinition, code: string, detailed: boolean): string | null {
    const indicator = criterion.indicators.find((candidate) => candidate.code === code);
    if (!indicator) return null;
    const name = localName(indicator.name, language, code);
    const assessment = assessmentOf(criterion.code, code);
    if (!assessment || !detailed || described.has(assessment)) return name;
    described.add(assessment);
    if (assessment.value === null || assessment.status === 'missing') {
      return t('zoneTerms.explain.indicatorMissing', { indicator: name });
    }
    return t('zoneTerms.explain.indicatorValue', {
      indicator: name,
      value: valueText(t, indicator.unit, assessment.value),
      period: assessment.period ? periodText(assessment.period, language) : '—',
      basis: t(`zoneTerms.basisShort.${assessment.basis}`),
    });
  }

  function sentence(reason: DecidingReason): string | null {
    if (reason.kind === 'all_green') return t('zoneTerms.explain.allGreen');
    const criterion = findCriterion(framework as FrameworkDefinition, reason.criterion);
    if (!criterion) return null;
    // A missing indicator is named only: the sentence already says it has no recent verified value.
    const detailed = reason.kind !== 'criterion_insufficient';
    const phrases = reason.indicators.map((code) => phrase(criterion, code, detailed));
    if (phrases.some((p) => p === null)) return null;
    const names = phrases as string[];
    const values = {
      criterion: localName(criterion.name, language, criterion.code),
      indicators: list.format(names),
      count: names.length,
    };
    if (reason.kind === 'hard_red') return names.length === 0 ? null : t('zoneTerms.explain.hardRed', values);
    return t(REASON_KEY[reason.kind], values);
  }

  const sentences: string[] = [];
  for (const reason of classification.deciding) {
    const text = sentence(reason);
    if (text === null) return fallback;
    sentences.push(text);
  }
  if ([...described].some((assessment) => isUnverifiedBasis(assessment.basis))) {
    sentences.push(t('zoneTerms.explain.unverified'));
  }
  return { kind: 'reasons', sentences };
}
