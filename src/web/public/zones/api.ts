import { useQuery } from '@tanstack/react-query';
import type { PublicZone, PublicZoneDetail } from '../../../shared/zones/schemas.ts';
import { api } from '../../api/api.ts';
import { zoneFeatures } from './geo.ts';

/** The public zone API: no session, nothing about the reader sent beyond their language. */
export const publicZoneKeys = {
  list: ['public-zones', 'json'] as const,
  map: ['public-zones', 'geojson'] as const,
  zone: (pcode: string) => ['public-zones', 'zone', pcode] as const,
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

/** One zone: its current class, the history of its published classes, the framework and its outline. */
export function usePublicZone(pcode: string) {
  return useQuery({
    queryKey: publicZoneKeys.zone(pcode),
    queryFn: ({ signal }) => api.get<PublicZoneDetail>(`/public/zones/${encodeURIComponent(pcode)}`, { signal }),
  });
}
