import { describe, expect, it } from 'vitest';
import type { Classification, FrameworkDefinition, IndicatorAssessment } from '../../../shared/zones/schemas.ts';
import { explain } from './explain.ts';
import { translator } from './testing.ts';

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

describe('the explanation of a zone’s class', () => {
  it('names the hard indicator that decided, with its value, unit, period and verification', () => {
    const result = explain(
      classification({
        class: 'not_conducive',
        deciding: [
          { kind: 'hard_red', criterion: 'safety', indicators: ['incidents'] },
          { kind: 'criterion_red', criterion: 'safety', indicators: ['incidents'] },
        ],
      }),
      framework,
      translator('en'),
      'en',
    );
    expect(result).toEqual({
      kind: 'reasons',
      sentences: [
        'Security incidents (7.5 per 10,000 people, March 2026, verified) is red. In “Physical safety”, this is a hard indicator: on its own, it makes the zone not conducive.',
        // Once described, an indicator is named only.
        '“Physical safety” is red (not met) because of Security incidents.',
      ],
    });
  });

  it('is written in the reader’s language, names falling back to English', () => {
    const result = explain(
      classification({
        class: 'insufficient_data',
        deciding: [{ kind: 'criterion_insufficient', criterion: 'safety', indicators: ['incidents', 'mines'] }],
      }),
      framework,
      translator('fr'),
      'fr',
    );
    expect(result).toEqual({
      kind: 'reasons',
      sentences: [
        '« Sécurité physique » manque d’informations récentes et vérifiées : rien de récent ni de vérifié sur Incidents de sécurité et Land cleared of mines.',
      ],
    });
  });

  it('says that unverified values count only against a zone when one is named', () => {
    const result = explain(
      classification({
        class: 'conditionally_conducive',
        deciding: [{ kind: 'criterion_amber', criterion: 'services', indicators: ['water'] }],
      }),
      framework,
      translator('en'),
      'en',
    );
    expect(result.kind).toBe('reasons');
    expect(result.kind === 'reasons' && result.sentences).toEqual([
      '“Basic services” is amber (partly met) because of Water supply (6 hours a day, February 2026, not verified yet).',
      'Values not verified yet count only against a zone, until a verifier confirms or rejects them.',
    ]);
  });

  it('says every criterion is green, in Arabic too', () => {
    const reasons = { deciding: [{ kind: 'all_green' as const, criterion: null, indicators: [] }] };
    expect(explain(classification(reasons), framework, translator('ar'), 'ar')).toEqual({
      kind: 'reasons',
      sentences: ['جميع المعايير باللون الأخضر: كل الشروط مستوفاة.'],
    });
  });

  it('describes a missing value as such when it decides', () => {
    const result = explain(
      classification({ deciding: [{ kind: 'criterion_amber', criterion: 'safety', indicators: ['mines'] }] }),
      framework,
      translator('en'),
      'en',
    );
    expect(result.kind === 'reasons' && result.sentences[0]).toBe(
      '“Physical safety” is amber (partly met) because of Land cleared of mines (no recent verified value).',
    );
  });

  it('falls back to the English summary when the reasons cannot be rendered', () => {
    const summary = { kind: 'summary', text: classification({}).summary };
    const t = translator('fr');
    const unknownCriterion = classification({
      deciding: [{ kind: 'criterion_red', criterion: 'housing', indicators: [] }],
    });
    const unknownIndicator = classification({
      deciding: [{ kind: 'criterion_red', criterion: 'safety', indicators: ['schools'] }],
    });
    expect(explain(unknownCriterion, framework, t, 'fr')).toEqual(summary);
    expect(explain(unknownIndicator, framework, t, 'fr')).toEqual(summary);
    expect(explain(classification({ deciding: [] }), framework, t, 'fr')).toEqual(summary);
    const reasons = classification({ deciding: [{ kind: 'all_green', criterion: null, indicators: [] }] });
    expect(explain(reasons, null, t, 'fr')).toEqual(summary);
  });
});
