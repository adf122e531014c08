import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { Classification, FrameworkDefinition, IndicatorAssessment } from '../../shared/zones/schemas.ts';
import { readCatalogue } from '../i18n/read-catalogue.ts';
import { type ExplainTools, explainClassification, hasLanguage, localName, periodText, valueText } from './explain.ts';

/** The real catalogue's ICU messages, formatted as i18next-icu does; a key the catalogue lacks fails the test. */
function tools(language: string): ExplainTools {
  const catalogue = readCatalogue(language);
  const t = (key: string, values?: Record<string, unknown>) => {
    const message = catalogue[key];
    if (message === undefined) throw new Error(`no message "${key}" in the ${language} catalogue`);
    return String(new IntlMessageFormat(message, language).format(values as Record<string, string>));
  };
  return { t, language };
}

const framework: FrameworkDefinition = {
  title: { en: 'Return conditions' },
  criteria: [
    {
      code: 'safety',
      kind: 'criterion',
      name: { en: 'Physical safety', fr: 'Sécurité physique', ar: 'السلامة الجسدية' },
      indicators: [
        {
          code: 'incidents',
          name: { en: 'Security incidents', fr: 'Incidents de sécurité', ar: 'الحوادث الأمنية' },
          unit: 'rate_per_10000',
          direction: 'lower_is_better',
          green: 1,
          red: 5,
          weight: 1,
          hard: true,
          freshnessMonths: 3,
        },
        {
          code: 'mines',
          name: { en: 'Land cleared of mines' },
          unit: 'percent',
          direction: 'higher_is_better',
          green: 95,
          red: 60,
          weight: 1,
          hard: false,
          freshnessMonths: 6,
        },
      ],
    },
    {
      code: 'services',
      kind: 'criterion',
      name: { en: 'Basic services', fr: 'Services de base' },
      indicators: [
        {
          code: 'water',
          name: { en: 'Water supply', fr: 'Eau' },
          unit: 'hours_per_day',
          direction: 'higher_is_better',
          green: 12,
          red: 4,
          weight: 1,
          hard: false,
          freshnessMonths: 3,
        },
      ],
    },
  ],
};

const indicator = (code: string, over: Partial<IndicatorAssessment>): IndicatorAssessment => ({
  indicator: code,
  status: 'green',
  hard: false,
  value: null,
  period: null,
  source: null,
  organisationId: null,
  observedAt: null,
  basis: 'verified',
  observationIds: [],
  ...over,
});

const classification = (over: Partial<Classification>): Classification => ({
  class: 'conducive',
  criteria: [
    {
      criterion: 'safety',
      kind: 'criterion',
      status: 'red',
      indicators: [
        indicator('incidents', { status: 'red', hard: true, value: 7.5, period: '2026-03', source: 'partner_report' }),
        indicator('mines', { status: 'missing', basis: 'missing' }),
      ],
    },
    {
      criterion: 'services',
      kind: 'criterion',
      status: 'amber',
      indicators: [indicator('water', { status: 'amber', value: 6, period: '2026-02', basis: 'unverified_worse' })],
    },
  ],
  deciding: [],
  summary: 'Not conducive. Hard indicator red: Security incidents (7.5 per 10,000, 2026-03, verified).',
  ...over,
});

const sentences = (result: ReturnType<typeof explainClassification>) =>
  result.kind === 'reasons' ? result.sentences : [`summary: ${result.text}`];

describe('the explanation of a zone’s class', () => {
  it('names the hard indicator that decided, with its value, unit, period and verification, in full only once', () => {
    const result = explainClassification(
      classification({
        class: 'not_conducive',
        deciding: [
          { kind: 'hard_red', criterion: 'safety', indicators: ['incidents'] },
          { kind: 'criterion_red', criterion: 'safety', indicators: ['incidents'] },
        ],
      }),
      framework,
      tools('en'),
    );
    expect(sentences(result)).toEqual([
      'Security incidents (7.5 per 10,000 people, March 2026, verified) is red. In “Physical safety”, this alone makes the zone not conducive.',
      '“Physical safety” is red (not met) because of Security incidents.',
    ]);
  });

  it('is written in the reader’s language, names falling back to English', () => {
    const insufficient = classification({
      class: 'insufficient_data',
      deciding: [{ kind: 'criterion_insufficient', criterion: 'safety', indicators: ['incidents', 'mines'] }],
    });
    expect(sentences(explainClassification(insufficient, framework, tools('fr')))).toEqual([
      '« Sécurité physique » manque d’informations récentes et vérifiées : rien de récent ni de vérifié sur Incidents de sécurité et Land cleared of mines.',
    ]);
    const [arabic] = sentences(explainClassification(insufficient, framework, tools('ar')));
    expect(arabic).toContain('السلامة الجسدية');
    expect(arabic).toContain('الحوادث الأمنية');
    expect(arabic).toContain('Land cleared of mines');
  });

  it('says that unverified values count only against a zone when one is named', () => {
    const result = explainClassification(
      classification({
        class: 'conditionally_conducive',
        deciding: [{ kind: 'criterion_amber', criterion: 'services', indicators: ['water'] }],
      }),
      framework,
      tools('en'),
    );
    expect(sentences(result)).toEqual([
      '“Basic services” is amber (partly met) because of Water supply (6 hours a day, February 2026, not verified yet).',
      'Values not verified yet count only against a zone, until a verifier confirms or rejects them.',
    ]);
  });

  it('says every criterion is green, in Arabic too', () => {
    const green = classification({ deciding: [{ kind: 'all_green', criterion: null, indicators: [] }] });
    expect(sentences(explainClassification(green, framework, tools('ar')))).toEqual([
      'جميع المعايير باللون الأخضر: كل الشروط مستوفاة.',
    ]);
  });

  it('describes a missing value as such when it decides', () => {
    const result = explainClassification(
      classification({ deciding: [{ kind: 'criterion_amber', criterion: 'safety', indicators: ['mines'] }] }),
      framework,
      tools('en'),
    );
    expect(sentences(result)[0]).toBe(
      '“Physical safety” is amber (partly met) because of Land cleared of mines (no recent verified value).',
    );
  });

  it('falls back to the English summary when the reasons cannot be rendered', () => {
    const summary = { kind: 'summary', text: classification({}).summary };
    const fr = tools('fr');
    const unknownCriterion = classification({
      deciding: [{ kind: 'criterion_red', criterion: 'housing', indicators: [] }],
    });
    const unknownIndicator = classification({
      deciding: [{ kind: 'criterion_red', criterion: 'safety', indicators: ['schools'] }],
    });
    expect(explainClassification(unknownCriterion, framework, fr)).toEqual(summary);
    expect(explainClassification(unknownIndicator, framework, fr)).toEqual(summary);
    expect(explainClassification(classification({ deciding: [] }), framework, fr)).toEqual(summary);
    const green = classification({ deciding: [{ kind: 'all_green', criterion: null, indicators: [] }] });
    expect(explainClassification(green, null, fr)).toEqual(summary);
  });
});

describe('the terms of the explanation', () => {
  it('writes values with their unit', () => {
    const { t } = tools('en');
    expect(valueText(t, 'percent', 45)).toBe('45%');
    expect(valueText(t, 'yes_no', 1)).toBe('yes');
    expect(valueText(t, 'yes_no', 0)).toBe('no');
    expect(valueText(t, 'days', 1)).toBe('1 day');
    expect(valueText(t, 'hours_per_day', 6)).toBe('6 hours a day');
    expect(valueText(t, 'score_1_5', 3.5)).toBe('3.5 out of 5');
    expect(valueText(t, 'count', 12000)).toBe('12,000 incidents');
    expect(valueText(t, undefined, 3)).toBe('3');
    expect(valueText(tools('ar').t, 'percent', 45)).toBe(`${new Intl.NumberFormat('ar').format(45)}٪`);
  });

  it('counts in each language’s plural forms: one and many in English and French, six forms in Arabic', () => {
    const en = tools('en').t;
    expect([0, 1, 2].map((n) => valueText(en, 'count', n))).toEqual(['no incidents', '1 incident', '2 incidents']);
    const fr = tools('fr').t;
    expect([1, 2, 1.5].map((n) => valueText(fr, 'count', n))).toEqual(['1 incident', '2 incidents', '1,5 incident']);
    expect(valueText(fr, 'days', 3)).toBe('3 jours');
    const ar = tools('ar').t;
    const number = (n: number) => new Intl.NumberFormat('ar').format(n);
    // zero, one, two, few (3–10), many (11–99), other (100–102…)
    expect([0, 1, 2, 3, 11, 100].map((n) => valueText(ar, 'count', n))).toEqual([
      'لا حوادث',
      'حادث واحد',
      'حادثان',
      `${number(3)} حوادث`,
      `${number(11)} حادثًا`,
      `${number(100)} حادث`,
    ]);
    expect(valueText(ar, 'days', 2)).toBe('يومان');
  });

  it('names months and names in the reader’s language', () => {
    expect(periodText('2026-03', 'en')).toBe('March 2026');
    expect(periodText('2026-03', 'fr')).toBe('mars 2026');
    expect(periodText('not a period', 'fr')).toBe('not a period');
    const name = { en: 'Water supply', fr: 'Eau' };
    expect(localName(name, 'fr-CA')).toBe('Eau');
    expect(localName(name, 'ar')).toBe('Water supply');
    expect(hasLanguage(name, 'fr-CA')).toBe(true);
    expect(hasLanguage(name, 'ar')).toBe(false);
  });
});
