import { describe, expect, it } from 'vitest';
import { FrameworkDefinition } from '../../../shared/zones/schemas.ts';
import { classifyZone, type ObservationFact, thresholdStatus } from './classify.ts';
import { DEFAULT_FRAMEWORK } from './default-framework.ts';
import { checkFramework, indicatorsOf } from './framework.ts';

const indicators = DEFAULT_FRAMEWORK.criteria.flatMap((c) => c.indicators);
const hasAllLanguages = (name: Record<string, string>) =>
  ['en', 'ar', 'fr'].every((language) => (name[language] ?? '').trim().length > 0);

describe('the default framework', () => {
  it('is valid in shape and passes every framework check', () => {
    expect(FrameworkDefinition.parse(DEFAULT_FRAMEWORK)).toEqual(DEFAULT_FRAMEWORK);
    expect(checkFramework(DEFAULT_FRAMEWORK)).toEqual([]);
  });

  it('has the eight IASC criteria and the process preconditions, with 28 to 34 indicators', () => {
    expect(DEFAULT_FRAMEWORK.criteria.filter((c) => c.kind === 'criterion')).toHaveLength(8);
    expect(DEFAULT_FRAMEWORK.criteria.filter((c) => c.kind === 'precondition').length).toBeGreaterThan(0);
    expect(indicators.length).toBeGreaterThanOrEqual(28);
    expect(indicators.length).toBeLessThanOrEqual(34);
    expect(indicatorsOf(DEFAULT_FRAMEWORK).size).toBe(indicators.length);
  });

  it('names its title, every criterion and every indicator in English, Arabic and French', () => {
    expect(hasAllLanguages(DEFAULT_FRAMEWORK.title)).toBe(true);
    for (const item of [...DEFAULT_FRAMEWORK.criteria, ...indicators])
      expect(hasAllLanguages(item.name), item.code).toBe(true);
    // Arabic names are written in Arabic script, French ones differ from the English.
    for (const item of [...DEFAULT_FRAMEWORK.criteria, ...indicators]) {
      expect(item.name.ar, item.code).toMatch(/[\u0600-\u06FF]/);
      expect(item.name.fr, item.code).not.toBe(item.name.en);
    }
  });

  it('makes active hostilities, mined return routes, no agreement and no monitor access hard', () => {
    const hard = indicators.filter((i) => i.hard).map((i) => i.code);
    expect(hard.sort()).toEqual([
      'active_hostilities',
      'mines_uxo_on_routes',
      'monitor_access',
      'tripartite_agreement',
    ]);
    const byCode = indicatorsOf(DEFAULT_FRAMEWORK);
    expect(byCode.get('security_incidents')!.freshnessMonths).toBe(3);
    expect(thresholdStatus(byCode.get('tripartite_agreement')!, 0)).toBe('red');
    expect(thresholdStatus(byCode.get('active_hostilities')!, 1)).toBe('red');
    expect(thresholdStatus(byCode.get('active_hostilities')!, 0)).toBe('green');
  });

  it('can be classified: green values everywhere make a zone conducive, one mined route not conducive', () => {
    const green = indicators.map(
      (indicator, n): ObservationFact => ({
        id: `obs-${n}`,
        indicator: indicator.code,
        period: '2026-10',
        value: indicator.green,
        status: 'confirmed',
        source: 'monitoring_visit',
        organisationId: 'org-1',
        observedAt: '2026-10-15T10:00:00Z',
      }),
    );
    expect(classifyZone(DEFAULT_FRAMEWORK, '2026-10', green).class).toBe('conducive');
    const mined = green.map((o) => (o.indicator === 'mines_uxo_on_routes' ? { ...o, value: 12 } : o));
    const result = classifyZone(DEFAULT_FRAMEWORK, '2026-10', mined);
    expect(result.class).toBe('not_conducive');
    expect(result.summary).toMatch(
      /^Not conducive\. Hard indicator red: Mines and unexploded ordnance on return routes \(12, 2026-10, verified\)\./,
    );
  });
});
