/**
 * Which zones a public zone page shows around a zone ("neighbours"). Pure: the caller reads the candidates.
 *
 * The rule (docs/zones.md, "The public zone page"): a neighbour is a zone of the same level, other than the zone,
 * that
 * - shares its parent, when either of the two has no outline (its place is then known from the gazetteer only);
 * - or whose outline's bounding box touches or overlaps the zone's (enlarged by a hundredth of its size, so that
 *   two outlines digitised with a small gap still touch), whatever its parent: a village just across a district
 *   line is a neighbour too.
 * Bounding boxes, not exact shapes: a returnee needs the zones around, not a topology, and boxes cost nothing to
 * compare for the thousands of zones of a real gazetteer. Siblings come first, then the nearest (by the distance
 * between the boxes' centres), then by P-code; at most `limit` (a page and its map stay small on a phone).
 */

/** [west, south, east, north] in degrees, as GeoJSON's bbox. */
export type Box = readonly [number, number, number, number];

export interface NeighbourCandidate {
  pcode: string;
  parentPcode: string | null;
  level: string;
  box: Box | null;
}

export const NEIGHBOURS_SHOWN = 30;

/** The bounding box of a Polygon or MultiPolygon (any nesting of positions), or null when it has no position. */
export function boxOf(shape: unknown): Box | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [x, y] = value as [number, number];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
      return;
    }
    for (const item of value) visit(item);
  };
  const geometry = shape as { type?: unknown; coordinates?: unknown } | null;
  if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) visit(geometry.coordinates);
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** Whether two boxes touch or overlap once `a` is enlarged by `margin` (a share of its larger side) on every side. */
export function boxesTouch(a: Box, b: Box, margin = 0.01): boolean {
  const pad = Math.max(a[2] - a[0], a[3] - a[1]) * margin;
  return b[0] <= a[2] + pad && b[2] >= a[0] - pad && b[1] <= a[3] + pad && b[3] >= a[1] - pad;
}

const centre = (box: Box): [number, number] => [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];

/** The neighbours of `zone` among `candidates` (which may include the zone itself), in the order shown. */
export function chooseNeighbours<T extends NeighbourCandidate>(
  zone: NeighbourCandidate,
  candidates: readonly T[],
  limit = NEIGHBOURS_SHOWN,
): T[] {
  const chosen = candidates.filter((candidate) => {
    if (candidate.pcode === zone.pcode || candidate.level !== zone.level) return false;
    if (zone.box && candidate.box) return boxesTouch(zone.box, candidate.box);
    return candidate.parentPcode === zone.parentPcode;
  });
  const distance = (candidate: T) => {
    if (!zone.box || !candidate.box) return Infinity;
    const [x1, y1] = centre(zone.box);
    const [x2, y2] = centre(candidate.box);
    return Math.hypot(x2 - x1, y2 - y1);
  };
  const sibling = (candidate: T) => (candidate.parentPcode === zone.parentPcode ? 0 : 1);
  return chosen
    .map((candidate) => ({ candidate, sibling: sibling(candidate), distance: distance(candidate) }))
    .sort(
      (a, b) =>
        a.sibling - b.sibling ||
        a.distance - b.distance ||
        (a.candidate.pcode < b.candidate.pcode ? -1 : a.candidate.pcode > b.candidate.pcode ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
