import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertCloseReason, ReferralSide } from '../../../../shared/outcomes/alert-constants.ts';
import type { AlertKind, AlertStatus, ReferralService } from '../../../../shared/outcomes/constants.ts';
import type { AlertPage, AlertView } from '../../../../shared/outcomes/schemas/alerts.ts';
import type { HouseholdTimeline } from '../../../../shared/outcomes/schemas/households.ts';
import type { ReferralPage, ReferralTarget, ReferralView } from '../../../../shared/outcomes/schemas/referrals.ts';
import { api } from '../../../api/api.ts';

/** Query keys of the alerts, referrals and timeline screens: any change refreshes all three. */
export const alertKeys = {
  all: ['outcomes', 'alerts'] as const,
  list: (filters: object) => ['outcomes', 'alerts', 'list', filters] as const,
  one: (id: string) => ['outcomes', 'alerts', 'one', id] as const,
  referrals: (side: ReferralSide) => ['outcomes', 'alerts', 'referrals', side] as const,
  targets: ['outcomes', 'alerts', 'targets'] as const,
  household: (id: string) => ['outcomes', 'alerts', 'household', id] as const,
};

export interface AlertFilters {
  kind?: AlertKind;
  status?: AlertStatus;
  pcode?: string;
  offset: number;
}

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

export function useAlerts(filters: AlertFilters) {
  return useQuery({
    queryKey: alertKeys.list(filters),
    queryFn: ({ signal }) => api.get<AlertPage>(`/outcomes/alerts?${query({ ...filters, limit: 50 })}`, { signal }),
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: alertKeys.one(id),
    queryFn: ({ signal }) => api.get<AlertView>(`/outcomes/alerts/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useReferralTargets(enabled: boolean) {
  return useQuery({
    queryKey: alertKeys.targets,
    queryFn: ({ signal }) => api.get<ReferralTarget[]>('/outcomes/referral-organisations', { signal }),
    enabled,
  });
}

export function useReferrals(side: ReferralSide) {
  return useQuery({
    queryKey: alertKeys.referrals(side),
    queryFn: ({ signal }) => api.get<ReferralPage>(`/outcomes/referrals?side=${side}&limit=200`, { signal }),
  });
}

export function useHouseholdTimeline(id: string) {
  return useQuery({
    queryKey: alertKeys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdTimeline>(`/outcomes/households/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCloseAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: AlertCloseReason }) =>
      api.post<AlertView>(`/outcomes/alerts/${encodeURIComponent(id)}/close`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export interface ReferralInput {
  alertId?: string;
  householdId: string;
  service: ReferralService;
  toOrganisationId: string;
  consentId: string;
  dueOn: string;
  note?: string;
}

export function useMakeReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReferralInput) => api.post<ReferralView>('/outcomes/referrals', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function useUpdateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: string; status: string; note?: string }) =>
      api.post<ReferralView>(`/outcomes/referrals/${encodeURIComponent(id)}/updates`, {
        status,
        ...(note ? { note } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
