import { describe, expect, it } from 'vitest';
import { PCODE } from '../../shared/zones/schemas.ts';
import { DEMO_GAZETTEER_SCALES, type DemoZone, generateGazetteer } from './gazetteer.ts';
import { DEMO_ZONE_STORY } from './story.ts';

type Point = [number, number];

/** Twice the signed area of a ring (positive when counter-clockwise). */
const signedArea = (ring: readonly Point[]) =>
  ring.slice(0, -1).reduce((sum, [x, y], i) => sum + x * ring[i + 1]![1] - ring[i + 1]![0] * y, 0);

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Whether two segments share any point (touching counts). */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (p: Point, q: Point, r: Point) =>
    cross(p, q, r) === 0 &&
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  return on(c, d, a) || on(c, d, b) || on(a, b, c) || on(a, b, d);
}

/** Problems with a ring as GeoJSON wants it: closed, four positions or more, simple, counter-clockwise. */
function ringProblems(ring: readonly Point[]): string[] {
  const problems: string[] = [];
  if (ring.length < 4) problems.push('fewer than 4 positions');
  const [first, last] = [ring[0]!, ring.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) problems.push('not closed');
  if (signedArea(ring) <= 0) problems.push('not counter-clockwise');
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) continue;
      if (segmentsMeet(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) problems.push(`edges ${i} and ${j} meet`);
    }
  }
  return problems;
}

const area = (zone: DemoZone) => signedArea(zone.shape.coordinates[0]!) / 2;

describe('the demo gazetteer', () => {
  const zones = generateGazetteer('small');

  it('nests state → 6 provinces → 30 districts → 163 locations by P-code, parents first', () => {
    const byLevel = (level: string) => zones.filter((z) => z.level === level);
    expect(zones).toHaveLength(200);
    expect(byLevel('state').map((z) => z.pcode)).toEqual(['QM']);
    expect(byLevel('admin1')).toHaveLength(6);
    expect(byLevel('admin2')).toHaveLength(30);
    expect(byLevel('location')).toHaveLength(163);
    const seen = new Set<string>();
    for (const zone of zones) {
      expect(zone.pcode).toMatch(PCODE);
      if (zone.parentPcode) {
        expect(seen.has(zone.parentPcode)).toBe(true);
        expect(zone.pcode.startsWith(zone.parentPcode)).toBe(true);
      }
      seen.add(zone.pcode);
    }
    expect(seen.size).toBe(zones.length);
  });

  it('names every zone in English, Arabic script and French, each English name once', () => {
    const english = zones.map((z) => z.names.en);
    expect(new Set(english).size).toBe(english.length);
    for (const zone of zones) {
      expect(zone.names.en).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
      expect(zone.names.fr).toMatch(/^[A-ZÏ][a-zï]+( [A-Z][a-z]+)?$/);
      expect(zone.names.ar).toMatch(/^[\u0621-\u064a]+( [\u0621-\u064a]+)?$/);
    }
  });

  it('draws every zone as a valid polygon inside the invented area', () => {
    const [west, south, east, north] = DEMO_GAZETTEER_SCALES.small.bounds;
    const margin = 0.1;
    for (const zone of zones) {
      expect(zone.shape.type).toBe('Polygon');
      expect(zone.shape.coordinates).toHaveLength(1);
      const ring = zone.shape.coordinates[0]!;
      expect(ringProblems(ring), zone.pcode).toEqual([]);
      for (const [x, y] of ring) {
        expect(x).toBeGreaterThan(west - margin);
        expect(x).toBeLessThan(east + margin);
        expect(y).toBeGreaterThan(south - margin);
        expect(y).toBeLessThan(north + margin);
      }
    }
  });

  it('tiles each unit exactly with its children: areas add up, borders share their vertices', () => {
    for (const parent of zones.filter((z) => z.level !== 'location')) {
      const children = zones.filter((z) => z.parentPcode === parent.pcode);
      expect(children.length).toBeGreaterThan(0);
      const sum = children.reduce((s, child) => s + area(child), 0);
      expect(Math.abs(sum - area(parent)) / area(parent)).toBeLessThan(1e-9);
      const vertices = new Set(children.flatMap((child) => child.shape.coordinates[0]!.map((p) => p.join(','))));
      for (const point of parent.shape.coordinates[0]!) expect(vertices.has(point.join(','))).toBe(true);
      expect(parent.population).toBe(children.reduce((s, child) => s + (child.population ?? 0), 0));
    }
  });

  it('holds the zones the story is about, and is the same on every run', () => {
    const pcodes = new Set(zones.map((z) => z.pcode));
    for (const pcode of [DEMO_ZONE_STORY.hardRed, DEMO_ZONE_STORY.deteriorating, ...DEMO_ZONE_STORY.remote]) {
      expect(pcodes.has(pcode)).toBe(true);
    }
    expect(zones.filter((z) => z.parentPcode === DEMO_ZONE_STORY.improvingDistrict).length).toBeGreaterThan(3);
    expect(generateGazetteer('small')).toEqual(zones);
  });

  it('grows to about 2,000 zones at regional scale, with the story’s zones in it', () => {
    const regional = generateGazetteer('regional');
    expect(regional).toHaveLength(2000);
    const pcodes = new Set(regional.map((z) => z.pcode));
    expect(pcodes.has(DEMO_ZONE_STORY.hardRed) && pcodes.has(DEMO_ZONE_STORY.deteriorating)).toBe(true);
    for (const zone of regional.filter((z) => z.level === 'location').slice(0, 200)) {
      expect(ringProblems(zone.shape.coordinates[0]!), zone.pcode).toEqual([]);
    }
  });
});
