import { describe, expect, it } from 'vitest';
import {
  IndicatorAssessment,
  OBSERVATION_SOURCES,
  PCODE as SHARED_PCODE,
  UNIT_NAMES,
  ZONE_CLASSES,
  ZONE_LEVELS,
} from '../../../shared/zones/schemas.ts';
import { BASES, CLASSES, isZoneClass, LEVELS, PCODE, SOURCES, UNITS } from './vocabulary.ts';

describe('the public pages’ copy of the zone vocabulary', () => {
  it('has the shared lists (a new class, level, source, unit or basis must be named on the public pages)', () => {
    expect([...CLASSES].sort()).toEqual([...ZONE_CLASSES].sort());
    expect(LEVELS).toEqual(ZONE_LEVELS);
    expect(SOURCES).toEqual(OBSERVATION_SOURCES);
    expect(UNITS).toEqual(UNIT_NAMES);
    expect(BASES).toEqual(IndicatorAssessment.shape.basis.options);
    expect(PCODE.source).toBe(SHARED_PCODE.source);
  });

  it('tells a class from anything else', () => {
    expect(isZoneClass('conducive')).toBe(true);
    expect(isZoneClass('green')).toBe(false);
    expect(isZoneClass(undefined)).toBe(false);
  });
});
