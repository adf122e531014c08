import type { GazetteerRow } from '../zones/gazetteer.ts';
import type { DemoScale } from './load.ts';
import { nameGenerator } from './names.ts';
import { type Random, seeded } from './random.ts';

/**
 * The demo gazetteer of Marenland (QM): state → provinces (admin1) → districts (admin2) → locations, the
 * return zones. Shapes come from a jittered lattice over an invented area: every unit is a block of lattice
 * cells, cut from its parent by straight cuts, so locations tile their district and districts their province
 * exactly (shared borders have the same vertices), and every ring is simple and counter-clockwise.
 */

export interface DemoGazetteerScale {
  provinces: number;
  districts: number;
  locations: number;
  /** Fewest and most locations in one district. */
  locationsPerDistrict: readonly [number, number];
  /** Lattice cells across and down. */
  columns: number;
  rows: number;
  /** [west, south, east, north], WGS 84 degrees. */
  bounds: readonly [number, number, number, number];
}

export const DEMO_GAZETTEER_SCALES: Record<DemoScale, DemoGazetteerScale> = {
  small: {
    provinces: 6,
    districts: 30,
    locations: 163,
    locationsPerDistrict: [4, 7],
    columns: 48,
    rows: 36,
    bounds: [30, 10, 34, 13],
  },
  regional: {
    provinces: 12,
    districts: 200,
    locations: 1787,
    locationsPerDistrict: [6, 12],
    columns: 120,
    rows: 90,
    bounds: [28, 8, 36, 14],
  },
};

export interface Polygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface DemoZone extends GazetteerRow {
  shape: Polygon;
}

interface Block {
  i0: number;
  j0: number;
  i1: number;
  j1: number;
}

interface Part {
  weight: number;
  /** How many locations the part will hold (each needs at least MIN_CELLS cells). */
  leaves: number;
}

const MIN_CELLS = 2;
const JITTER = 0.22;

const cells = (b: Block) => (b.i1 - b.i0) * (b.j1 - b.j0);

/** Cuts a block into one block per part, each of about its weight's share, with straight cuts. */
function cut(block: Block, parts: readonly Part[], random: Random): Block[] {
  if (parts.length === 1) return [block];
  const k = Math.max(1, Math.min(parts.length - 1, Math.round(parts.length / 2) + random.int(-1, 1)));
  const first = parts.slice(0, k);
  const second = parts.slice(k);
  const sum = (ps: readonly Part[], f: (p: Part) => number) => ps.reduce((s, p) => s + f(p), 0);
  const share = sum(first, (p) => p.weight) / sum(parts, (p) => p.weight);
  const width = block.i1 - block.i0;
  const height = block.j1 - block.j0;
  const axes: ('i' | 'j')[] =
    width > height * 1.3
      ? ['i', 'j']
      : height > width * 1.3
        ? ['j', 'i']
        : random.chance(0.5)
          ? ['i', 'j']
          : ['j', 'i'];
  for (const axis of axes) {
    const length = axis === 'i' ? width : height;
    const across = axis === 'i' ? height : width;
    const lowest = Math.ceil((sum(first, (p) => p.leaves) * MIN_CELLS) / across);
    const highest = length - Math.ceil((sum(second, (p) => p.leaves) * MIN_CELLS) / across);
    if (lowest > highest || lowest < 1 || highest > length - 1) continue;
    const at = Math.min(highest, Math.max(lowest, Math.round(length * share * random.between(0.9, 1.1))));
    const [a, b]: [Block, Block] =
      axis === 'i'
        ? [
            { ...block, i1: block.i0 + at },
            { ...block, i0: block.i0 + at },
          ]
        : [
            { ...block, j1: block.j0 + at },
            { ...block, j0: block.j0 + at },
          ];
    return [...cut(a, first, random), ...cut(b, second, random)];
  }
  throw new Error(`the demo lattice is too coarse to cut ${cells(block)} cells into ${parts.length} parts`);
}

/** How many locations each district holds: between the bounds, summing to the total. */
function spread(total: number, districts: number, [fewest, most]: readonly [number, number], random: Random): number[] {
  const counts = Array.from({ length: districts }, () => fewest);
  let left = total - fewest * districts;
  if (left < 0 || left > (most - fewest) * districts) throw new Error('impossible location counts for the demo');
  while (left > 0) {
    const d = random.int(0, districts - 1);
    if (counts[d]! < most) {
      counts[d]!++;
      left--;
    }
  }
  return counts;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export function generateGazetteer(scale: DemoScale): DemoZone[] {
  const params = DEMO_GAZETTEER_SCALES[scale];
  const random = seeded(`homeward demo gazetteer ${scale}`);
  const name = nameGenerator(seeded(`homeward demo names ${scale}`));
  const [west, south, east, north] = params.bounds;
  const dx = (east - west) / params.columns;
  const dy = (north - south) / params.rows;
  const lattice: [number, number][][] = [];
  for (let i = 0; i <= params.columns; i++) {
    lattice.push([]);
    for (let j = 0; j <= params.rows; j++) {
      const x = i + random.between(-JITTER, JITTER);
      const y = j + random.between(-JITTER, JITTER);
      lattice[i]!.push([round5(west + x * dx), round5(south + y * dy)]);
    }
  }
  const ring = (b: Block): Polygon => {
    const points: [number, number][] = [];
    for (let i = b.i0; i < b.i1; i++) points.push(lattice[i]![b.j0]!);
    for (let j = b.j0; j < b.j1; j++) points.push(lattice[b.i1]![j]!);
    for (let i = b.i1; i > b.i0; i--) points.push(lattice[i]![b.j1]!);
    for (let j = b.j1; j > b.j0; j--) points.push(lattice[b.i0]![j]!);
    points.push(points[0]!);
    return { type: 'Polygon', coordinates: [points.map(([x, y]) => [x, y])] };
  };

  const perDistrict = spread(params.locations, params.districts, params.locationsPerDistrict, random);
  const districtsPerProvince = spread(
    params.districts,
    params.provinces,
    [Math.floor(params.districts / params.provinces), Math.ceil(params.districts / params.provinces)],
    random,
  );
  // Population drawn per location; larger units are their sums.
  const populationOf = (random: Random) =>
    Math.round(Math.exp(random.between(Math.log(1500), Math.log(48000))) / 10) * 10;

  const state: Block = { i0: 0, j0: 0, i1: params.columns, j1: params.rows };
  const provinceParts: Part[][] = [];
  let d = 0;
  for (const count of districtsPerProvince) {
    provinceParts.push(perDistrict.slice(d, d + count).map((leaves) => ({ weight: leaves, leaves })));
    d += count;
  }
  const provinceBlocks = cut(
    state,
    provinceParts.map((districts) => {
      const leaves = districts.reduce((s, p) => s + p.leaves, 0);
      return { weight: leaves, leaves };
    }),
    random,
  );

  const locations: DemoZone[] = [];
  const districts: DemoZone[] = [];
  const provinces: DemoZone[] = [];
  let statePopulation = 0;
  provinceBlocks.forEach((provinceBlock, p) => {
    const provincePcode = `QM${String(p + 1).padStart(2, '0')}`;
    const districtParts = provinceParts[p]!;
    const districtBlocks = cut(provinceBlock, districtParts, random);
    let provincePopulation = 0;
    const provinceNames = name('area');
    districtBlocks.forEach((districtBlock, a) => {
      const districtPcode = `${provincePcode}${String(a + 1).padStart(2, '0')}`;
      const count = districtParts[a]!.leaves;
      const districtNames = name('area');
      const locationBlocks = cut(
        districtBlock,
        Array.from({ length: count }, () => ({ weight: random.between(0.6, 1.6), leaves: 1 })),
        random,
      );
      let districtPopulation = 0;
      locationBlocks.forEach((locationBlock, l) => {
        const pcode = `${districtPcode}${String(l + 1).padStart(3, '0')}`;
        const population = populationOf(random);
        districtPopulation += population;
        locations.push({
          pcode,
          parentPcode: districtPcode,
          level: 'location',
          names: name('location'),
          population,
          shape: ring(locationBlock),
        });
      });
      provincePopulation += districtPopulation;
      districts.push({
        pcode: districtPcode,
        parentPcode: provincePcode,
        level: 'admin2',
        names: districtNames,
        population: districtPopulation,
        shape: ring(districtBlock),
      });
    });
    statePopulation += provincePopulation;
    provinces.push({
      pcode: provincePcode,
      parentPcode: 'QM',
      level: 'admin1',
      names: provinceNames,
      population: provincePopulation,
      shape: ring(provinceBlock),
    });
  });
  return [
    {
      pcode: 'QM',
      parentPcode: null,
      level: 'state',
      names: { en: 'Marenland', ar: 'مارنلاند', fr: 'Marenlande' },
      population: statePopulation,
      shape: ring(state),
    },
    ...provinces,
    ...districts,
    ...locations,
  ];
}
