import { type AnyColumn, and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  LocalizedText,
  ZoneClass,
  ZoneDetail,
  ZoneLevel,
  ZoneListQuery,
  ZonePage,
} from '../../shared/zones/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { countOf } from '../platform/db/count.ts';
import { notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { activeFramework } from './frameworks.ts';
import { latestPublicZoneClass } from './published-classes.ts';
import { zoneAssessments, zones } from './tables.ts';
import './permissions.ts';
import { presentFramework, presentZone, type ZoneRow } from './presenters.ts';

export async function findZone(db: Database, pcode: string): Promise<ZoneRow | undefined> {
  const [row] = await db.select().from(zones).where(eq(zones.pcode, pcode));
  return row;
}

/** A zone's state, or undefined when no zone has the code: a cheap check for another module's input. */
export async function zoneStateCode(db: Database, pcode: string): Promise<string | undefined> {
  const [row] = await db.select({ stateCode: zones.stateCode }).from(zones).where(eq(zones.pcode, pcode));
  return row?.stateCode;
}

/**
 * A zone's names as an expression on a P-code column (null when no zone has the code), so that another module's
 * list reads them in its own statement, without reaching into the zones tables.
 */
export function zoneNamesOf(pcode: AnyColumn | SQL): SQL<LocalizedText | null> {
  return sql<LocalizedText | null>`(select ${zones.names} from ${zones} where ${zones.pcode} = ${pcode})`;
}

/** A zone's names, or null when no zone has the code. */
export async function zoneNames(db: Database, pcode: string): Promise<LocalizedText | null> {
  const [row] = await db.select({ names: zones.names }).from(zones).where(eq(zones.pcode, pcode));
  return row?.names ?? null;
}

/** The columns of a zone list (never the shapes, which are large). */
const listColumns = {
  pcode: zones.pcode,
  parentPcode: zones.parentPcode,
  stateCode: zones.stateCode,
  level: zones.level,
  names: zones.names,
  population: zones.population,
  shape: sql<unknown>`case when ${zones.shape} is null then null else true end`,
  createdAt: zones.createdAt,
  updatedAt: zones.updatedAt,
};

export async function listZones(
  ctx: RequestContext,
  query: z.infer<typeof ZoneListQuery>,
): Promise<z.infer<typeof ZonePage>> {
  authorize(ctx, 'zone:read');
  const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    query.level ? eq(zones.level, query.level) : undefined,
    query.parent ? eq(zones.parentPcode, query.parent) : undefined,
    search ? or(ilike(zones.pcode, search), sql`${zones.names}::text ilike ${search}`) : undefined,
  );
  // The total comes with the page, and the classes of the period with the latest assessed period worked out by
  // the same statement: on the embedded database each statement waits its turn behind every other request's
  // (bench/mixed.ts).
  const rows = (await ctx.db
    .select({ ...listColumns, total: countOf(zones, where) })
    .from(zones)
    .where(where)
    .orderBy(asc(zones.pcode))
    .limit(query.limit)
    .offset(query.offset)) as (ZoneRow & { total: number })[];
  const total = rows[0]?.total ?? (query.offset > 0 ? await countZones(ctx.db, where) : 0);
  const pcodes = rows.map((row) => row.pcode);
  const [assessed, published] = await Promise.all([
    pcodes.length > 0
      ? ctx.db
          .select({ pcode: zoneAssessments.pcode, class: zoneAssessments.class, period: zoneAssessments.period })
          .from(zoneAssessments)
          .where(
            and(
              eq(zoneAssessments.period, query.period ?? sql`(select max(period) from ${zoneAssessments})`),
              inArray(zoneAssessments.pcode, pcodes),
            ),
          )
      : [],
    latestPublicZoneClass(ctx.db, pcodes),
  ]);
  const classes = new Map(assessed.map((row) => [row.pcode, row]));
  return {
    total,
    items: rows.map((row) => ({
      ...presentZone(row),
      class: (classes.get(row.pcode)?.class as ZoneClass | undefined) ?? null,
      period: classes.get(row.pcode)?.period ?? null,
      publishedClass: published.get(row.pcode)?.class ?? null,
    })),
  };
}

/** Only for a page past the end, which carries no total of its own. */
async function countZones(db: Database, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(zones).where(where);
  return row?.n ?? 0;
}

/**
 * A zone and its ancestors, root first, in one statement (a staff zone page asks this on every view). The
 * recursion's `union` ends at a cycle, should the gazetteer ever hold one.
 */
async function zoneWithAncestors(db: Database, pcode: string): Promise<{ zone?: ZoneRow; ancestors: ZoneRow[] }> {
  const chain = sql`(with recursive chain (pcode, parent_pcode) as (
      select pcode, parent_pcode from ${zones} where pcode = ${pcode}
      union
      select z.pcode, z.parent_pcode from ${zones} z join chain c on z.pcode = c.parent_pcode
    ) select pcode from chain)`;
  const rows = (await db.select(listColumns).from(zones).where(sql`${zones.pcode} in ${chain}`)) as ZoneRow[];
  const byPcode = new Map(rows.map((row) => [row.pcode, row]));
  const zone = byPcode.get(pcode);
  const ancestors: ZoneRow[] = [];
  for (let parent = zone?.parentPcode; parent && byPcode.has(parent) && parent !== pcode; ) {
    const row = byPcode.get(parent)!;
    byPcode.delete(parent);
    ancestors.unshift(row);
    parent = row.parentPcode;
  }
  return zone ? { zone, ancestors } : { ancestors };
}

export async function getZoneDetail(ctx: RequestContext, pcode: string): Promise<ZoneDetail> {
  authorize(ctx, 'zone:read');
  const { zone, ancestors } = await zoneWithAncestors(ctx.db, pcode);
  if (!zone) throw notFound('zone');
  const [children, assessments, framework, published] = await Promise.all([
    ctx.db.select(listColumns).from(zones).where(eq(zones.parentPcode, pcode)).orderBy(asc(zones.pcode)),
    ctx.db
      .select()
      .from(zoneAssessments)
      .where(eq(zoneAssessments.pcode, pcode))
      .orderBy(desc(zoneAssessments.period))
      .limit(24),
    activeFramework(ctx.db),
    latestPublicZoneClass(ctx.db, [pcode]),
  ]);
  return {
    zone: presentZone(zone),
    ancestors: ancestors.map(presentZone),
    children: (children as ZoneRow[]).map(presentZone),
    assessments: assessments.map((row) => ({
      ...row.classification,
      pcode: row.pcode,
      period: row.period,
      frameworkVersion: row.frameworkVersion,
      computedAt: row.computedAt.toISOString(),
    })),
    published: published.get(pcode) ?? null,
    framework: presentFramework(framework),
  };
}

export interface GazetteerRow {
  pcode: string;
  parentPcode: string | null;
  level: ZoneLevel;
  names: LocalizedText;
  population: number | null;
}

/**
 * Creates or updates zones from a gazetteer (parents before children; the caller has checked the
 * hierarchy). A zone's shape is kept unless `shape` is given. Returns how many were created, changed or
 * already as given.
 */
export async function upsertZones(
  db: Database,
  rows: readonly (GazetteerRow & { shape?: unknown })[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const existing = new Map(
      (
        await db
          .select()
          .from(zones)
          .where(
            inArray(
              zones.pcode,
              chunk.map((row) => row.pcode),
            ),
          )
      ).map((row) => [row.pcode, row]),
    );
    const changed = chunk.filter((row) => {
      const stored = existing.get(row.pcode);
      if (!stored) {
        counts.created++;
        return true;
      }
      const same =
        stored.parentPcode === row.parentPcode &&
        stored.level === row.level &&
        stored.population === row.population &&
        JSON.stringify(sortKeys(stored.names)) === JSON.stringify(sortKeys(row.names)) &&
        (row.shape === undefined || JSON.stringify(stored.shape) === JSON.stringify(row.shape));
      if (same) counts.unchanged++;
      else counts.updated++;
      return !same;
    });
    if (changed.length === 0) continue;
    await db
      .insert(zones)
      .values(
        changed.map((row) => ({
          pcode: row.pcode,
          parentPcode: row.parentPcode,
          stateCode: row.pcode.slice(0, 2),
          level: row.level,
          names: row.names,
          population: row.population,
          shape: row.shape ?? existing.get(row.pcode)?.shape ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: zones.pcode,
        set: {
          parentPcode: sql`excluded.parent_pcode`,
          level: sql`excluded.level`,
          names: sql`excluded.names`,
          population: sql`excluded.population`,
          shape: sql`excluded.shape`,
          updatedAt: sql`now()`,
        },
      });
  }
  return counts;
}

const sortKeys = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Sets the shapes of existing zones; returns how many were set. */
export async function setShapes(db: Database, shapes: ReadonlyMap<string, unknown>): Promise<number> {
  let updated = 0;
  for (const [pcode, shape] of shapes) {
    const result = await db
      .update(zones)
      .set({ shape, updatedAt: new Date() })
      .where(eq(zones.pcode, pcode))
      .returning({ pcode: zones.pcode });
    updated += result.length;
  }
  return updated;
}
