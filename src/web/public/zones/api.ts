import { useQuery } from '@tanstack/react-query';
import type { PublicZone, PublicZoneDetail, PublicZoneHistory } from '../../../shared/zones.ts';
import { api } from '../../api/api.ts';
import { zoneFeatures } from './geo.ts';

/** The public zone API: no session, nothing about the reader sent beyond their language. */
export const publicZoneKeys = {
  list: ['public-zones', 'json'] as const,
  map: ['public-zones', 'geojson'] as const,
  zone: (pcode: string) => ['public-zones', 'zone', pcode] as const,
  history: (pcode: string) => ['public-zones', 'zone', pcode, 'history'] as const,
};

/** Every zone with a published class (the table: zones without an outline included). */
export function usePublicZoneList() {
  return useQuery({
    queryKey: publicZoneKeys.list,
    queryFn: ({ signal }) => api.get<PublicZone[]>('/public/zones', { signal }),
  });
}

/** The zones with a published class and an outline, as GeoJSON features (the map). */
export function usePublicZoneMap() {
  return useQuery({
    queryKey: publicZoneKeys.map,
    queryFn: async ({ signal }) =>
      zoneFeatures(await api.get<unknown>('/public/zones', { query: { format: 'geojson' }, signal })),
  });
}

/** One zone: its current class and why, the framework and its outline. */
export function usePublicZone(pcode: string) {
  return useQuery({
    queryKey: publicZoneKeys.zone(pcode),
    queryFn: ({ signal }) => api.get<PublicZoneDetail>(`/public/zones/${encodeURIComponent(pcode)}`, { signal }),
  });
}

/** Every class published for one zone (a larger request than the zone itself, made apart from it). */
export function usePublicZoneHistory(pcode: string) {
  return useQuery({
    queryKey: publicZoneKeys.history(pcode),
    queryFn: ({ signal }) =>
      api.get<PublicZoneHistory>(`/public/zones/${encodeURIComponent(pcode)}/history`, { signal }),
  });
}
