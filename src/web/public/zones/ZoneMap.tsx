import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneClass, ZoneLevel } from '../../../shared/zones/schemas.ts';
import { classStyle, MAP_BACKGROUND, MAP_OUTLINE } from './classStyle.ts';
import { boundsOf, type ZoneShape } from './geo.ts';
import { type LabelBox, placeLabels } from './labels.ts';

export interface MapZone {
  shape: ZoneShape;
  /** Colours the zone; null draws its outline only. */
  zoneClass: ZoneClass | null;
  /** Built when the zone is clicked. */
  popup?: () => HTMLElement;
  /**
   * `fill` (the default): coloured by class, under everything else. `outline`: a line only, for context (a region's
   * thicker than a district's), drawn over the fills. `highlight`: a thick line over everything (the page's zone).
   */
  draw?: 'fill' | 'outline' | 'highlight';
  level?: ZoneLevel;
  /** The zone's name in the page's language (or English, marked as such), shown once the zone is large enough. */
  label?: { text: string; lang: string };
}

/** Outline weights: a region's line stands out from a district's, and both from the zones' own edges. */
const OUTLINE_WEIGHT: Partial<Record<ZoneLevel, number>> = { state: 3.5, admin1: 3, admin2: 2 };
/** The order labels are placed in when they would overlap: the page's zone, then regions, districts, the rest. */
const LABEL_RANK: Record<NonNullable<MapZone['draw']>, number> = { highlight: 0, outline: 1, fill: 2 };

/**
 * A tile server is optional (VITE_TILE_URL at build time, e.g. `/tiles/{z}/{x}/{y}.png`; the server's CSP
 * admits images from the same origin only). Without one the zones are drawn on a plain background.
 */
const TILE_URL = (import.meta.env.VITE_TILE_URL as string | undefined) || undefined;
const TILE_ATTRIBUTION = (import.meta.env.VITE_TILE_ATTRIBUTION as string | undefined) ?? '';

/**
 * Zones drawn with Leaflet as GeoJSON, fitted to their bounds. The map stays left to right inside, whatever
 * the page's direction; it is a labelled region described by the text beside it, and every zone on it is also
 * reachable by keyboard from the page's table or text.
 */
export function ZoneMap({
  zones,
  label,
  describedBy,
  height,
}: {
  zones: readonly MapZone[];
  label: string;
  describedBy: string;
  height: number;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLElement>(null);
  const zoomIn = t('publicZones.map.zoomIn');
  const zoomOut = t('publicZones.map.zoomOut');
  const close = t('publicZones.map.closePopup');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let map: import('leaflet').Map | undefined;
    let gone = false;
    void import('./leaflet.ts').then(({ L }) => {
      if (gone) return;
      map = drawZones(L, element, zones, { zoomIn, zoomOut, close });
    });
    return () => {
      gone = true;
      map?.remove();
    };
  }, [zones, zoomIn, zoomOut, close]);

  return (
    <section
      ref={container}
      dir="ltr"
      aria-label={label}
      aria-describedby={describedBy}
      className="zone-map"
      style={{ height, background: MAP_BACKGROUND }}
    />
  );
}

/** Draws the zones with Leaflet (loaded by then) into `element`, fitted to their bounds. */
function drawZones(
  L: typeof import('leaflet'),
  element: HTMLElement,
  zones: readonly MapZone[],
  { zoomIn, zoomOut, close }: { zoomIn: string; zoomOut: string; close: string },
): import('leaflet').Map {
  const map = L.map(element, {
    zoomControl: false,
    attributionControl: Boolean(TILE_URL),
    maxZoom: 18,
    zoomSnap: 0.25,
  });
  L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
  if (TILE_URL) L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 18 }).addTo(map);
  const pass = (draw: NonNullable<MapZone['draw']>) => zones.filter((zone) => (zone.draw ?? 'fill') === draw);
  for (const zone of pass('fill')) {
    const style = zone.zoneClass ? classStyle(zone.zoneClass) : null;
    const layer = L.geoJSON(zone.shape, {
      style: {
        color: MAP_OUTLINE,
        weight: 1,
        ...(style?.dashed ? { dashArray: '6 4' } : {}),
        fillColor: style?.fill ?? '#ffffff',
        fillOpacity: style ? (TILE_URL ? 0.7 : 1) : 0.25,
      },
      interactive: Boolean(zone.popup),
    });
    if (zone.popup) layer.bindPopup(zone.popup, { maxWidth: 280 });
    layer.addTo(map);
  }
  // Districts, then regions over them, then the page's zone over everything: none of them takes a click.
  const outlines = pass('outline').sort((a, b) => (OUTLINE_WEIGHT[a.level!] ?? 1) - (OUTLINE_WEIGHT[b.level!] ?? 1));
  for (const zone of outlines) {
    L.geoJSON(zone.shape, {
      style: { color: MAP_OUTLINE, weight: OUTLINE_WEIGHT[zone.level!] ?? 1.5, opacity: 0.85, fill: false },
      interactive: false,
    }).addTo(map);
  }
  for (const zone of pass('highlight')) {
    L.geoJSON(zone.shape, {
      style: { color: '#000000', weight: 5, fill: false, dashArray: undefined },
      interactive: false,
    }).addTo(map);
  }
  addLabels(L, map, zones);
  // Leaflet names its popup's close button in English only.
  map.on('popupopen', (event) =>
    event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', close),
  );
  // Fitted to what the map is about: the page's zone and its neighbours, not the whole region around them.
  const focus = zones.filter((zone) => zone.draw !== 'outline');
  const bounds = boundsOf((focus.length > 0 ? focus : zones).map((zone) => zone.shape));
  if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([0, 0], 2);
  return map;
}

/**
 * Each zone's name as a label at its middle, in the page's language (its own direction inside the map's
 * left-to-right box). After each zoom a label is shown only when its zone is wide enough on the screen to hold
 * it (a region's at a small zoom, a locality's once zoomed in), and not over a more important label; see
 * labels.ts. The labels are text, not images: a screen reader reads the same names from the page's lists.
 */
function addLabels(L: typeof import('leaflet'), map: import('leaflet').Map, zones: readonly MapZone[]): void {
  const labelled = zones
    .filter((zone) => zone.label)
    .map((zone) => {
      const span = document.createElement('span');
      span.textContent = zone.label!.text;
      span.lang = zone.label!.lang;
      span.dir = 'auto';
      const draw = zone.draw ?? 'fill';
      const marker = L.marker(L.geoJSON(zone.shape).getBounds().getCenter(), {
        icon: L.divIcon({ className: `zone-label zone-label-${draw}`, html: span, iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
      }).addTo(map);
      const [[south, west], [north, east]] = boundsOf([zone.shape])!;
      return { zone, span, marker, corners: L.latLngBounds([south, west], [north, east]), rank: LABEL_RANK[draw] };
    });
  const place = () => {
    const boxes: LabelBox[] = labelled.map(({ span, marker, corners, rank, zone }) => {
      const centre = map.latLngToContainerPoint(marker.getLatLng());
      const sw = map.latLngToContainerPoint(corners.getSouthWest());
      const ne = map.latLngToContainerPoint(corners.getNorthEast());
      return {
        x: centre.x,
        y: centre.y,
        width: span.offsetWidth,
        height: span.offsetHeight,
        zoneWidth: Math.abs(ne.x - sw.x),
        zoneHeight: Math.abs(sw.y - ne.y),
        rank,
        outline: zone.draw === 'outline',
      };
    });
    const shown = placeLabels(boxes, { width: map.getSize().x, height: map.getSize().y });
    labelled.forEach(({ span }, index) => {
      span.style.visibility = shown[index] ? 'visible' : 'hidden';
    });
  };
  map.on('zoomend moveend resize', place);
  map.whenReady(place);
}
