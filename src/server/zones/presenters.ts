import type { FrameworkVersion, PublicationSummary, Zone, ZoneLevel } from '../../shared/zones/schemas.ts';
import type { zoneFrameworks, zonePublications, zones } from './tables.ts';

/** Rows of the module's tables as the API shows them (src/shared/zones/schemas.ts). */

export type ZoneRow = typeof zones.$inferSelect;
export type FrameworkRow = typeof zoneFrameworks.$inferSelect;
export type PublicationRow = typeof zonePublications.$inferSelect;

export const presentZone = (row: ZoneRow): Zone => ({
  pcode: row.pcode,
  parentPcode: row.parentPcode,
  level: row.level as ZoneLevel,
  name: row.names,
  population: row.population,
  hasShape: row.shape !== null && row.shape !== undefined,
});

export function presentFramework(row: FrameworkRow): FrameworkVersion {
  return {
    id: row.id,
    version: row.version,
    status: row.status as FrameworkVersion['status'],
    definition: row.definition,
    definitionHash: row.definitionHash,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function presentPublication(row: PublicationRow): PublicationSummary {
  return {
    id: row.id,
    period: row.period,
    frameworkVersion: row.frameworkVersion,
    publishedAt: row.publishedAt.toISOString(),
    contentHash: row.contentHash,
    auditSeq: row.auditSeq,
    replaces: row.replacesId,
    reason: row.reason,
    zoneCount: row.zoneCount,
  };
}

/** A raw zone_publications row (snake_case, as both drivers return it) as a publication summary. */
export function presentRawPublication(row: Record<string, unknown>): PublicationSummary {
  return {
    id: row.id as string,
    period: row.period as string,
    frameworkVersion: Number(row.framework_version),
    contentHash: row.content_hash as string,
    auditSeq: Number(row.audit_seq),
    replaces: (row.replaces_id as string | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    zoneCount: Number(row.zone_count),
    publishedAt: new Date(row.published_at as string).toISOString(),
  };
}
