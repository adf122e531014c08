import { PCODE, PCODE_RULE } from '../../../shared/zones/schemas.ts';
import type { ImportProblems } from './import-problems.ts';

/**
 * A GeoJSON FeatureCollection of zone shapes, checked feature by feature: each names its zone by a P-code
 * property and has a Polygon or MultiPolygon geometry in WGS 84 longitude/latitude. Problems name the feature
 * by its index in `features` and the field at fault, e.g. `features[3].geometry.coordinates[0]`.
 */

export interface ZoneShape {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface ShapeFeature {
  index: number;
  pcode: string;
  /** Where the P-code is, to name it in a problem: `features[3].properties.ADM2_PCODE`. */
  field: string;
  /** The geometry as stored: its type and coordinates only. */
  shape: ZoneShape;
}

/**
 * The property that holds the feature's P-code: `pcode`, `P_CODE`, or the deepest `ADMn_PCODE` /
 * `adminNPcode` (COD boundaries carry their ancestors' P-codes beside their own).
 */
export function pcodeProperty(properties: Record<string, unknown>): string | undefined {
  let best: { key: string; depth: number } | undefined;
  for (const key of Object.keys(properties)) {
    const normal = key.toLowerCase().replace(/[\s_-]/g, '');
    const depth = normal === 'pcode' ? 99 : Number(/^adm(?:in)?([0-9])pcode$/.exec(normal)?.[1] ?? -1);
    if (depth >= 0 && (!best || depth > best.depth)) best = { key, depth };
  }
  return best?.key;
}

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) &&
  value.length >= 2 &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(value[0] as number) <= 180 &&
  Math.abs(value[1] as number) <= 90;

/** The first problem with a polygon's rings, as [path, message], or undefined. */
function polygonProblem(polygon: unknown, at: string): [string, string] | undefined {
  if (!Array.isArray(polygon) || polygon.length === 0) return [at, 'a polygon is a list of linear rings'];
  for (const [r, ring] of polygon.entries()) {
    const ringAt = `${at}[${r}]`;
    if (!Array.isArray(ring) || ring.length < 4) {
      return [ringAt, 'a linear ring has at least four positions (the first repeated last)'];
    }
    for (const [p, position] of ring.entries()) {
      if (!isPosition(position)) {
        return [`${ringAt}[${p}]`, 'a position is [longitude, latitude] in degrees (WGS 84), within ±180 and ±90'];
      }
    }
    const first = ring[0] as number[];
    const last = ring.at(-1) as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return [ringAt, 'the ring is not closed: its last position must repeat its first'];
    }
  }
  return undefined;
}

function geometryProblem(geometry: unknown, at: string): [string, string] | undefined {
  if (geometry === null || typeof geometry !== 'object' || Array.isArray(geometry)) {
    return [at, 'the feature has no geometry'];
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblem(coordinates, `${at}.coordinates`);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return [`${at}.coordinates`, 'a MultiPolygon is a list of polygons'];
    }
    for (const [k, polygon] of coordinates.entries()) {
      const problem = polygonProblem(polygon, `${at}.coordinates[${k}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  return [`${at}.type`, `a zone's shape is a Polygon or a MultiPolygon, not ${JSON.stringify(type ?? null)}`];
}

/** A CRS member other than WGS 84 longitude/latitude (old GeoJSON), which the coordinates would not be in. */
function foreignCrs(collection: Record<string, unknown>): string | undefined {
  const name = (collection.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return undefined;
  return /CRS84$|EPSG:+4326$/i.test(name) ? undefined : name;
}

/** What a file that is not JSON text is, by its first bytes, to say so in plain words. */
function notJson(text: string, error: Error): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('PK')) {
    return 'is not a GeoJSON file: it is a ZIP archive (an XLSX workbook or a zipped shapefile). Export the shapes as GeoJSON';
  }
  if (start.startsWith('%PDF')) return 'is not a GeoJSON file: it is a PDF document';
  if (start.startsWith('<'))
    return 'is not a GeoJSON file: it is XML or HTML (a KML file, or a web page saved instead)';
  if (start === '') return 'is not a GeoJSON file: it is empty';
  const where = /line (\d+) column (\d+)/.exec(error.message);
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? Number.NaN);
  let at = '';
  if (where) at = ` (the text stops being JSON at line ${where[1]}, column ${where[2]})`;
  else if (Number.isFinite(position)) {
    const before = text.slice(0, position).split(/\r\n|\r|\n/);
    at = ` (the text stops being JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
  }
  return `is not a GeoJSON file: it is not JSON text${at}. A file cut short also ends this way`;
}

/** Every feature of the collection that can be stored; problems for the others. */
export function readShapes(text: string, problems: ImportProblems): ShapeFeature[] {
  let collection: unknown;
  try {
    collection = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.add('file', 'geojson', notJson(text, error as Error));
    return [];
  }
  if (
    collection === null ||
    typeof collection !== 'object' ||
    (collection as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((collection as { features?: unknown }).features)
  ) {
    problems.add(
      'type',
      'geojson',
      'is not a GeoJSON file of shapes: it must be a FeatureCollection (with a features list)',
    );
    return [];
  }
  const crs = foreignCrs(collection as Record<string, unknown>);
  if (crs) {
    problems.add('crs', 'crs', `the coordinates are in ${crs}: reproject the file to WGS 84 (EPSG:4326)`);
    return [];
  }
  const features = (collection as { features: unknown[] }).features;
  const shapes: ShapeFeature[] = [];
  const seen = new Map<string, number>();
  // No feature with a P-code property: one problem, naming the properties there are.
  const propertiesOf = (feature: unknown) => {
    const properties = (feature as { properties?: unknown } | null)?.properties;
    return properties && typeof properties === 'object' ? (properties as Record<string, unknown>) : {};
  };
  if (features.length > 0 && features.every((feature) => pcodeProperty(propertiesOf(feature)) === undefined)) {
    const found = [...new Set(features.flatMap((feature) => Object.keys(propertiesOf(feature))))];
    problems.add(
      'features',
      'no_pcode_property',
      'no feature has a P-code property (pcode, P_CODE, ADM2_PCODE, adm2_pcode, admin2Pcode…): ' +
        (found.length > 0
          ? `the features have the properties ${found.slice(0, 20).join(', ')}${found.length > 20 ? '…' : ''}`
          : 'the features have no properties') +
        '. Rename the P-code property, or export the shapes with it',
    );
    return [];
  }
  for (const [index, feature] of features.entries()) {
    const at = `features[${index}]`;
    if (feature === null || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
      problems.add(`${at}.type`, 'geojson', 'must be a Feature');
      continue;
    }
    const properties = (feature as { properties?: unknown }).properties;
    const key =
      properties && typeof properties === 'object' ? pcodeProperty(properties as Record<string, unknown>) : undefined;
    if (!key) {
      problems.add(
        `${at}.properties`,
        'required',
        'give the zone P-code as a property (pcode, ADM2_PCODE, admin2Pcode…)',
      );
      continue;
    }
    const field = `${at}.properties.${key}`;
    const raw = String((properties as Record<string, unknown>)[key] ?? '').trim();
    const pcode = raw.toUpperCase();
    if (!PCODE.test(pcode)) {
      problems.add(field, 'format', `"${raw}" is not a P-code: ${PCODE_RULE}`);
      continue;
    }
    const earlier = seen.get(pcode);
    if (earlier !== undefined) {
      problems.add(field, 'duplicate', `${pcode} is also features[${earlier}]`);
      continue;
    }
    seen.set(pcode, index);
    const geometry = (feature as { geometry?: unknown }).geometry;
    const problem = geometryProblem(geometry, `${at}.geometry`);
    if (problem) {
      problems.add(problem[0], 'geometry', problem[1]);
      continue;
    }
    const { type, coordinates } = geometry as ZoneShape;
    shapes.push({ index, pcode, field, shape: { type, coordinates } });
  }
  return shapes;
}
