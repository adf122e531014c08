import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneClass } from '../../../shared/zones/schemas.ts';
import { classStyle, MAP_BACKGROUND, MAP_OUTLINE } from './classStyle.ts';
import { boundsOf, type ZoneShape } from './geo.ts';

export interface MapZone {
  shape: ZoneShape;
  /** Colours the zone; null draws its outline only. */
  zoneClass: ZoneClass | null;
  /** Built when the zone is clicked. */
  popup?: () => HTMLElement;
}

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
  for (const zone of zones) {
    const style = zone.zoneClass ? classStyle(zone.zoneClass) : null;
    const layer = L.geoJSON(zone.shape, {
      style: {
        color: MAP_OUTLINE,
        weight: 1.5,
        ...(style?.dashed ? { dashArray: '6 4' } : {}),
        fillColor: style?.fill ?? '#ffffff',
        fillOpacity: style ? (TILE_URL ? 0.7 : 1) : 0.25,
      },
      interactive: Boolean(zone.popup),
    });
    if (zone.popup) layer.bindPopup(zone.popup, { maxWidth: 280 });
    layer.addTo(map);
  }
  // Leaflet names its popup's close button in English only.
  map.on('popupopen', (event) =>
    event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', close),
  );
  const bounds = boundsOf(zones.map((zone) => zone.shape));
  if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([0, 0], 2);
  return map;
}
