import { describe, expect, it } from 'vitest';
import * as shared from '../../../shared/zones.ts';
import { readCatalogue } from '../../i18n/read-catalogue.ts';
import {
  CRITERION_KINDS,
  DIRECTIONS,
  FRESHNESS_MAX,
  FRESHNESS_MIN,
  OBSERVATION_SOURCES,
  PCODE,
  UNITS,
  VERIFICATION_DECISIONS,
  ZONE_CLASS_RANK,
  ZONE_CLASSES,
  ZONE_LEVELS,
} from './vocabulary.ts';

const english = readCatalogue('en');

const sorted = (values: readonly string[]) => [...values].sort();

describe('zones vocabulary on the screens', () => {
  it('is the shared vocabulary (copied so the schema library stays out of the browser)', () => {
    expect(ZONE_LEVELS).toEqual(shared.ZONE_LEVELS);
    expect(sorted(ZONE_CLASSES)).toEqual(sorted(shared.ZONE_CLASSES));
    expect(ZONE_CLASS_RANK).toEqual(shared.ZONE_CLASS_RANK);
    expect(UNITS).toEqual(shared.UNITS);
    expect(DIRECTIONS).toEqual(shared.DIRECTIONS);
    expect(OBSERVATION_SOURCES).toEqual(shared.OBSERVATION_SOURCES);
    expect(CRITERION_KINDS).toEqual(shared.CRITERION_KINDS);
    expect(VERIFICATION_DECISIONS).toEqual(shared.VERIFICATION_DECISIONS);
    expect(PCODE.source).toBe(shared.PCODE.source);
  });

  it('has the framework limits of the shared schema', () => {
    const freshness = shared.IndicatorDefinition.shape.freshnessMonths;
    expect(freshness.safeParse(FRESHNESS_MIN).success).toBe(true);
    expect(freshness.safeParse(FRESHNESS_MIN - 1).success).toBe(false);
    expect(freshness.safeParse(FRESHNESS_MAX).success).toBe(true);
    expect(freshness.safeParse(FRESHNESS_MAX + 1).success).toBe(false);
  });

  it('names every word in the catalogue (the catalogue test then checks every language)', () => {
    const needed = [
      ...shared.ZONE_LEVELS.map((level) => `zones.level.${level}`),
      ...shared.ZONE_CLASSES.map((zoneClass) => `zoneTerms.class.${zoneClass}`),
      ...Object.keys(shared.UNITS).flatMap((unit) => [`zones.unit.${unit}`, `zoneTerms.unit.${unit}`]),
      ...shared.DIRECTIONS.map((direction) => `zones.direction.${direction}`),
      ...shared.OBSERVATION_SOURCES.map((source) => `zoneTerms.source.${source}`),
      ...shared.OBSERVATION_STATUSES.map((status) => `zones.observationStatus.${status}`),
      ...shared.VERIFICATION_DECISIONS.map((decision) => `zones.decision.${decision}`),
      ...[...shared.INDICATOR_STATUSES, ...shared.CRITERION_STATUSES].map((status) => `zoneTerms.status.${status}`),
      ...shared.IndicatorAssessment.shape.basis.options.flatMap((basis) => [
        `zoneTerms.basis.${basis}`,
        `zoneTerms.basisShort.${basis}`,
      ]),
      ...shared.CRITERION_KINDS.map((kind) => `zones.kind.${kind}`),
      ...shared.FRAMEWORK_STATUSES.map((status) => `zones.framework.status.${status}`),
    ];
    expect(needed.filter((key) => !(key in english))).toEqual([]);
  });
});
