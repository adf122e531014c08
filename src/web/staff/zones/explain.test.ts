import i18next from 'i18next';
import ICU from 'i18next-icu';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../i18n/read-catalogue.ts';
import { type ExplainTools, explainClassification, valueText } from './explain.ts';
import type { Classification, FrameworkDefinition, IndicatorAssessment } from './types.ts';

const catalogue = (code: string) => readCatalogue(code);

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.use(ICU).init({
    lng: 'en',
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    resources: { en: { translation: catalogue('en') }, ar: { translation: catalogue('ar') } },
    interpolation: { escapeValue: false },
  });
});

function tools(language: string): ExplainTools {
  const t = i18n.getFixedT(language);
  const months = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    t: (key, values) => t(key, values),
    list: (items) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items),
    period: (period) => months.format(new Date(`${period}-01T00:00:00Z`)),
    language,
  };
}

const framework: FrameworkDefinition = {
  title: { en: 'Return conditions' },
  criteria: [
    {
      code: 'safety',
      kind: 'criterion',
      name: { en: 'Safety and security', ar: 'السلامة والأمن' },
      indicators: [
        {
          code: 'security_incidents',
          name: { en: 'Security incidents', ar: 'الحوادث الأمنية' },
          unit: 'rate_per_10000',
          direction: 'lower_is_better',
          green: 1,
          red: 5,
          weight: 2,
          hard: true,
          freshnessMonths: 3,
        },
      ],
    },
    {
      code: 'services',
      kind: 'criterion',
      name: { en: 'Basic services' },
      indicators: [
        {
          code: 'water_access',
          name: { en: 'Access to safe water' },
          unit: 'percent',
          direction: 'higher_is_better',
          green: 80,
          red: 50,
          weight: 1,
          hard: false,
          freshnessMonths: 6,
        },
        {
          code: 'clinic_open',
          name: { en: 'Health clinic open' },
          unit: 'yes_no',
          direction: 'higher_is_better',
          green: 1,
          red: 0,
          weight: 1,
          hard: false,
          freshnessMonths: 6,
        },
      ],
    },
  ],
};

const indicator = (code: string, changes: Partial<IndicatorAssessment>): IndicatorAssessment => ({
  indicator: code,
  status: 'green',
  hard: false,
  value: null,
  period: null,
  source: null,
  organisationId: null,
  observedAt: null,
  basis: 'missing',
  observationIds: [],
  ...changes,
});

const notConducive: Classification = {
  class: 'not_conducive',
  summary: 'Not conducive. (English summary from the server)',
  criteria: [
    {
      criterion: 'safety',
      kind: 'criterion',
      status: 'red',
      indicators: [
        indicator('security_incidents', {
          status: 'red',
          hard: true,
          value: 7.5,
          period: '2025-04',
          source: 'partner_report',
          basis: 'unverified_red',
        }),
      ],
    },
    {
      criterion: 'services',
      kind: 'criterion',
      status: 'amber',
      indicators: [
        indicator('water_access', { status: 'amber', value: 62, period: '2025-03', basis: 'verified' }),
        indicator('clinic_open', { status: 'missing' }),
      ],
    },
  ],
  deciding: [
    { kind: 'hard_red', criterion: 'safety', indicators: ['security_incidents'] },
    { kind: 'criterion_red', criterion: 'safety', indicators: ['security_incidents'] },
  ],
};

describe('explanation in the reader’s language', () => {
  it('names the deciding indicators with value, unit, period and basis, each in full only once', () => {
    expect(explainClassification(notConducive, framework, tools('en'))).toEqual([
      'Not conducive.',
      'Hard indicator red: Security incidents (7.5 per 10,000, April 2025, not verified yet).',
      'Criterion red: Safety and security, because of Security incidents.',
      'Unverified values count only against a zone, until a verifier confirms or rejects them.',
    ]);
  });

  it('speaks Arabic with Arabic names, falling back to English where a name has no Arabic', () => {
    const sentences = explainClassification(notConducive, framework, tools('ar'))!;
    expect(sentences[0]).toBe('غير مواتية.');
    expect(sentences[1]).toContain('الحوادث الأمنية');
    expect(sentences[2]).toContain('السلامة والأمن');
    const amber: Classification = {
      ...notConducive,
      class: 'conditionally_conducive',
      deciding: [{ kind: 'criterion_amber', criterion: 'services', indicators: ['water_access', 'clinic_open'] }],
    };
    expect(explainClassification(amber, framework, tools('ar'))!.join(' ')).toContain('Access to safe water');
  });

  it('lists what is missing for insufficient data, and says so for preconditions', () => {
    const insufficient: Classification = {
      ...notConducive,
      class: 'insufficient_data',
      deciding: [{ kind: 'criterion_insufficient', criterion: 'services', indicators: ['clinic_open'] }],
    };
    expect(explainClassification(insufficient, framework, tools('en'))).toEqual([
      'Insufficient data.',
      'Criterion without enough fresh verified data: Basic services, missing Health clinic open (no fresh verified value).',
    ]);
    const precondition = {
      ...framework,
      criteria: framework.criteria.map((c) => (c.code === 'services' ? { ...c, kind: 'precondition' as const } : c)),
    };
    expect(explainClassification(insufficient, precondition, tools('en'))![1]).toMatch(/^Precondition without/);
  });

  it('says every criterion is green for a conducive zone', () => {
    const conducive: Classification = {
      ...notConducive,
      class: 'conducive',
      deciding: [{ kind: 'all_green', criterion: null, indicators: [] }],
    };
    expect(explainClassification(conducive, framework, tools('en'))).toEqual([
      'Conducive.',
      'Every criterion is green.',
    ]);
  });

  it('gives way to the server’s summary when the framework does not know what decided the class', () => {
    const unknown: Classification = {
      ...notConducive,
      deciding: [{ kind: 'criterion_red', criterion: 'livelihoods', indicators: ['jobs'] }],
    };
    expect(explainClassification(unknown, framework, tools('en'))).toBeNull();
    expect(explainClassification({ ...notConducive, deciding: [] }, framework, tools('en'))).toBeNull();
  });

  it('writes values with their unit', () => {
    const { t } = tools('en');
    expect(valueText(t, 'percent', 45)).toBe('45%');
    expect(valueText(t, 'yes_no', 1)).toBe('yes');
    expect(valueText(t, 'yes_no', 0)).toBe('no');
    expect(valueText(t, 'days', 1)).toBe('1 day');
    expect(valueText(t, 'hours_per_day', 6)).toBe('6 hours a day');
    expect(valueText(t, 'score_1_5', 3.5)).toBe('3.5 out of 5');
    expect(valueText(t, 'count', 12000)).toBe('12,000');
    expect(valueText(tools('ar').t, 'percent', 45)).toBe(`${new Intl.NumberFormat('ar').format(45)}٪`);
  });
});
