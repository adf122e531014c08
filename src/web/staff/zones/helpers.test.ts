import { describe, expect, it } from 'vitest';
import { localName } from '../../zones/explain.ts';
import { indicatorHistory, sparklinePath } from './history.ts';
import { parseNumber } from './numbers.ts';
import { currentPeriod, isPeriod, periodStart, periodsUpTo, shiftPeriod } from './periods.ts';
import { classChange, thresholdStatus, thresholdsAgree } from './status.ts';
import type { Assessment, FrameworkDefinition } from './types.ts';

describe('periods', () => {
  it('counts months in UTC, as the server does', () => {
    expect(currentPeriod(new Date('2025-03-31T23:30:00-02:00'))).toBe('2025-04');
    expect(currentPeriod(new Date('2025-04-01T01:00:00+03:00'))).toBe('2025-03');
  });

  it('moves across years both ways', () => {
    expect(shiftPeriod('2025-01', -1)).toBe('2024-12');
    expect(shiftPeriod('2024-12', 1)).toBe('2025-01');
    expect(shiftPeriod('2025-06', -18)).toBe('2023-12');
    expect(periodsUpTo('2025-02', 3)).toEqual(['2025-02', '2025-01', '2024-12']);
  });

  it('knows a month when it sees one', () => {
    expect(isPeriod('2025-04')).toBe(true);
    expect(isPeriod('2025-13')).toBe(false);
    expect(isPeriod('2025-4')).toBe(false);
    expect(periodStart('2025-04').toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });
});

describe('numbers as typed', () => {
  it('reads Western and Arabic-Indic digits, decimal points and commas', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber(' 12,5 ')).toBe(12.5);
    expect(parseNumber('١٢٫٥')).toBe(12.5);
    expect(parseNumber('۴۵')).toBe(45);
    expect(parseNumber('1 000')).toBe(1000);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('0')).toBe(0);
  });

  it('refuses what could be misread or is not a number', () => {
    expect(parseNumber('1,000')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('12a')).toBeUndefined();
    expect(parseNumber('1.2.3')).toBeUndefined();
    expect(parseNumber('Infinity')).toBeUndefined();
  });
});

describe('names in the reader’s language', () => {
  const name = { en: 'Maren district', ar: 'قضاء مارن', fr: 'District de Maren' };
  it('picks the language, then its base, then English', () => {
    expect(localName(name, 'ar')).toBe('قضاء مارن');
    expect(localName(name, 'fr-CA')).toBe('District de Maren');
    expect(localName(name, 'ckb')).toBe('Maren district');
    expect(localName(undefined, 'en', 'QM01')).toBe('QM01');
  });
});

describe('statuses', () => {
  const higher = { direction: 'higher_is_better', green: 80, red: 50 } as const;
  const lower = { direction: 'lower_is_better', green: 5, red: 20 } as const;

  it('judges a value against the thresholds like the server', () => {
    expect(thresholdStatus(higher, 80)).toBe('green');
    expect(thresholdStatus(higher, 50)).toBe('amber');
    expect(thresholdStatus(higher, 49.9)).toBe('red');
    expect(thresholdStatus(lower, 5)).toBe('green');
    expect(thresholdStatus(lower, 20)).toBe('amber');
    expect(thresholdStatus(lower, 21)).toBe('red');
  });

  it('catches thresholds that contradict each other', () => {
    expect(thresholdsAgree(higher)).toBe(true);
    expect(thresholdsAgree({ ...higher, red: 90 })).toBe(false);
    expect(thresholdsAgree(lower)).toBe(true);
    expect(thresholdsAgree({ ...lower, red: 1 })).toBe(false);
  });

  it('says how a class moved in words', () => {
    expect(classChange('not_conducive', 'conditionally_conducive')).toBe('improved');
    expect(classChange('conducive', 'insufficient_data')).toBe('worsened');
    expect(classChange('conducive', 'conducive')).toBe('unchanged');
    expect(classChange(null, 'conducive')).toBe('first');
  });
});

describe('indicators over time', () => {
  const framework: FrameworkDefinition = {
    title: { en: 'Framework' },
    criteria: [
      {
        code: 'safety',
        kind: 'criterion',
        name: { en: 'Safety' },
        indicators: [
          {
            code: 'incidents',
            name: { en: 'Incidents' },
            unit: 'rate_per_10000',
            direction: 'lower_is_better',
            green: 1,
            red: 5,
            weight: 1,
            hard: true,
            freshnessMonths: 3,
          },
        ],
      },
    ],
  };
  const assessment = (period: string, value: number): Assessment => ({
    pcode: 'QM01',
    period,
    frameworkVersion: 1,
    computedAt: '2025-05-02T00:00:00.000Z',
    class: 'conducive',
    deciding: [],
    summary: '',
    criteria: [
      {
        criterion: 'safety',
        kind: 'criterion',
        status: 'green',
        indicators: [
          {
            indicator: 'incidents',
            status: 'green',
            hard: true,
            value,
            period,
            source: 'survey',
            organisationId: null,
            observedAt: null,
            basis: 'verified',
            observationIds: [],
          },
        ],
      },
    ],
  });

  it('lines each indicator up by period, leaving gaps where nothing was assessed', () => {
    const rows = indicatorHistory([assessment('2025-04', 0.5), assessment('2025-02', 2)], framework, [
      '2025-02',
      '2025-03',
      '2025-04',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells.map((cell) => cell.assessment?.value ?? null)).toEqual([2, null, 0.5]);
  });

  it('draws a sparkline that breaks at gaps', () => {
    expect(sparklinePath([], 100, 20)).toBe('');
    expect(sparklinePath([1, 3], 100, 20, 0)).toBe('M0 20 L100 0');
    expect(sparklinePath([1, null, 3], 100, 20, 0)).toBe('M0 20 M100 0');
    expect(sparklinePath([4, 4], 10, 20, 0)).toBe('M0 10 L10 10');
  });
});
