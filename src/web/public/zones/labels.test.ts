import { describe, expect, it } from 'vitest';
import { type LabelBox, placeLabels } from './labels.ts';

const view = { width: 400, height: 300 };
const label = (overrides: Partial<LabelBox>): LabelBox => ({
  x: 100,
  y: 100,
  width: 60,
  height: 16,
  zoneWidth: 120,
  zoneHeight: 80,
  rank: 2,
  outline: false,
  ...overrides,
});

describe('placeLabels', () => {
  it('names a zone only once it is wider on the screen than its name', () => {
    expect(placeLabels([label({ zoneWidth: 50 }), label({ x: 300, zoneWidth: 80 })], view)).toEqual([false, true]);
  });

  it('keeps the more important of two overlapping names: the page’s zone, then outlines, then the larger zone', () => {
    const zone = label({ rank: 0, zoneWidth: 70 });
    const region = label({ rank: 1, outline: true, x: 110, zoneWidth: 300 });
    expect(placeLabels([region, zone], view)).toEqual([false, true]);
    const small = label({ x: 105, zoneWidth: 90 });
    const large = label({ x: 95, zoneWidth: 200 });
    expect(placeLabels([small, large], view)).toEqual([false, true]);
  });

  it('shows names side by side when they do not touch', () => {
    expect(placeLabels([label({ x: 50 }), label({ x: 150 }), label({ x: 250 })], view)).toEqual([true, true, true]);
  });

  it('hides a name the map’s edge would cut, and a region’s once the reader is well inside it', () => {
    expect(placeLabels([label({ x: -20 }), label({ y: 320 }), label({ x: 20 }), label({ x: 371 })], view)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(placeLabels([label({ x: 31 }), label({ x: 369, y: 291 })], view)).toEqual([true, true]);
    expect(placeLabels([label({ outline: true, rank: 1, zoneWidth: 900, zoneHeight: 700 })], view)).toEqual([false]);
    expect(placeLabels([label({ zoneWidth: 900, zoneHeight: 700 })], view)).toEqual([true]);
  });

  it('names nothing it could not measure (a label not laid out yet)', () => {
    expect(placeLabels([label({ width: 0 })], view)).toEqual([false]);
  });
});
