import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Appeal,
  AppealReviewer,
  HouseholdAppeals,
  LodgeAppealRequest,
  ReviewAppealRequest,
} from '../../../../shared/cases/schemas.ts';
import { api } from '../../../api/api.ts';

/** Query keys of the appeals screens: a lodged or decided appeal refreshes the household and the queue. */
export const appealKeys = {
  all: ['cases', 'appeals'] as const,
  household: (householdId: string) => ['cases', 'appeals', 'household', householdId] as const,
  queue: ['cases', 'appeals', 'queue'] as const,
  reviewers: ['cases', 'appeals', 'reviewers'] as const,
};

export function useHouseholdAppeals(householdId: string) {
  return useQuery({
    queryKey: appealKeys.household(householdId),
    queryFn: ({ signal }) =>
      api.get<HouseholdAppeals>(`/cases/households/${encodeURIComponent(householdId)}/appeals`, { signal }),
  });
}

export function useAppealReviewers(enabled: boolean) {
  return useQuery({
    queryKey: appealKeys.reviewers,
    queryFn: ({ signal }) => api.get<AppealReviewer[]>('/cases/appeal-reviewers', { signal }),
    enabled,
  });
}

export function useAppealQueue() {
  return useQuery({
    queryKey: appealKeys.queue,
    queryFn: ({ signal }) => api.get<Appeal[]>('/cases/appeals', { signal }),
  });
}

export function useLodgeAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, body }: { decisionId: string; body: LodgeAppealRequest }) =>
      api.post<Appeal>(`/cases/decisions/${encodeURIComponent(decisionId)}/appeals`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useReviewAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appealId, body }: { appealId: string; body: ReviewAppealRequest }) =>
      api.post<Appeal>(`/cases/appeals/${encodeURIComponent(appealId)}/review`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
