import type { ZoneClass } from '../../shared/zones/constants.ts';
import type { Database } from '../platform/db/client.ts';
import { upsertZones } from './gazetteer.ts';
import { classifyZone } from './rules/classify.ts';
import { DEFAULT_FRAMEWORK } from './rules/default-framework.ts';
import { zonePublications, zonePublishedClasses } from './tables.ts';

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

/**
 * Publishes `classes` for a period as a coordinator would have, without observations: a publication and its
 * class rows (the classification itself is the default framework's verdict on no data). For tests of modules
 * that act on a zone's published class (cases), which need a class, not how it was reached.
 */
export async function publishTestClasses(
  db: Database,
  publisher: { userId: string; organisationId: string },
  period: string,
  classes: Readonly<Record<string, ZoneClass>>,
): Promise<{ publicationId: string }> {
  const [publication] = await db
    .insert(zonePublications)
    .values({
      period,
      frameworkVersion: 1,
      contentHash: 'a'.repeat(64),
      auditSeq: 1,
      zoneCount: Object.keys(classes).length,
      publishedBy: publisher.userId,
      organisationId: publisher.organisationId,
    })
    .returning();
  const classification = classifyZone(DEFAULT_FRAMEWORK, period, []);
  await db.insert(zonePublishedClasses).values(
    Object.entries(classes).map(([pcode, zoneClass]) => ({
      publicationId: publication!.id,
      pcode,
      stateCode: pcode.slice(0, 2),
      period,
      class: zoneClass,
      classification: { ...classification, class: zoneClass },
    })),
  );
  return { publicationId: publication!.id };
}
