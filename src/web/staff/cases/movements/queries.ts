import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Arrival,
  ArrivalPage,
  AwaitedArrivalPage,
  CaseNotice,
  DepartureResult,
  HouseholdMovements,
  MovementCandidate,
  MovementDetail,
  MovementNetwork,
  MovementPage,
  NetworkChange,
  NoticePage,
  ShelterNight,
} from '../../../../shared/cases/schemas.ts';
import { api } from '../../../api/api.ts';

/**
 * The movements screens' reads and writes. Types only from the shared schemas (the schema library stays on the
 * server). Every write invalidates the whole `movements` family, since a closure, a departure or an arrival
 * changes the network's counts, the movements, the awaited arrivals and the household pages together.
 */
export const movementKeys = {
  all: ['movements'] as const,
  network: ['movements', 'network'] as const,
  list: (status: string, offset: number) => ['movements', 'list', status, offset] as const,
  candidates: (corridorId: string) => ['movements', 'candidates', corridorId] as const,
  shelters: (corridorId: string, date: string) => ['movements', 'shelters', corridorId, date] as const,
  household: (id: string) => ['movements', 'household', id] as const,
  notices: ['movements', 'notices'] as const,
  awaited: ['movements', 'awaited'] as const,
  arrivals: (filters: ArrivalFilters) => ['movements', 'arrivals', filters] as const,
};

export interface ArrivalFilters {
  from?: string;
  to?: string;
  pcode?: string;
  limit: number;
  offset: number;
}

export const useNetwork = () =>
  useQuery({
    queryKey: movementKeys.network,
    queryFn: ({ signal }) => api.get<MovementNetwork>('/cases/network', { signal }),
  });

export const useMovements = (status: string, offset: number, limit: number) =>
  useQuery({
    queryKey: movementKeys.list(status, offset),
    queryFn: ({ signal }) =>
      api.get<MovementPage>('/cases/movements', {
        signal,
        query: { ...(status ? { status } : {}), limit, offset },
      }),
    placeholderData: keepPreviousData,
  });

export const useCandidates = (corridorId: string) =>
  useQuery({
    queryKey: movementKeys.candidates(corridorId),
    queryFn: ({ signal }) =>
      api.get<MovementCandidate[]>('/cases/movements/candidates', { signal, query: { corridorId } }),
    enabled: corridorId !== '',
  });

export const useShelterNights = (corridorId: string, date: string) =>
  useQuery({
    queryKey: movementKeys.shelters(corridorId, date),
    queryFn: ({ signal }) =>
      api.get<ShelterNight[]>('/cases/movements/shelters', { signal, query: { corridorId, date } }),
    enabled: corridorId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });

export const useHouseholdMovements = (householdId: string) =>
  useQuery({
    queryKey: movementKeys.household(householdId),
    queryFn: ({ signal }) => api.get<HouseholdMovements>(`/cases/households/${householdId}/movements`, { signal }),
  });

/**
 * The organisation's unread notices, a page at a time: each page carries the next one's cursor and the count of
 * them all. Marking one read fetches the pages shown again (a movements write), so it leaves the list.
 */
export const useNotices = () =>
  useInfiniteQuery({
    queryKey: movementKeys.notices,
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api.get<NoticePage>('/cases/notices', {
        signal,
        query: { unread: 'true', ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

/** The households awaited, a page at a time: each page carries the next one's cursor and the whole count. */
export const useAwaitedArrivals = () =>
  useInfiniteQuery({
    queryKey: movementKeys.awaited,
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api.get<AwaitedArrivalPage>('/cases/arrivals/awaited', {
        signal,
        query: pageParam ? { cursor: pageParam } : {},
      }),
    getNextPageParam: (last) => last.nextCursor,
  });

export const useArrivals = (filters: ArrivalFilters) =>
  useQuery({
    queryKey: movementKeys.arrivals(filters),
    queryFn: ({ signal }) => api.get<ArrivalPage>('/cases/arrivals', { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });

/** A write of the movements screens; on success every movements query is fetched again. */
function useMovementWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: movementKeys.all }),
  });
}

export interface PlanRequest {
  kind: 'convoy' | 'individual';
  corridorId: string;
  departsOn: string;
  householdIds: string[];
  shelterId?: string;
}
export const usePlanMovement = () =>
  useMovementWrite((body: PlanRequest) => api.post<MovementDetail>('/cases/movements', body));
export const useDepartMovement = () =>
  useMovementWrite((id: string) => api.post<DepartureResult>(`/cases/movements/${id}/depart`));
export const useCancelMovement = () =>
  useMovementWrite((id: string) => api.post<MovementDetail>(`/cases/movements/${id}/cancel`));
export const useRecordArrival = () =>
  useMovementWrite((body: { householdId: string; movementId?: string; arrivedOn: string }) =>
    api.post<Arrival>('/cases/arrivals', body),
  );
export const useMarkNoticeRead = () =>
  useMovementWrite((id: string) => api.post<CaseNotice>(`/cases/notices/${id}/read`));
export const useSetNetworkStatus = () =>
  useMovementWrite(
    ({ kind, id, status }: { kind: 'transit-points' | 'corridors'; id: string; status: 'open' | 'closed' }) =>
      api.post<NetworkChange>(`/cases/network/${kind}/${id}/status`, { status }),
  );
export const useCreateNetworkRecord = () =>
  useMovementWrite(({ kind, body }: { kind: 'transit-points' | 'corridors' | 'shelters'; body: unknown }) =>
    api.post<unknown>(`/cases/network/${kind}`, body),
  );
