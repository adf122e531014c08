import { sql } from 'drizzle-orm';
import {
  type Classification,
  type CurrentZoneClass,
  type LocalizedText,
  type PublicZone,
  type PublicZoneDetail,
  PublicZoneDetail as PublicZoneDetailSchema,
  type PublicZoneHistory,
  type PublicZoneHistoryEntry,
  PublicZoneHistory as PublicZoneHistorySchema,
  type PublicZoneLink,
  type ZoneClass,
  type ZoneLevel,
} from '../../shared/zones/schemas.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { notFound } from '../platform/http/errors.ts';
import { type PublicBody, publicBody } from '../platform/http/public-cache.ts';
import { activeFramework, frameworkByVersion } from './frameworks.ts';
import { findZone } from './gazetteer.ts';
import { presentFramework, presentRawPublication, presentZone } from './presenters.ts';
import { IN_FORCE, latestPublicZoneClass } from './published-classes.ts';
import { shiftPeriod } from './rules/classify.ts';
import { boxOf, chooseNeighbours, type NeighbourCandidate } from './rules/neighbours.ts';
import { currentPeriod } from './support.ts';
import { zonePublications, zonePublishedClasses, zones } from './tables.ts';

/**
 * What anyone may read: the published classes, never an observation, an organisation's evidence or a
 * draft.
 */

interface PublishedRow {
  pcode: string;
  parent_pcode: string | null;
  level: ZoneLevel;
  names: LocalizedText;
  class: ZoneClass;
  period: string;
  publication_id: string;
  summary: string;
  shape?: unknown;
}

/** Each zone's latest published class, and (for maps) its shape. */
export async function publishedZones(db: Database, withShapes: boolean): Promise<PublishedRow[]> {
  return queryRows<PublishedRow & Record<string, unknown>>(
    db,
    sql`select distinct on (c.pcode) c.pcode, z.parent_pcode, z.level, z.names, c.class, c.period,
        c.publication_id, c.classification->>'summary' as summary
        ${withShapes ? sql`, z.shape` : sql``}
      from ${zonePublishedClasses} c
      join ${zonePublications} p on p.id = c.publication_id
      join ${zones} z on z.pcode = c.pcode
      where ${IN_FORCE}
      order by c.pcode, c.period desc`,
  );
}

export const presentPublicZone = (row: PublishedRow): PublicZone => ({
  pcode: row.pcode,
  parentPcode: row.parent_pcode,
  level: row.level,
  name: row.names,
  class: row.class,
  period: row.period,
  publicationId: row.publication_id,
  summary: row.summary,
});

/** What changes the public zone list: a new publication. Cheap to ask on every request. */
export async function publicationStamp(db: Database): Promise<string> {
  const [row] = await queryRows<{ n: number | string; latest: string | null }>(
    db,
    sql`select count(*) as n, max(published_at)::text as latest from ${zonePublications}`,
  );
  return `${row?.n ?? 0}:${row?.latest ?? ''}`;
}

const cache = new WeakMap<Database, { stamp: string; json?: PublicBody; geojson?: PublicBody }>();

/** What changes the outlines and the neighbours: an import into the gazetteer (zones or their shapes). */
async function gazetteerStamp(db: Database): Promise<string> {
  const [row] = await queryRows<{ n: number | string; latest: string | null }>(
    db,
    sql`select count(*) as n, max(updated_at)::text as latest from ${zones}`,
  );
  return `${row?.n ?? 0}:${row?.latest ?? ''}`;
}

const outlinesCache = new WeakMap<Database, { stamp: string; body: PublicBody }>();

/** The regions' and districts' outlines, built once per state of the gazetteer (not per publication). */
async function outlinesBody(db: Database): Promise<PublicBody> {
  const stamp = await gazetteerStamp(db);
  const cached = outlinesCache.get(db);
  if (cached?.stamp === stamp) return cached.body;
  const body = publicBody(JSON.stringify(await adminOutlines(db)));
  outlinesCache.set(db, { stamp, body });
  return body;
}

/**
 * The public zone list as JSON text, built once per publication and served from memory until the next
 * one: the public map is the most read page of the mechanism. Compressed the first time a client asks for an
 * encoding (a region's list is some 3 MB of JSON, a tenth of that compressed, which matters on a phone).
 */
export async function publicZonesBody(db: Database, format: 'json' | 'geojson' | 'outlines'): Promise<PublicBody> {
  if (format === 'outlines') return outlinesBody(db);
  const stamp = await publicationStamp(db);
  let entry = cache.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp };
    cache.set(db, entry);
  }
  if (entry[format] === undefined) {
    const rows = await publishedZones(db, format === 'geojson');
    const text =
      format === 'json'
        ? JSON.stringify(rows.map(presentPublicZone))
        : JSON.stringify({
            type: 'FeatureCollection',
            features: rows
              .filter((row) => row.shape)
              .map((row) => ({
                type: 'Feature',
                id: row.pcode,
                geometry: row.shape,
                properties: presentPublicZone(row),
              })),
          });
    entry[format] = publicBody(text, `zones-${format}-${Buffer.from(stamp).toString('base64url')}`);
  }
  return entry[format]!;
}

interface OutlineRow {
  pcode: string;
  parent_pcode: string | null;
  level: ZoneLevel;
  names: LocalizedText;
  shape: unknown;
}

const outlineFeature = (row: OutlineRow) => ({
  type: 'Feature',
  id: row.pcode,
  geometry: row.shape,
  properties: { pcode: row.pcode, level: row.level, name: row.names },
});

/**
 * The regions and districts with an outline, published or not: their names and boundaries are the gazetteer's
 * (public OCHA data), drawn as lines and labels under the published zones so that a reader knows where they are.
 * Changes with the gazetteer, which is imported rarely; kept per publication like the list, and its ETag is a
 * hash of the text, so a re-import is seen at the next publication at the latest.
 */
async function adminOutlines(db: Database) {
  const rows = await queryRows<OutlineRow & Record<string, unknown>>(
    db,
    sql`select pcode, parent_pcode, level, names, shape from ${zones}
      where level in ('admin1', 'admin2') and shape is not null order by level, pcode`,
  );
  return { type: 'FeatureCollection', features: rows.map(outlineFeature) };
}

/** Zone pages and histories kept per publication: the most visited ones (a year of history is some 140 kB). */
const ZONE_PAGES_KEPT = 400;
const zonePages = new WeakMap<Database, { stamp: string; pages: Map<string, PublicBody> }>();

/**
 * A public zone page (`page`) or its history as JSON text, kept from one publication to the next like the zone
 * list (names and shapes too): each one takes several statements and a serialisation, and under load every
 * statement on the embedded database waits behind every other request's (bench/mixed.ts). A zone never
 * published is not kept, since its page shows the active framework, which changes without a publication.
 */
export async function publicZonePageBody(
  db: Database,
  pcode: string,
  part: 'page' | 'history' | 'map' = 'page',
): Promise<PublicBody> {
  const stamp = await publicationStamp(db);
  let entry = zonePages.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, pages: new Map() };
    zonePages.set(db, entry);
  }
  const key = `${part}:${pcode}`;
  let cached = entry.pages.get(key);
  if (cached) {
    entry.pages.delete(key); // the most recently read last, the next to go first
  } else {
    // What the route's response schema lets out, as the serializer would send it.
    const tag = `zone-${part}-${pcode}-${Buffer.from(stamp).toString('base64url')}`;
    if (part === 'history') {
      cached = publicBody(JSON.stringify(PublicZoneHistorySchema.parse(await publicZoneHistory(db, pcode))), tag);
    } else if (part === 'map') {
      cached = publicBody(JSON.stringify(await publicZoneMap(db, pcode)), tag);
    } else {
      const detail = await publicZoneDetail(db, pcode);
      const text = JSON.stringify(PublicZoneDetailSchema.parse(detail));
      if (detail.current === null) return publicBody(text);
      cached = publicBody(text, tag);
    }
  }
  entry.pages.set(key, cached);
  if (entry.pages.size > ZONE_PAGES_KEPT) entry.pages.delete(entry.pages.keys().next().value!);
  return cached;
}

/**
 * A zone's published classes (newest period first), each with its publication and the explanation of the
 * class; only the latest with `latestOnly`.
 */
async function publishedEntries(db: Database, pcode: string, latestOnly = false): Promise<PublicZoneHistoryEntry[]> {
  const rows = await queryRows<{
    period: string;
    class: ZoneClass;
    classification: Classification;
    publication_id: string;
  }>(
    db,
    sql`select c.period, c.class, c.classification, c.publication_id
      from ${zonePublishedClasses} c join ${zonePublications} p on p.id = c.publication_id
      where c.pcode = ${pcode} and ${IN_FORCE}
      order by c.period desc ${latestOnly ? sql`limit 1` : sql``}`,
  );
  const publicationIds = [...new Set(rows.map((row) => row.publication_id))];
  const publications = new Map(
    (
      await queryRows<Record<string, unknown>>(
        db,
        publicationIds.length === 0
          ? sql`select * from ${zonePublications} where false`
          : sql`select * from ${zonePublications} where id in (${sql.join(
              publicationIds.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      )
    ).map((row) => [row.id as string, presentRawPublication(row)]),
  );
  return rows.map((row) => ({
    period: row.period,
    class: row.class,
    publication: publications.get(row.publication_id)!,
    classification: row.classification,
  }));
}

/**
 * A zone's current published class with its explanation, the framework it was assessed under, the zone it lies
 * in, its neighbours and the zones inside it. Not its outline: the map asks for it (`publicZoneMap`), and a page
 * read without JavaScript does not carry it.
 */
export async function publicZoneDetail(db: Database, pcode: string): Promise<PublicZoneDetail> {
  const zone = await findZone(db, pcode);
  if (!zone) throw notFound('zone');
  const [current = null] = await publishedEntries(db, pcode, true);
  const framework = current
    ? await frameworkByVersion(db, current.publication.frameworkVersion)
    : await activeFramework(db);
  const around = await zonesAround(db, zone);
  const parent = zone.parentPcode ? await findZone(db, zone.parentPcode) : undefined;
  return {
    zone: presentZone(zone),
    current,
    framework: framework ? presentFramework(framework) : null,
    parent: parent ? { pcode: parent.pcode, level: parent.level as ZoneLevel, name: parent.names } : null,
    neighbours: around.neighbours.map(presentLink),
    children: around.children.map(presentLink),
  };
}

interface AroundRow {
  pcode: string;
  parent_pcode: string | null;
  level: ZoneLevel;
  names: LocalizedText;
  class: ZoneClass | null;
  period: string | null;
}

const presentLink = (row: AroundRow): PublicZoneLink => ({
  pcode: row.pcode,
  level: row.level,
  name: row.names,
  class: row.class,
  period: row.period,
});

const englishName = (row: { names: LocalizedText; pcode: string }) => row.names.en ?? row.pcode;

/** A candidate neighbour: its place in the gazetteer, its name and its outline's bounding box (not the outline). */
interface BoxedZone extends NeighbourCandidate {
  names: LocalizedText;
}

/**
 * The candidate neighbours of the zones of one level under one parent, kept until the gazetteer changes: their
 * outlines are read once to take their boxes, and a zone page (asked on every visit when the zone was never
 * published) then reads no outline at all.
 */
const neighbourGroups = new WeakMap<Database, { stamp: string; groups: Map<string, Promise<BoxedZone[]>> }>();

async function neighbourCandidates(
  db: Database,
  zone: { level: string; parentPcode: string | null },
): Promise<BoxedZone[]> {
  const stamp = await gazetteerStamp(db);
  let entry = neighbourGroups.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, groups: new Map() };
    neighbourGroups.set(db, entry);
  }
  const key = `${zone.level}:${zone.parentPcode ?? ''}`;
  let group = entry.groups.get(key);
  if (!group) {
    // The zones of its level under its grandparent: its siblings, and its cousins across a district line.
    const columns = sql`z.pcode, z.parent_pcode, z.level, z.names, z.shape`;
    group = queryRows<{
      pcode: string;
      parent_pcode: string | null;
      level: string;
      names: LocalizedText;
      shape: unknown;
    }>(
      db,
      zone.parentPcode === null
        ? sql`select ${columns} from ${zones} z where z.level = ${zone.level} and z.parent_pcode is null`
        : sql`select ${columns} from ${zones} z where z.level = ${zone.level} and z.parent_pcode in (
            select s.pcode from ${zones} s where s.parent_pcode is not distinct from
              (select p.parent_pcode from ${zones} p where p.pcode = ${zone.parentPcode})
            union select ${zone.parentPcode})`,
    ).then((rows) =>
      rows.map((candidate) => ({
        pcode: candidate.pcode,
        parentPcode: candidate.parent_pcode,
        level: candidate.level,
        names: candidate.names,
        box: boxOf(candidate.shape),
      })),
    );
    const groups = entry.groups;
    groups.set(key, group);
    group.catch(() => groups.delete(key));
  }
  return group;
}

/**
 * A zone's neighbours (rules/neighbours.ts) and the zones inside it (by English name), each with its latest
 * published class.
 */
async function zonesAround(
  db: Database,
  zone: { pcode: string; parentPcode: string | null; level: string; shape?: unknown },
): Promise<{ neighbours: AroundRow[]; children: AroundRow[] }> {
  const chosen = chooseNeighbours(
    { pcode: zone.pcode, parentPcode: zone.parentPcode, level: zone.level, box: boxOf(zone.shape) },
    await neighbourCandidates(db, zone),
  );
  const children = await queryRows<Omit<AroundRow, 'class' | 'period'> & Record<string, unknown>>(
    db,
    sql`select z.pcode, z.parent_pcode, z.level, z.names from ${zones} z where z.parent_pcode = ${zone.pcode}`,
  );
  const neighbours = chosen.map((candidate) => ({
    pcode: candidate.pcode,
    parent_pcode: candidate.parentPcode,
    level: candidate.level as ZoneLevel,
    names: candidate.names,
  }));
  const classes = await latestPublicZoneClass(
    db,
    [...neighbours, ...children].map((row) => row.pcode),
  );
  const withClass = (row: Omit<AroundRow, 'class' | 'period'>): AroundRow => {
    const latest = classes.get(row.pcode);
    return { ...row, class: latest?.class ?? null, period: latest?.period ?? null };
  };
  return {
    neighbours: neighbours.map(withClass),
    children: children
      .map(withClass)
      .sort((a, b) => englishName(a).localeCompare(englishName(b), 'en') || a.pcode.localeCompare(b.pcode)),
  };
}

/**
 * What the zone page's map draws, as GeoJSON: the zone (`role: zone`), its neighbours and the zones inside it
 * with their classes and names, and the outlines of the regions and districts they lie in (`role: context`).
 * Asked by the browser only when it draws the map; a reader without JavaScript reads the same zones as lists.
 */
export async function publicZoneMap(db: Database, pcode: string) {
  const zone = await findZone(db, pcode);
  if (!zone) throw notFound('zone');
  const [current] = await publishedEntries(db, pcode, true);
  const around = await zonesAround(db, zone);
  const listed = [...around.neighbours, ...around.children];
  const shapes = new Map(
    listed.length === 0
      ? []
      : (
          await queryRows<{ pcode: string; shape: unknown }>(
            db,
            sql`select pcode, shape from ${zones} where shape is not null and pcode in (${sql.join(
              listed.map((row) => sql`${row.pcode}`),
              sql`, `,
            )})`,
          )
        ).map((row) => [row.pcode, row.shape]),
  );
  const feature = (row: AroundRow & { shape: unknown }, role: 'zone' | 'neighbour' | 'child' | 'context') => ({
    type: 'Feature',
    id: row.pcode,
    geometry: row.shape,
    properties: { pcode: row.pcode, level: row.level, name: row.names, class: row.class, role },
  });
  const drawn = listed.filter((row) => shapes.has(row.pcode)).map((row) => ({ ...row, shape: shapes.get(row.pcode) }));
  const parents = new Set(
    [zone.parentPcode, ...drawn.map((row) => row.parent_pcode)].filter((code): code is string => code !== null),
  );
  // The regions and districts around: the drawn zones' parents and their parents, at admin1 or admin2 only.
  const context =
    parents.size === 0
      ? []
      : await queryRows<OutlineRow & Record<string, unknown>>(
          db,
          sql`select z.pcode, z.parent_pcode, z.level, z.names, z.shape from ${zones} z
            where z.level in ('admin1', 'admin2') and z.shape is not null and z.pcode <> ${pcode} and (
              z.pcode in (${sql.join(
                [...parents].map((code) => sql`${code}`),
                sql`, `,
              )})
              or z.pcode in (select p.parent_pcode from ${zones} p where p.pcode in (${sql.join(
                [...parents].map((code) => sql`${code}`),
                sql`, `,
              )})))`,
        );
  const self: AroundRow & { shape: unknown } = {
    pcode: zone.pcode,
    parent_pcode: zone.parentPcode,
    level: zone.level as ZoneLevel,
    names: zone.names,
    shape: zone.shape ?? null,
    class: current?.class ?? null,
    period: current?.period ?? null,
  };
  return {
    type: 'FeatureCollection',
    features: [
      ...context.map((row) => ({
        ...outlineFeature(row),
        properties: { ...outlineFeature(row).properties, role: 'context' },
      })),
      ...drawn.map((row) =>
        feature(row, around.children.some((child) => child.pcode === row.pcode) ? 'child' : 'neighbour'),
      ),
      ...(self.shape ? [feature(self, 'zone')] : []),
    ],
  };
}

/** Every class a zone was published with, newest period first (its page shows only the current one). */
export async function publicZoneHistory(db: Database, pcode: string): Promise<PublicZoneHistory> {
  const zone = await findZone(db, pcode);
  if (!zone) throw notFound('zone');
  return { history: await publishedEntries(db, pcode) };
}

/**
 * What a return decision asks of a zone: its latest published class, the period and publication it comes
 * from, and whether that period is recent enough (`freshMonths`, counting the current month) to decide on.
 * A zone never published is `insufficient_data`, never fresh.
 */
export async function currentZoneClass(
  db: Database,
  pcode: string,
  options: { freshMonths?: number; now?: Date } = {},
): Promise<CurrentZoneClass> {
  return (await currentZoneClasses(db, [pcode], options)).get(pcode)!;
}

/** `currentZoneClass` of several zones in one statement, by P-code (every P-code asked for has an entry). */
export async function currentZoneClasses(
  db: Database,
  pcodes: readonly string[],
  { freshMonths = 3, now = new Date() }: { freshMonths?: number; now?: Date } = {},
): Promise<Map<string, CurrentZoneClass>> {
  const found = new Map<string, CurrentZoneClass>();
  if (pcodes.length === 0) return found;
  const rows = await queryRows<{ pcode: string; class: ZoneClass; period: string; publication_id: string }>(
    db,
    sql`select distinct on (c.pcode) c.pcode, c.class, c.period, c.publication_id
      from ${zonePublishedClasses} c join ${zonePublications} p on p.id = c.publication_id
      where c.pcode in ${[...new Set(pcodes)]} and ${IN_FORCE}
      order by c.pcode, c.period desc`,
  );
  const freshFrom = shiftPeriod(currentPeriod(now), 1 - freshMonths);
  for (const row of rows) {
    found.set(row.pcode, {
      pcode: row.pcode,
      class: row.class,
      period: row.period,
      publicationId: row.publication_id,
      fresh: row.period >= freshFrom,
    });
  }
  for (const pcode of pcodes) {
    if (!found.has(pcode)) {
      found.set(pcode, { pcode, class: 'insufficient_data', period: null, publicationId: null, fresh: false });
    }
  }
  return found;
}

/**
 * What a publication published, exactly as hashed: anyone can recompute sha256 of its canonical JSON and
 * compare it with the publication's `contentHash` and with its entry in the transparency log.
 */
export async function publishedContent(db: Database, publicationId: string) {
  const [publication] = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from ${zonePublications} where id = ${publicationId}`,
  );
  if (!publication) throw notFound('publication');
  const rows = await queryRows<{ pcode: string; classification: Classification }>(
    db,
    sql`select pcode, classification from ${zonePublishedClasses} where publication_id = ${publicationId} order by pcode`,
  );
  const summary = presentRawPublication(publication);
  return {
    publication: summary,
    content: { period: summary.period, frameworkVersion: summary.frameworkVersion, zones: rows },
  };
}
