import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountabilityStep,
  AccountabilityTracker,
  Incident,
  IncidentObservation,
  IncidentPage,
  NewIncident,
  VerifyIncidentRequest,
} from '../../../shared/gateway/schemas.ts';
import { api } from '../../api/api.ts';

/** Query keys of the incident screens: any change to an incident refreshes the register, the page and the tracker. */
export const incidentKeys = {
  all: ['incidents'] as const,
  list: (query: string) => ['incidents', 'list', query] as const,
  one: (id: string) => ['incidents', 'one', id] as const,
  tracker: ['incidents', 'tracker'] as const,
};

export interface IncidentFilters {
  type: string;
  accountability: string;
  verification: string;
  month: string;
  pcode: string;
}

export function useIncidents(filters: IncidentFilters, limit: number, offset: number) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  const query = params.toString();
  return useQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => api.get<IncidentPage>(`/gateway/incidents?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.one(id),
    queryFn: ({ signal }) => api.get<Incident>(`/gateway/incidents/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useAccountabilityTracker() {
  return useQuery({
    queryKey: incidentKeys.tracker,
    queryFn: ({ signal }) => api.get<AccountabilityTracker>('/gateway/incidents/accountability', { signal }),
  });
}

function useIncidentMutation<Body, Result>(send: (body: Body) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

export const useRecordIncident = () =>
  useIncidentMutation((body: NewIncident) => api.post<Incident>('/gateway/incidents', body));

export const useVerifyIncident = (id: string) =>
  useIncidentMutation((body: VerifyIncidentRequest) =>
    api.post<Incident>(`/gateway/incidents/${encodeURIComponent(id)}/verify`, body),
  );

export const useAccountabilityStep = (id: string) =>
  useIncidentMutation((body: AccountabilityStep) =>
    api.post<Incident>(`/gateway/incidents/${encodeURIComponent(id)}/accountability`, body),
  );

export const useEnterObservation = (id: string) =>
  useIncidentMutation((_: undefined) =>
    api.post<IncidentObservation>(`/gateway/incidents/${encodeURIComponent(id)}/observation`),
  );
