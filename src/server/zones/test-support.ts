import type { Database } from '../platform/db/client.ts';
import { upsertZones } from './gazetteer.ts';

/**
 * A small gazetteer for tests that need somewhere to observe: the state QM, its province QM01 and the district
 * QM0101, where the observations of the default framework can be recorded.
 */
export function createTestZones(db: Database): Promise<unknown> {
  return upsertZones(db, [
    { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
    { pcode: 'QM01', parentPcode: 'QM', level: 'admin1', names: { en: 'North' }, population: null },
    { pcode: 'QM0101', parentPcode: 'QM01', level: 'admin2', names: { en: 'Alder' }, population: 12000 },
  ]);
}
