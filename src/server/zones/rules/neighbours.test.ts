import { describe, expect, it } from 'vitest';
import { type Box, boxesTouch, boxOf, chooseNeighbours, type NeighbourCandidate } from './neighbours.ts';

const zone = (pcode: string, parentPcode: string | null, box: Box | null, level = 'location'): NeighbourCandidate => ({
  pcode,
  parentPcode,
  level,
  box,
});

describe('boxOf', () => {
  it('bounds a polygon and a multipolygon, longitude first', () => {
    expect(
      boxOf({
        type: 'Polygon',
        coordinates: [
          [
            [30, 10],
            [32, 10],
            [32, 12],
            [30, 10],
          ],
        ],
      }),
    ).toEqual([30, 10, 32, 12]);
    expect(
      boxOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 1],
            ],
          ],
          [
            [
              [-3, 5],
              [-2, 5],
              [-2, 6],
              [-3, 5],
            ],
          ],
        ],
      }),
    ).toEqual([-3, 1, 2, 6]);
  });

  it('has no box for a point, a missing shape or broken coordinates', () => {
    expect(boxOf({ type: 'Point', coordinates: [1, 2] })).toBeNull();
    expect(boxOf(null)).toBeNull();
    expect(boxOf({ type: 'Polygon', coordinates: [[['a', 'b']]] })).toBeNull();
  });
});

describe('boxesTouch', () => {
  it('counts a shared edge and a small gap as touching, and a gap of a whole zone as not', () => {
    expect(boxesTouch([0, 0, 1, 1], [1, 0, 2, 1])).toBe(true);
    expect(boxesTouch([0, 0, 1, 1], [1.005, 0, 2, 1])).toBe(true);
    expect(boxesTouch([0, 0, 1, 1], [2, 0, 3, 1])).toBe(false);
    expect(boxesTouch([0, 0, 1, 1], [0, 1.5, 1, 2])).toBe(false);
  });
});

describe('chooseNeighbours', () => {
  const home = zone('QM0101001', 'QM0101', [0, 0, 1, 1]);

  it('takes the zones whose boxes touch, siblings first then the nearest, never the zone itself', () => {
    const candidates = [
      home,
      zone('QM0102001', 'QM0102', [1, 0, 2, 1]), // across the district line, next to it
      zone('QM0101003', 'QM0101', [1, 1, 3, 3]), // a sibling touching at a corner, further away
      zone('QM0101002', 'QM0101', [0, 1, 1, 2]), // a sibling just north
      zone('QM0101004', 'QM0101', [5, 5, 6, 6]), // a sibling far away
    ];
    expect(chooseNeighbours(home, candidates).map((c) => c.pcode)).toEqual(['QM0101002', 'QM0101003', 'QM0102001']);
  });

  it('falls back on the parent when the zone or a candidate has no outline', () => {
    const candidates = [
      zone('QM0101002', 'QM0101', null),
      zone('QM0102001', 'QM0102', null),
      zone('QM0101003', 'QM0101', [9, 9, 10, 10]),
    ];
    expect(chooseNeighbours(home, candidates).map((c) => c.pcode)).toEqual(['QM0101002']);
    const shapeless = zone('QM0101005', 'QM0101', null);
    expect(chooseNeighbours(shapeless, candidates).map((c) => c.pcode)).toEqual(['QM0101002', 'QM0101003']);
  });

  it('never mixes levels, and keeps the nearest ones when there are more than the limit', () => {
    const candidates = [
      zone('QM0101', 'QM01', [0, 0, 2, 2], 'admin2'),
      ...Array.from({ length: 5 }, (_, i) => zone(`QM010100${i + 2}`, 'QM0101', [1, 0, 2 + i, 1])),
    ];
    const chosen = chooseNeighbours(home, candidates, 2);
    expect(chosen.map((c) => c.pcode)).toEqual(['QM0101002', 'QM0101003']);
  });
});
