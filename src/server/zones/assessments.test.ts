import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/app.ts';
import type { ObservationStatus } from '../../shared/zones/schemas.ts';
import { OBSERVATION_SOURCES } from '../../shared/zones/schemas.ts';
import { organisations } from '../platform/accounts/schema.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { classifyPeriod } from './assessments.ts';
import { activeFramework } from './frameworks.ts';
import { upsertZones } from './gazetteer.ts';
import { classifyZone, type ObservationFact, shiftPeriod } from './rules/classify.ts';
import { zoneObservations } from './tables.ts';

/**
 * classifyPeriod reads only the observations that can decide a class; its answer must be exactly what
 * classifyZone gives on every observation of the zone (and of the wider zones it inherits from).
 */
let database: DatabaseHandle;
let dataDir: string;
const ORGANISATIONS = [newId(), newId(), newId()];
const PERIOD = '2026-06';

const ZONES = [
  { pcode: 'QM', parentPcode: null, level: 'state' as const },
  { pcode: 'QM01', parentPcode: 'QM', level: 'admin1' as const },
  { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2' as const },
  { pcode: 'QM0101001', parentPcode: 'QM0101', level: 'location' as const },
  { pcode: 'QM0101002', parentPcode: 'QM0101', level: 'location' as const },
  { pcode: 'QM0101003', parentPcode: 'QM0101', level: 'location' as const },
  { pcode: 'QM0102', parentPcode: 'QM01', level: 'admin2' as const },
  { pcode: 'QM0102001', parentPcode: 'QM0102', level: 'location' as const },
  { pcode: 'QM02', parentPcode: 'QM', level: 'admin1' as const },
];

beforeAll(async () => {
  ({ database, dataDir } = await createTestDatabase());
  await upsertZones(
    database.db,
    ZONES.map((zone) => ({ ...zone, names: { en: zone.pcode }, population: null })),
  );
  await database.db
    .insert(organisations)
    .values(
      ORGANISATIONS.map((id, i) => ({ id, name: `Partner ${i}`, kind: 'civil_society' as const, homeState: 'QM' })),
    );
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A small deterministic generator (mulberry32). */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: ObservationStatus[] = ['confirmed', 'confirmed', 'confirmed', 'pending', 'more_evidence', 'rejected'];

describe('classifyPeriod', () => {
  it('gives every return zone the classification classifyZone gives on all its observations', async () => {
    const framework = await activeFramework(database.db);
    const indicators = framework.definition.criteria.flatMap((criterion) => criterion.indicators);
    for (const seed of [1, 2, 3]) {
      const random = generator(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      await database.db.delete(zoneObservations);
      const rows: (typeof zoneObservations.$inferInsert)[] = [];
      const live = new Set<string>();
      for (const zone of ZONES) {
        // Wider zones observe a few indicators; return zones most of them, some not at all.
        for (const indicator of indicators.filter(() => random() < (zone.level === 'location' ? 0.8 : 0.2))) {
          const count = 1 + Math.floor(random() * 5);
          for (let n = 0; n < count; n++) {
            // Months from well before the freshness windows to after the period (which must be ignored).
            const period = shiftPeriod(PERIOD, 2 - Math.floor(random() * 20));
            const organisationId = pick(ORGANISATIONS);
            const status = pick(STATUSES);
            const key = `${zone.pcode} ${indicator.code} ${period} ${organisationId}`;
            if (status !== 'rejected' && live.has(key)) continue;
            if (status !== 'rejected') live.add(key);
            const span = Math.abs(indicator.green - indicator.red) || 1;
            const worse = indicator.direction === 'higher_is_better' ? -span : span;
            const value = pick([
              indicator.green,
              (indicator.green + indicator.red) / 2,
              indicator.red,
              indicator.red + worse,
            ]);
            const submittedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 1e10));
            rows.push({
              id: newId(),
              pcode: zone.pcode,
              stateCode: 'QM',
              indicator: indicator.code,
              period,
              value: indicator.unit === 'yes_no' ? pick([0, 1]) : value,
              source: pick(OBSERVATION_SOURCES),
              method: 'Test',
              status,
              organisationId,
              submittedAt,
            });
          }
        }
      }
      await database.db.insert(zoneObservations).values(rows);

      for (const period of [PERIOD, shiftPeriod(PERIOD, -4)]) {
        const { results } = await classifyPeriod(database.db, period);
        const facts = (pcode: string): ObservationFact[] =>
          rows
            .filter((row) => row.pcode === pcode)
            .map((row) => ({
              id: row.id!,
              indicator: row.indicator,
              period: row.period,
              value: row.value,
              status: row.status as ObservationStatus,
              source: row.source as ObservationFact['source'],
              organisationId: row.organisationId,
              observedAt: row.submittedAt!.toISOString(),
            }));
        // An indicator counts as the zone's own when it has a value not rejected, up to the period.
        const owns = (fact: ObservationFact) => fact.status !== 'rejected' && fact.period <= period;
        const leaves = ZONES.filter((zone) => !ZONES.some((child) => child.parentPcode === zone.pcode));
        const expected = leaves.map((zone) => {
          const all = facts(zone.pcode);
          const covered = new Set(all.filter(owns).map((fact) => fact.indicator));
          for (let up = zone.parentPcode; up; up = ZONES.find((z) => z.pcode === up)!.parentPcode) {
            const wider = facts(up);
            const inherited = new Set(
              wider.filter((f) => owns(f) && !covered.has(f.indicator)).map((f) => f.indicator),
            );
            all.push(...wider.filter((fact) => inherited.has(fact.indicator)));
            for (const code of inherited) covered.add(code);
          }
          return { pcode: zone.pcode, classification: classifyZone(framework.definition, period, all) };
        });
        expect(results.map(({ pcode, classification }) => ({ pcode, classification }))).toEqual(
          expected.sort((a, b) => (a.pcode < b.pcode ? -1 : 1)),
        );
      }
    }
  });
});
