/**
 * Which zone names a map shows at its current zoom (pure: ZoneMap measures, this decides). A name is shown when
 * - its zone, on the screen, is wider than the name and taller than a line of it: a region is named when the
 *   whole country is in view, a locality only once the reader has zoomed in on it;
 * - it lies wholly inside the map (a name cut by the map's edge is not shown);
 * - for a region's or district's outline, the outline is not much larger than the view (the reader is then
 *   inside it, and the zones' own names say more);
 * - it does not overlap a name placed before it: the page's zone first, then outlines, then the zones, each
 *   group largest first.
 */
export interface LabelBox {
  /** The label's middle on the screen, in pixels. */
  x: number;
  y: number;
  /** The label's size. */
  width: number;
  height: number;
  /** The zone's bounding box on the screen. */
  zoneWidth: number;
  zoneHeight: number;
  /** Lower is placed first. */
  rank: number;
  /** A region's or district's outline drawn for context. */
  outline: boolean;
}

/** Pixels kept clear around each name. */
const GAP = 4;

export function placeLabels(boxes: readonly LabelBox[], view: { width: number; height: number }): boolean[] {
  const shown = boxes.map(() => false);
  const fits = (box: LabelBox) =>
    box.width > 0 &&
    box.zoneWidth >= box.width + GAP * 2 &&
    box.zoneHeight >= box.height &&
    box.x - box.width / 2 >= 0 &&
    box.y - box.height / 2 >= 0 &&
    box.x + box.width / 2 <= view.width &&
    box.y + box.height / 2 <= view.height &&
    (!box.outline || box.zoneWidth <= view.width * 1.5);
  const order = boxes
    .map((box, index) => ({ box, index }))
    .filter(({ box }) => fits(box))
    .sort((a, b) => a.box.rank - b.box.rank || b.box.zoneWidth * b.box.zoneHeight - a.box.zoneWidth * a.box.zoneHeight);
  const placed: LabelBox[] = [];
  const overlaps = (a: LabelBox, b: LabelBox) =>
    Math.abs(a.x - b.x) * 2 < a.width + b.width + GAP * 2 && Math.abs(a.y - b.y) * 2 < a.height + b.height + GAP * 2;
  for (const { box, index } of order) {
    if (placed.some((other) => overlaps(box, other))) continue;
    placed.push(box);
    shown[index] = true;
  }
  return shown;
}
