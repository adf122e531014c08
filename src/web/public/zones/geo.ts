import type { MultiPolygon, Polygon, Position } from 'geojson';
import { isZoneClass, ZONE_LEVELS } from '../../../shared/zones/constants.ts';
import type { LocalizedText, PublicZone, ZoneClass, ZoneLevel } from '../../../shared/zones/schemas.ts';

/** What `GET /public/zones?format=geojson` answers: one feature per zone with a published class. */
export type ZoneShape = Polygon | MultiPolygon;
export interface ZoneFeature {
  type: 'Feature';
  geometry: ZoneShape | null;
  properties: PublicZone;
}
export interface ZoneFeatureCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
const isRing = (value: unknown): value is Position[] =>
  Array.isArray(value) && value.length >= 4 && value.every(isPosition);
const isPolygonRings = (value: unknown): value is Position[][] =>
  Array.isArray(value) && value.length > 0 && value.every(isRing);

/** A Polygon or MultiPolygon whose coordinates are all numbers; anything else (points, broken data) is not. */
export function isZoneShape(value: unknown): value is ZoneShape {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return isPolygonRings(coordinates);
  if (type === 'MultiPolygon')
    return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygonRings);
  return false;
}

/** A zone's outline from a geometry, a Feature or a FeatureCollection (its first polygon); null when it has none. */
export function shapeOf(value: unknown): ZoneShape | null {
  if (isZoneShape(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const object = value as { type?: unknown; geometry?: unknown; features?: unknown };
  if (object.type === 'Feature') return shapeOf(object.geometry);
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
    for (const feature of object.features) {
      const shape = shapeOf(feature);
      if (shape) return shape;
    }
  }
  return null;
}

const isPublicZone = (value: unknown): value is PublicZone => {
  const zone = value as Partial<PublicZone> | null;
  return (
    typeof zone === 'object' &&
    zone !== null &&
    typeof zone.pcode === 'string' &&
    typeof zone.period === 'string' &&
    isZoneClass(zone.class) &&
    typeof zone.name === 'object' &&
    zone.name !== null
  );
};

/**
 * The zones of the answer, each with its outline or null. A feature whose properties are not a zone is left
 * out; one whose geometry cannot be drawn keeps its place in the table. Outer levels first, so that a region
 * is drawn under its districts.
 */
export function zoneFeatures(collection: unknown): ZoneFeature[] {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const zones: ZoneFeature[] = [];
  for (const feature of features as ({ geometry?: unknown; properties?: unknown } | null)[]) {
    if (!isPublicZone(feature?.properties)) continue;
    const geometry = isZoneShape(feature.geometry) ? feature.geometry : null;
    zones.push({ type: 'Feature', geometry, properties: feature.properties });
  }
  return zones.sort((a, b) => ZONE_LEVELS.indexOf(a.properties.level) - ZONE_LEVELS.indexOf(b.properties.level));
}

/** [[south, west], [north, east]] around every outline (GeoJSON is longitude first), or null when there is none. */
export function boundsOf(shapes: readonly ZoneShape[]): [[number, number], [number, number]] | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const shape of shapes) {
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    for (const ring of polygons.flat()) {
      for (const [longitude, latitude] of ring as [number, number][]) {
        south = Math.min(south, latitude);
        north = Math.max(north, latitude);
        west = Math.min(west, longitude);
        east = Math.max(east, longitude);
      }
    }
  }
  return Number.isFinite(south)
    ? [
        [south, west],
        [north, east],
      ]
    : null;
}

/** How a zone is drawn on a zone page's map (`GET /public/zones/:pcode/map`), or on every map for context. */
export type MapRole = 'zone' | 'neighbour' | 'child' | 'context';

/** A zone of a map answer with its outline: its class when published, and its role on a zone page's map. */
export interface LabelledFeature {
  pcode: string;
  level: ZoneLevel;
  name: LocalizedText;
  zoneClass: ZoneClass | null;
  role: MapRole;
  shape: ZoneShape;
}

const ROLES: readonly MapRole[] = ['zone', 'neighbour', 'child', 'context'];

/**
 * The drawable zones of a zone page's map or of the region and district outlines (`?format=outlines`, whose
 * features are all `context`), outer levels first: a feature without an outline, a name or a known level is
 * left out (the page's lists still name it).
 */
export function labelledFeatures(collection: unknown): LabelledFeature[] {
  const features = (collection as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const drawn: LabelledFeature[] = [];
  for (const feature of features as ({ geometry?: unknown; properties?: Record<string, unknown> } | null)[]) {
    const properties = feature?.properties;
    if (!properties || !isZoneShape(feature.geometry)) continue;
    const { pcode, level, name, class: zoneClass, role = 'context' } = properties;
    if (typeof pcode !== 'string' || typeof name !== 'object' || name === null) continue;
    if (!ZONE_LEVELS.includes(level as ZoneLevel) || !ROLES.includes(role as MapRole)) continue;
    drawn.push({
      pcode,
      level: level as ZoneLevel,
      name: name as LocalizedText,
      zoneClass: isZoneClass(zoneClass) ? zoneClass : null,
      role: role as MapRole,
      shape: feature.geometry,
    });
  }
  return drawn.sort((a, b) => ZONE_LEVELS.indexOf(a.level) - ZONE_LEVELS.indexOf(b.level));
}
