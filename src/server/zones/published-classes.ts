import { sql } from 'drizzle-orm';
import type { PublicationSummary, ZoneClass } from '../../shared/zones/schemas.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { presentRawPublication } from './presenters.ts';
import { zonePublications, zonePublishedClasses, zones } from './tables.ts';

/** A publication is in force until a correction replaces it. */
export const IN_FORCE = sql`not exists (select 1 from ${zonePublications} r where r.replaces_id = p.id)`;

/** The latest published class of each zone named, with its publication. */
export async function latestPublicZoneClass(
  db: Database,
  pcodes: readonly string[],
): Promise<Map<string, { class: ZoneClass; period: string; publication: PublicationSummary }>> {
  if (pcodes.length === 0) return new Map();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    // The latest class is picked among the narrow class rows, and only the picked ones are joined to their
    // publication: sorting every period's rows with their publication was half the staff zone list's time.
    sql`select latest.pcode, latest.class, p.*
      from (
        select distinct on (c.pcode) c.pcode, c.class, c.publication_id
        from ${zonePublishedClasses} c
        where c.pcode in (${sql.join(
          pcodes.map((pcode) => sql`${pcode}`),
          sql`, `,
        )}) and c.publication_id in (select p.id from ${zonePublications} p where ${IN_FORCE})
        order by c.pcode, c.period desc
      ) latest join ${zonePublications} p on p.id = latest.publication_id`,
  );
  return new Map(
    rows.map((row) => [
      row.pcode as string,
      { class: row.class as ZoneClass, period: row.period as string, publication: presentRawPublication(row) },
    ]),
  );
}

/**
 * The zones whose class a publication changed: against the zone's class in the latest earlier period in force,
 * or, for a correction, in the publication it replaces. A zone's first published class is not a change.
 */
export async function classChangesOf(
  db: Database,
  publicationId: string,
  replaces: string | null,
): Promise<{ pcode: string; stateCode: string; name: string; class: string; previous: string }[]> {
  const previous = replaces
    ? sql`select pc.class from ${zonePublishedClasses} pc where pc.publication_id = ${replaces}::uuid and pc.pcode = c.pcode`
    : sql`select pc.class from ${zonePublishedClasses} pc
        where pc.pcode = c.pcode and pc.period < c.period
          and pc.publication_id in (select p.id from ${zonePublications} p where ${IN_FORCE})
        order by pc.period desc limit 1`;
  return queryRows(
    db,
    sql`select c.pcode, c.state_code as "stateCode", coalesce(z.names->>'en', c.pcode) as name, c.class,
          prev.class as previous
        from ${zonePublishedClasses} c
        join ${zones} z on z.pcode = c.pcode
        join lateral (${previous}) prev on true
        where c.publication_id = ${publicationId}::uuid and prev.class <> c.class
        order by c.pcode`,
  );
}
