import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import type {
  FrameworkVersion,
  ObservationPage,
  ObservationStatus,
  PeriodReview,
  PublicationSummary,
  ZoneDetail,
  ZoneLevel,
  ZonePage,
} from './types.ts';

/** Query keys of the zones screens: writes invalidate these so every screen shows the change. */
export const zoneKeys = {
  all: ['zones'] as const,
  zones: ['zones', 'zones'] as const,
  zoneList: (filters: ZoneFilters) => ['zones', 'zones', 'list', filters] as const,
  zone: (pcode: string) => ['zones', 'zones', 'detail', pcode] as const,
  frameworks: ['zones', 'frameworks'] as const,
  activeFramework: ['zones', 'frameworks', 'active'] as const,
  observations: ['zones', 'observations'] as const,
  observationList: (filters: ObservationFilters) => ['zones', 'observations', filters] as const,
  reviews: ['zones', 'reviews'] as const,
  review: (period: string) => ['zones', 'reviews', period] as const,
  publications: ['zones', 'publications'] as const,
};

export interface ZoneFilters {
  q?: string;
  level?: ZoneLevel | '';
  parent?: string;
  period?: string;
  limit: number;
  offset: number;
}

export function useZones(filters: ZoneFilters, enabled = true) {
  return useQuery({
    queryKey: zoneKeys.zoneList(filters),
    queryFn: ({ signal }) => api.get<ZonePage>('/zones', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useZone(pcode: string) {
  return useQuery({
    queryKey: zoneKeys.zone(pcode),
    queryFn: ({ signal }) => api.get<ZoneDetail>(`/zones/${encodeURIComponent(pcode)}`, { signal }),
  });
}

export function useFrameworks(enabled = true) {
  return useQuery({
    queryKey: zoneKeys.frameworks,
    queryFn: ({ signal }) => api.get<FrameworkVersion[]>('/frameworks', { signal }),
    enabled,
  });
}

export function useActiveFramework() {
  return useQuery({
    queryKey: zoneKeys.activeFramework,
    queryFn: ({ signal }) => api.get<FrameworkVersion>('/frameworks/active', { signal }),
  });
}

export interface ObservationFilters {
  pcode?: string;
  indicator?: string;
  period?: string;
  status?: ObservationStatus;
  queue?: 'verify';
  limit: number;
  offset: number;
}

export function useObservations(filters: ObservationFilters, enabled = true) {
  return useQuery({
    queryKey: zoneKeys.observationList(filters),
    queryFn: ({ signal }) => api.get<ObservationPage>('/observations', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReview(period: string) {
  return useQuery({
    queryKey: zoneKeys.review(period),
    queryFn: ({ signal }) => api.get<PeriodReview>(`/periods/${period}/review`, { signal }),
    retry: false,
  });
}

export function usePublications() {
  return useQuery({
    queryKey: zoneKeys.publications,
    queryFn: ({ signal }) => api.get<PublicationSummary[]>('/publications', { signal }),
  });
}
