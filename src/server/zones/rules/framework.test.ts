import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition, IndicatorDefinition } from '../../../shared/zones/schemas.ts';
import { checkFramework, checkValue, indicatorsOf } from './framework.ts';

const indicator = (code: string, overrides: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  code,
  name: { en: code },
  unit: 'percent',
  direction: 'higher_is_better',
  green: 80,
  red: 50,
  weight: 1,
  hard: false,
  freshnessMonths: 6,
  ...overrides,
});

const framework = (...criteria: IndicatorDefinition[][]): FrameworkDefinition => ({
  title: { en: 'Test' },
  criteria: criteria.map((indicators, c) => ({
    code: `criterion_${c}`,
    kind: 'criterion',
    name: { en: `Criterion ${c}` },
    indicators,
  })),
});

const codes = (definition: FrameworkDefinition) => checkFramework(definition).map((e) => [e.field, e.code]);

describe('checkFramework', () => {
  it('accepts a consistent framework', () => {
    expect(checkFramework(framework([indicator('water'), indicator('schools')], [indicator('courts')]))).toEqual([]);
  });

  it('reports thresholds that contradict their direction', () => {
    const errors = checkFramework(
      framework([
        indicator('ok'),
        indicator('higher', { green: 40, red: 60 }),
        indicator('lower', { direction: 'lower_is_better', green: 20, red: 10 }),
        indicator('equal', { direction: 'lower_is_better', green: 10, red: 10 }),
      ]),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['definition.criteria.0.indicators.1.red', 'contradicts_direction'],
      ['definition.criteria.0.indicators.2.red', 'contradicts_direction'],
    ]);
    expect(errors[0]!.message).toContain('at or above');
    expect(errors[1]!.message).toContain('at or below');
  });

  it('reports thresholds outside the range of their unit', () => {
    expect(
      codes(
        framework([
          indicator('percent', { green: 120, red: 50 }),
          indicator('score', { unit: 'score_1_5', green: 4, red: 0.5 }),
          indicator('hours', { unit: 'hours_per_day', green: 25, red: -1 }),
          indicator('count', { unit: 'count', direction: 'lower_is_better', green: 0, red: Number.NaN }),
        ]),
      ),
    ).toEqual([
      ['definition.criteria.0.indicators.0.green', 'out_of_range'],
      ['definition.criteria.0.indicators.1.red', 'out_of_range'],
      ['definition.criteria.0.indicators.2.green', 'out_of_range'],
      ['definition.criteria.0.indicators.2.red', 'out_of_range'],
      ['definition.criteria.0.indicators.3.red', 'out_of_range'],
    ]);
  });

  it('reports yes/no thresholds that are not 0 or 1', () => {
    const errors = checkFramework(
      framework([
        indicator('agreement', { unit: 'yes_no', green: 1, red: 1 }),
        indicator('hostilities', { unit: 'yes_no', direction: 'lower_is_better', green: 0, red: 0 }),
        indicator('half', { unit: 'yes_no', green: 1, red: 0.5 }),
        indicator('two', { unit: 'yes_no', green: 2, red: 1 }),
      ]),
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['definition.criteria.0.indicators.2.red', 'not_yes_no'],
      ['definition.criteria.0.indicators.3.green', 'not_yes_no'],
    ]);
  });

  it('reports duplicate criterion codes and indicator codes repeated anywhere in the framework', () => {
    const definition = framework([indicator('water'), indicator('water')], [indicator('courts')], [indicator('water')]);
    definition.criteria[2]!.code = 'criterion_0';
    expect(codes(definition)).toEqual([
      ['definition.criteria.0.indicators.1.code', 'duplicate_code'],
      ['definition.criteria.2.code', 'duplicate_code'],
      ['definition.criteria.2.indicators.0.code', 'duplicate_code'],
    ]);
  });

  it('reports every problem of an indicator, not just the first', () => {
    expect(codes(framework([indicator('bad', { green: -5, red: 150 })]))).toEqual([
      ['definition.criteria.0.indicators.0.green', 'out_of_range'],
      ['definition.criteria.0.indicators.0.red', 'out_of_range'],
      ['definition.criteria.0.indicators.0.red', 'contradicts_direction'],
    ]);
  });
});

describe('indicatorsOf', () => {
  it('maps each indicator code to its definition and criterion, first occurrence winning', () => {
    const definition = framework(
      [indicator('water'), indicator('schools')],
      [indicator('courts'), indicator('water', { weight: 9 })],
    );
    const indicators = indicatorsOf(definition);
    expect([...indicators.keys()]).toEqual(['water', 'schools', 'courts']);
    expect(indicators.get('courts')).toEqual({ ...indicator('courts'), criterion: 'criterion_1' });
    expect(indicators.get('water')).toMatchObject({ criterion: 'criterion_0', weight: 1 });
  });
});

describe('checkValue', () => {
  it('accepts values within the unit', () => {
    expect(checkValue({ unit: 'percent' }, 0)).toBeNull();
    expect(checkValue({ unit: 'percent' }, 100)).toBeNull();
    expect(checkValue({ unit: 'percent' }, 45.5)).toBeNull();
    expect(checkValue({ unit: 'count' }, 12)).toBeNull();
    expect(checkValue({ unit: 'yes_no' }, 1)).toBeNull();
    expect(checkValue({ unit: 'score_1_5' }, 2.5)).toBeNull();
  });

  it('refuses values out of range', () => {
    expect(checkValue({ unit: 'percent' }, 100.1)).toBe('The value must be between 0 and 100 (percent).');
    expect(checkValue({ unit: 'score_1_5' }, 0)).toBe('The value must be between 1 and 5 (score_1_5).');
    expect(checkValue({ unit: 'hours_per_day' }, 25)).toMatch(/between 0 and 24/);
    expect(checkValue({ unit: 'count' }, -1)).toMatch(/between 0 and/);
  });

  it('refuses fractions where the unit counts, and anything but 0 or 1 for yes/no', () => {
    expect(checkValue({ unit: 'count' }, 2.5)).toBe('The value must be a whole number (count).');
    expect(checkValue({ unit: 'yes_no' }, 0.5)).toBe('The value must be 0 (no) or 1 (yes).');
    expect(checkValue({ unit: 'yes_no' }, 2)).toBe('The value must be 0 (no) or 1 (yes).');
  });

  it('refuses what is not a finite number', () => {
    expect(checkValue({ unit: 'km' }, Number.NaN)).toBe('The value must be a number.');
    expect(checkValue({ unit: 'days' }, Number.POSITIVE_INFINITY)).toBe('The value must be a number.');
  });
});
