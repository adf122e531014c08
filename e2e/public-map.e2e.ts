import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ZONE_STORY } from '../src/server/demo/story.ts';
import type { PublicZoneDetail, PublicZoneLink } from '../src/shared/zones/schemas.ts';
import { browserForFile, hydrated, settled } from './support/browser.ts';
import { catalogue } from './support/catalogue.ts';

const browser = browserForFile();
const en = catalogue('en');
const ar = catalogue('ar');
const ARABIC = /[\u0600-\u06ff]/;

/** The demo's locality with mines on its return routes (a count: "2 incidents"), and a district of localities. */
const LOCALITY = DEMO_ZONE_STORY.hardRed;
const DISTRICT = DEMO_ZONE_STORY.improvingDistrict;

const detail = async (pcode: string) =>
  (await (await fetch(`${browser.url}/api/v1/public/zones/${pcode}`)).json()) as PublicZoneDetail;

/** What a list of zones on the page says, item by item: "name" then the class in words, or "no class yet". */
const expectedItems = (zones: readonly PublicZoneLink[], t: (key: string) => string, language: 'en' | 'ar') =>
  zones.map(
    (zone) =>
      `${zone.name[language] ?? zone.name.en}${zone.class ? t(`zoneTerms.class.${zone.class}`) : t('publicZones.zone.noClassYet')}`,
  );

/** Nothing past the right or left edge of a phone's screen: the page, and every item of the zone lists. */
async function expectNothingClipped(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) {
      found.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
    }
    for (const element of document.querySelectorAll(
      'main .zone-links li, main .zone-links li *, main details, main p',
    )) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.left < -0.5 || box.right > width + 0.5)) {
        found.push(
          `a <${element.localName}> "${element.textContent?.slice(0, 40)}" runs from ${box.left} to ${box.right}`,
        );
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

/** The names the map shows now (labels hidden because their zone is too small or they would overlap are not). */
const visibleLabels = (page: Page, kind = '') =>
  page.locator(`.zone-map .zone-label${kind} > span`).evaluateAll((spans) =>
    spans
      .filter((span) => getComputedStyle(span).visibility === 'visible')
      .map((span) => ({
        text: span.textContent ?? '',
        lang: span.getAttribute('lang'),
        dir: span.getAttribute('dir'),
      })),
  );

describe('a zone page in plain words, without JavaScript, on a phone', () => {
  let locality: PublicZoneDetail;
  let district: PublicZoneDetail;

  beforeAll(async () => {
    [locality, district] = await Promise.all([detail(LOCALITY), detail(DISTRICT)]);
  });

  it('gives values with their units, what the class means for a returnee, and technical terms behind a disclosure', async () => {
    const page = await browser.open({ javaScript: false, phone: true });
    await page.goto(`/zones/${LOCALITY}`);
    await page.getByRole('heading', { level: 1, name: locality.zone.name.en }).waitFor();
    const zoneClass = locality.current!.class;
    const current = page.getByRole('region', { name: en('publicZones.zone.currentTitle') });
    expect(await current.textContent()).toContain(en(`publicZones.zone.returning.${zoneClass}`));

    // The mines on the return routes are counted in incidents, in the criterion table and in the explanation.
    const mines = locality
      .framework!.definition.criteria.flatMap((criterion) => criterion.indicators)
      .find((indicator) => indicator.code === 'mines_uxo_on_routes')!;
    const row = page.locator('tr', { hasText: mines.name.en });
    const value = (await row.locator(`td[data-label="${en('zoneTerms.column.value')}"]`).textContent()) ?? '';
    expect(value).toMatch(/^(no incidents|1 incident|[\d,]+ incidents)$/);
    const why = page.getByRole('region', { name: en('publicZones.zone.whyTitle') });
    expect(await why.textContent()).toContain(value);

    // No technical term in sight until the reader opens the details (a plain <details>: no JavaScript needed).
    const main = page.getByRole('main');
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without what a closed <details> hides
    const shown = await main.evaluate((element) => (element as HTMLElement).innerText);
    expect(shown.match(/.{0,40}(P-code|hard indicator|content hash).{0,40}/i)?.[0] ?? null).toBeNull();
    const details = page.locator('details.zone-details').last();
    const pcode = details.getByText(locality.zone.pcode);
    expect(await pcode.isVisible()).toBe(false);
    await details.locator('summary', { hasText: en('publicZones.zone.detailsSummary') }).click();
    await pcode.waitFor();
    expect(await details.textContent()).toMatch(/Hard indicators.*Mines and unexploded ordnance/);
    expect(await details.textContent()).toContain(locality.current!.publication.contentHash);

    await expectNothingClipped(page);
    await browser.screenshot(page, 'locality without JavaScript');
  });

  it('lists the neighbouring zones with their classes, as links, and draws no map', async () => {
    const page = await browser.open({ javaScript: false, phone: true });
    await page.goto(`/zones/${LOCALITY}`);
    const around = page.getByRole('region', { name: en('publicZones.zone.aroundTitle') });
    const list = around.getByRole('list', { name: en('publicZones.zone.neighboursTitle') });
    expect(locality.neighbours.length).toBeGreaterThan(0);
    expect(await list.getByRole('listitem').allTextContents()).toEqual(expectedItems(locality.neighbours, en, 'en'));
    const first = locality.neighbours[0]!;
    expect(await list.getByRole('link', { name: first.name.en }).getAttribute('href')).toBe(`/zones/${first.pcode}`);
    expect(await page.locator('.zone-map').count()).toBe(0);
    await list.getByRole('link', { name: first.name.en }).click();
    await page.getByRole('heading', { level: 1, name: first.name.en }).waitFor();
  });

  it('lists a district’s localities and their classes instead of “no class has been published”', async () => {
    const page = await browser.open({ javaScript: false, phone: true, locale: 'ar' });
    await page.goto(`/zones/${DISTRICT}`);
    await page.getByRole('heading', { level: 1, name: district.zone.name.ar }).waitFor();
    expect(district.children.length).toBeGreaterThan(1);
    const current = page.getByRole('region', { name: ar('publicZones.zone.currentTitle') });
    expect(await current.textContent()).not.toContain(ar('publicZones.zone.noCurrent'));
    const seeInside = current.getByRole('link', { name: ar('publicZones.zone.seeInside') });
    expect(await seeInside.getAttribute('href')).toBe('#zone-inside');
    const inside = page.locator('section[aria-labelledby="zone-inside"]');
    const items = await inside.getByRole('listitem').allTextContents();
    expect(items).toEqual(expectedItems(district.children, ar, 'ar'));
    // The localities of the improving district are published: each shows its class, in Arabic.
    expect(district.children.every((child) => child.class !== null)).toBe(true);
    for (const item of items) expect(item).toMatch(ARABIC);
    await expectNothingClipped(page);
    await browser.screenshot(page, 'district in Arabic without JavaScript');
  });
});

describe('the maps with JavaScript: names as labels, regions and districts as outlines', () => {
  it('shows the zone among its neighbours, named, highlighted, with the region and district lines', async () => {
    const locality = await detail(LOCALITY);
    const page = await browser.open();
    await page.goto(`/zones/${LOCALITY}`);
    await hydrated(page);
    const map = page.getByRole('region', { name: new RegExp(`^Map of ${locality.zone.name.en}`) });
    await map.locator('.leaflet-overlay-pane path').first().waitFor();
    await settled(page);
    // The zone itself, named, with its thick outline; its neighbours named with their class colours.
    const names = await visibleLabels(page);
    expect(names.map((name) => name.text)).toContain(locality.zone.name.en);
    const neighbourNames = locality.neighbours.map((zone) => zone.name.en);
    expect(names.filter((name) => neighbourNames.includes(name.text)).length).toBeGreaterThan(0);
    const strokes = await map
      .locator('.leaflet-overlay-pane path')
      .evaluateAll((paths) =>
        paths.map((path) => ({ fill: path.getAttribute('fill'), width: path.getAttribute('stroke-width') })),
      );
    // Outlines only (no fill): the district and region lines, and the zone's highlight.
    expect(strokes.filter((stroke) => stroke.fill === 'none').map((stroke) => stroke.width)).toEqual(
      expect.arrayContaining(['2', '3', '5']),
    );
    // Filled zones: the locality and its neighbours, each in its class's colour.
    expect(strokes.filter((stroke) => stroke.fill !== 'none').length).toBeGreaterThan(locality.neighbours.length);
    await browser.screenshot(page, 'locality map');
  });

  it('names the regions on the zone map at first, in Arabic right to left, and the localities once zoomed in', async () => {
    const page = await browser.open({ locale: 'ar' });
    await page.goto('/zones');
    await hydrated(page);
    const map = page.locator('.zone-map');
    await map.locator('.leaflet-overlay-pane path[fill="none"]').first().waitFor();
    await settled(page);
    const regions = await visibleLabels(page, '.zone-label-outline');
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      expect(region.text).toMatch(ARABIC);
      expect(region).toMatchObject({ lang: 'ar', dir: 'auto' });
    }
    // A locality too small to be named at first, the nearest to the middle of the map, is named once zoomed in.
    const target = await map.locator('.zone-label-fill > span').evaluateAll((spans) => {
      const box = document.querySelector('.zone-map')!.getBoundingClientRect();
      const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      const hidden = spans
        .filter((span) => getComputedStyle(span).visibility === 'hidden')
        .map((span) => {
          const at = span.getBoundingClientRect();
          return {
            text: span.textContent ?? '',
            distance: Math.hypot(at.x + at.width / 2 - middle.x, at.y + at.height / 2 - middle.y),
          };
        })
        .sort((a, b) => a.distance - b.distance);
      return hidden[0]?.text;
    });
    expect(target).toMatch(ARABIC);
    let named = false;
    for (let i = 0; i < 5 && !named; i++) {
      await map.getByRole('button', { name: ar('publicZones.map.zoomIn') }).click();
      named = await expect
        .poll(async () => (await visibleLabels(page, '.zone-label-fill')).map((label) => label.text), { timeout: 3000 })
        .toContain(target)
        .then(
          () => true,
          () => false,
        );
    }
    expect(named, `${target} is named once zoomed in`).toBe(true);
    for (const label of await visibleLabels(page, '.zone-label-fill')) expect(label.text).toMatch(ARABIC);
    await browser.screenshot(page, 'zone map in Arabic zoomed in');
  });

  it('fits a zone page with its map on a 375 px phone: nothing clipped', async () => {
    const page = await browser.open({ phone: true });
    await page.goto(`/zones/${DISTRICT}`);
    await hydrated(page);
    await page.locator('.zone-map .leaflet-overlay-pane path').first().waitFor();
    await settled(page);
    const map = await page.locator('.zone-map').boundingBox();
    expect(map!.x).toBeGreaterThanOrEqual(0);
    expect(map!.x + map!.width).toBeLessThanOrEqual(375);
    await expectNothingClipped(page);
    await browser.screenshot(page, 'district map on a phone');
  });
});
