import { describe, expect, it } from 'vitest';
import { boundsOf, isZoneShape, shapeOf, zoneFeatures } from './geo.ts';

const square = (x: number, y: number, size = 1) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

const properties = (pcode: string, level: string) => ({
  pcode,
  parentPcode: null,
  level,
  name: { en: pcode },
  class: 'conducive',
  period: '2026-03',
  publicationId: '00000000-0000-4000-8000-000000000001',
  summary: 'Conducive. Every criterion is green.',
});

describe('zone geometry', () => {
  it('accepts polygons and multipolygons only', () => {
    expect(isZoneShape(square(0, 0))).toBe(true);
    expect(
      isZoneShape({ type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(2, 2).coordinates] }),
    ).toBe(true);
    expect(isZoneShape({ type: 'Point', coordinates: [1, 2] })).toBe(false);
    expect(
      isZoneShape({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'x'],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe(false);
    expect(isZoneShape({ type: 'Polygon', coordinates: [] })).toBe(false);
    expect(isZoneShape(null)).toBe(false);
  });

  it('finds the outline in a geometry, a feature or a feature collection', () => {
    const shape = square(1, 1);
    expect(shapeOf(shape)).toBe(shape);
    expect(shapeOf({ type: 'Feature', geometry: shape, properties: {} })).toBe(shape);
    expect(
      shapeOf({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: null },
          { type: 'Feature', geometry: shape },
        ],
      }),
    ).toBe(shape);
    expect(shapeOf({ type: 'Feature', geometry: null })).toBeNull();
    expect(shapeOf('QM01')).toBeNull();
  });

  it('reads the zones of the answer, outer levels first, keeping zones without an outline', () => {
    const features = zoneFeatures({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square(0, 0), properties: properties('QM0101', 'admin2') },
        { type: 'Feature', geometry: null, properties: properties('QM02', 'admin1') },
        { type: 'Feature', geometry: square(0, 0, 3), properties: properties('QM01', 'admin1') },
        { type: 'Feature', geometry: square(0, 0), properties: { pcode: 'QM03' } },
      ],
    });
    expect(features.map((f) => f.properties.pcode)).toEqual(['QM02', 'QM01', 'QM0101']);
    expect(features[0]!.geometry).toBeNull();
    expect(zoneFeatures({ type: 'FeatureCollection' })).toEqual([]);
    expect(zoneFeatures(undefined)).toEqual([]);
  });

  it('puts the bounds around every outline, latitude first', () => {
    expect(boundsOf([square(10, 40), square(12, 38)])).toEqual([
      [38, 10],
      [41, 13],
    ]);
    expect(
      boundsOf([{ type: 'MultiPolygon', coordinates: [square(-5, 1).coordinates, square(5, -3).coordinates] }]),
    ).toEqual([
      [-3, -5],
      [2, 6],
    ]);
    expect(boundsOf([])).toBeNull();
  });
});
