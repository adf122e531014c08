import { useQuery } from '@tanstack/react-query';
import type { PublicZone, PublicZoneDetail, PublicZoneHistoryEntry } from '../../../shared/zones/schemas.ts';
import { api } from '../../api/api.ts';
import { isApiError } from '../../api/problem.ts';
import type { PublicQuery } from '../data.ts';
import { labelledFeatures, zoneFeatures } from './geo.ts';

/** The public zone API: no session, nothing about the reader sent beyond their language. */
export const publicZoneKeys = {
  list: ['public-zones', 'json'] as const,
  map: ['public-zones', 'geojson'] as const,
  outlines: ['public-zones', 'outlines'] as const,
  zoneMap: (pcode: string) => ['public-zones', 'zone-map', pcode] as const,
  zone: (pcode: string) => ['public-zones', 'zone', pcode] as const,
  history: (pcode: string) => ['public-zones', 'history', pcode] as const,
};

/** A zone's page: its current class and why (its history has its own request). */
export type ZoneDetail = PublicZoneDetail;
export type HistoryEntry = PublicZoneHistoryEntry;
/** What the history table shows of an entry: the classification (the larger part) stays on the server. */
export type HistoryRow = Pick<HistoryEntry, 'period' | 'class' | 'publication'>;

/** Every zone with a published class (the table: zones without an outline included). */
export const zoneListQuery: PublicQuery<PublicZone[]> = {
  key: publicZoneKeys.list,
  path: '/public/zones',
  shape: (body) => body as PublicZone[],
};

/** One zone: its current class and its explanation, the framework and its outline; null when there is none. */
export const zoneQuery = (pcode: string): PublicQuery<ZoneDetail | null> => ({
  key: publicZoneKeys.zone(pcode),
  path: `/public/zones/${encodeURIComponent(pcode)}`,
  notFound: null,
  shape: (body) => body as PublicZoneDetail,
});

/** The zone's published classes over time, as the history table shows them. */
export const zoneHistoryQuery = (pcode: string): PublicQuery<HistoryRow[]> => ({
  key: publicZoneKeys.history(pcode),
  path: `/public/zones/${encodeURIComponent(pcode)}/history`,
  notFound: [],
  shape: (body) =>
    (body as { history: HistoryEntry[] }).history.map(({ period, class: zoneClass, publication }) => ({
      period,
      class: zoneClass,
      publication,
    })),
});

/** The query in the browser: the same key and shape as the server's prefetch, so hydration finds its data. */
export function usePublicQuery<T>(query: PublicQuery<T>) {
  return useQuery({
    queryKey: query.key,
    queryFn: async ({ signal }) => {
      try {
        return query.shape(await api.get<unknown>(query.path, { signal }));
      } catch (error) {
        if ('notFound' in query && isApiError(error) && error.status === 404) return query.notFound as T;
        throw error;
      }
    },
  });
}

export const usePublicZoneList = () => usePublicQuery(zoneListQuery);
export const usePublicZone = (pcode: string) => usePublicQuery(zoneQuery(pcode));
export const usePublicZoneHistory = (pcode: string) => usePublicQuery(zoneHistoryQuery(pcode));

/** The zones with a published class and an outline, as GeoJSON features (the map, drawn in the browser only). */
export function usePublicZoneMap() {
  return useQuery({
    queryKey: publicZoneKeys.map,
    queryFn: async ({ signal }) =>
      zoneFeatures(await api.get<unknown>('/public/zones', { query: { format: 'geojson' }, signal })),
  });
}

/** The regions' and districts' outlines and names, drawn for context on the maps (in the browser only). */
export function usePublicOutlines(enabled = true) {
  return useQuery({
    queryKey: publicZoneKeys.outlines,
    queryFn: async ({ signal }) =>
      labelledFeatures(await api.get<unknown>('/public/zones', { query: { format: 'outlines' }, signal })),
    enabled,
  });
}

/** What a zone page's map draws: the zone, its neighbours and the zones inside it, and the outlines around. */
export function usePublicZoneMapAround(pcode: string, enabled = true) {
  return useQuery({
    queryKey: publicZoneKeys.zoneMap(pcode),
    queryFn: async ({ signal }) =>
      labelledFeatures(await api.get<unknown>(`/public/zones/${encodeURIComponent(pcode)}/map`, { signal })),
    enabled,
  });
}
