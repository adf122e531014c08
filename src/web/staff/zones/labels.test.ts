import { describe, expect, it } from 'vitest';
import * as shared from '../../../shared/zones/constants.ts';
import { readCatalogue } from '../../i18n/read-catalogue.ts';

const english = readCatalogue('en');

describe('zones vocabulary on the screens', () => {
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
      ...shared.INDICATOR_BASES.flatMap((basis) => [`zoneTerms.basis.${basis}`, `zoneTerms.basisShort.${basis}`]),
      ...shared.CRITERION_KINDS.map((kind) => `zones.kind.${kind}`),
      ...shared.FRAMEWORK_STATUSES.map((status) => `zones.framework.status.${status}`),
    ];
    expect(needed.filter((key) => !(key in english))).toEqual([]);
  });
});
