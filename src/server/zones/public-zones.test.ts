import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { createTestAccount } from '../platform/auth/test-support.ts';
import { upsertZones } from './gazetteer.ts';
import { classifyZone } from './rules/classify.ts';
import { DEFAULT_FRAMEWORK } from './rules/default-framework.ts';
import { zonePublications, zonePublishedClasses } from './tables.ts';

/**
 * The zones around a zone on its public page: a row of districts in two regions, side by side, and three
 * localities in the first district (one without an outline). Two zones have a published class.
 */
let env: TestEnvironment;
const PERIOD = '2026-09';

const square = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

beforeAll(async () => {
  env = await createTestEnvironment();
  const db = env.database.db;
  await upsertZones(db, [
    { pcode: 'QM', parentPcode: null, level: 'state', names: { en: 'Marenland' }, population: null },
    {
      pcode: 'QM01',
      parentPcode: 'QM',
      level: 'admin1',
      names: { en: 'North' },
      population: null,
      shape: square(0, 0, 4, 2),
    },
    {
      pcode: 'QM02',
      parentPcode: 'QM',
      level: 'admin1',
      names: { en: 'East' },
      population: null,
      shape: square(4, 0, 8, 2),
    },
    {
      pcode: 'QM0101',
      parentPcode: 'QM01',
      level: 'admin2',
      names: { en: 'Alder', ar: 'ألدر' },
      population: null,
      shape: square(0, 0, 2, 2),
    },
    {
      pcode: 'QM0102',
      parentPcode: 'QM01',
      level: 'admin2',
      names: { en: 'Birch' },
      population: null,
      shape: square(2, 0, 4, 2),
    },
    {
      pcode: 'QM0201',
      parentPcode: 'QM02',
      level: 'admin2',
      names: { en: 'Cedar' },
      population: null,
      shape: square(4, 0, 6, 2),
    },
    {
      pcode: 'QM0202',
      parentPcode: 'QM02',
      level: 'admin2',
      names: { en: 'Dogwood' },
      population: null,
      shape: square(6, 0, 8, 2),
    },
    {
      pcode: 'QM0101001',
      parentPcode: 'QM0101',
      level: 'location',
      names: { en: 'Willow' },
      population: null,
      shape: square(0, 0, 1, 1),
    },
    {
      pcode: 'QM0101002',
      parentPcode: 'QM0101',
      level: 'location',
      names: { en: 'Ash' },
      population: null,
      shape: square(1, 0, 2, 1),
    },
    { pcode: 'QM0101003', parentPcode: 'QM0101', level: 'location', names: { en: 'Maple' }, population: null },
  ]);
  const account = await createTestAccount(env.app, { roles: ['coordinator'] });
  const [publication] = await db
    .insert(zonePublications)
    .values({
      period: PERIOD,
      frameworkVersion: 1,
      contentHash: 'a'.repeat(64),
      auditSeq: 1,
      zoneCount: 2,
      publishedBy: account.userId,
      organisationId: account.organisationId,
    })
    .returning();
  const classification = classifyZone(DEFAULT_FRAMEWORK, PERIOD, []);
  await db.insert(zonePublishedClasses).values([
    {
      publicationId: publication!.id,
      pcode: 'QM0101001',
      stateCode: 'QM',
      period: PERIOD,
      class: 'conducive',
      classification,
    },
    {
      publicationId: publication!.id,
      pcode: 'QM0201',
      stateCode: 'QM',
      period: PERIOD,
      class: 'not_conducive',
      classification,
    },
  ]);
});
afterAll(() => env.close());

const get = (url: string) => env.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });

describe('the zones around a zone on its public page', () => {
  it('lists a district’s localities by name with their classes, those never published too', async () => {
    const page = (await get('/api/v1/public/zones/QM0101')).json();
    expect(page.current).toBeNull();
    expect(page.parent).toEqual({ pcode: 'QM01', level: 'admin1', name: { en: 'North' } });
    expect(page.children).toEqual([
      { pcode: 'QM0101002', level: 'location', name: { en: 'Ash' }, class: null, period: null },
      { pcode: 'QM0101003', level: 'location', name: { en: 'Maple' }, class: null, period: null },
      { pcode: 'QM0101001', level: 'location', name: { en: 'Willow' }, class: 'conducive', period: PERIOD },
    ]);
  });

  it('names as neighbours the zones of the same level whose outlines touch, across a region’s line too', async () => {
    const alder = (await get('/api/v1/public/zones/QM0101')).json();
    expect(alder.neighbours.map((zone: { pcode: string }) => zone.pcode)).toEqual(['QM0102']);
    const birch = (await get('/api/v1/public/zones/QM0102')).json();
    // The sibling first, then the district across the line with its class; Dogwood, two columns away, is not one.
    expect(birch.neighbours).toEqual([
      { pcode: 'QM0101', level: 'admin2', name: { en: 'Alder', ar: 'ألدر' }, class: null, period: null },
      { pcode: 'QM0201', level: 'admin2', name: { en: 'Cedar' }, class: 'not_conducive', period: PERIOD },
    ]);
    expect(birch.children).toEqual([]);
  });

  it('names the siblings of a zone without an outline as its neighbours', async () => {
    const maple = (await get('/api/v1/public/zones/QM0101003')).json();
    expect(maple.neighbours.map((zone: { pcode: string }) => zone.pcode).sort()).toEqual(['QM0101001', 'QM0101002']);
  });

  it('serves what the zone page map draws as GeoJSON: the zone, neighbours, localities and region outlines', async () => {
    const response = await get('/api/v1/public/zones/QM0101/map');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    expect(response.headers.etag).toBeTruthy();
    const roles = Object.fromEntries(
      response.json().features.map((f: { id: string; properties: { role: string } }) => [f.id, f.properties.role]),
    );
    // The locality without an outline is not drawn; it is in the page's list.
    expect(roles).toEqual({
      QM01: 'context',
      QM0102: 'neighbour',
      QM0101001: 'child',
      QM0101002: 'child',
      QM0101: 'zone',
    });
    const willow = response.json().features.find((f: { id: string }) => f.id === 'QM0101001');
    expect(willow.properties).toEqual({
      pcode: 'QM0101001',
      level: 'location',
      name: { en: 'Willow' },
      class: 'conducive',
      role: 'child',
    });
    expect((await get('/api/v1/public/zones/QM9999/map')).statusCode).toBe(404);
  });

  it('serves the regions and districts as outlines for the map, published or not', async () => {
    const response = await get('/api/v1/public/zones?format=outlines');
    expect(response.statusCode).toBe(200);
    const features = response.json().features as { id: string; properties: Record<string, unknown> }[];
    expect(features.map((feature) => feature.id)).toEqual(['QM01', 'QM02', 'QM0101', 'QM0102', 'QM0201', 'QM0202']);
    expect(features[0]!.properties).toEqual({ pcode: 'QM01', level: 'admin1', name: { en: 'North' } });
  });

  it('follows the gazetteer: a district imported later is a neighbour at once', async () => {
    await get('/api/v1/public/zones/QM0102');
    await upsertZones(env.database.db, [
      {
        pcode: 'QM0103',
        parentPcode: 'QM01',
        level: 'admin2',
        names: { en: 'Elm' },
        population: null,
        shape: square(2, 2, 4, 4),
      },
    ]);
    const birch = (await get('/api/v1/public/zones/QM0102')).json();
    expect(birch.neighbours.map((zone: { pcode: string }) => zone.pcode)).toEqual(['QM0101', 'QM0103', 'QM0201']);
  });

  it('draws a district imported after the outlines were first served, without waiting for a publication', async () => {
    const before = (await get('/api/v1/public/zones?format=outlines')).json();
    await upsertZones(env.database.db, [
      {
        pcode: 'QM0104',
        parentPcode: 'QM01',
        level: 'admin2',
        names: { en: 'Ash' },
        population: null,
        shape: square(4, 2, 6, 4),
      },
    ]);
    const after = (await get('/api/v1/public/zones?format=outlines')).json();
    const ids = (body: { features: { id: string }[] }) => body.features.map((feature) => feature.id);
    expect(ids(before)).not.toContain('QM0104');
    expect(ids(after)).toContain('QM0104');
  });
});
