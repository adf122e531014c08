import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionKind } from '../../../../shared/cases/constants.ts';
import type {
  Decision,
  DecisionQueue,
  EligibilityResult,
  HouseholdDecisions,
  HouseholdVoluntariness,
} from '../../../../shared/cases/schemas.ts';
import { api } from '../../../api/api.ts';

/**
 * The choice part's queries: a household's voluntariness files, eligibility and decisions, and the decisions queue.
 * Every write answers the household's state after it; the household's queries are then read again, since a step
 * can move its stage, open a decision or change a rule's row.
 */
export const choiceKeys = {
  household: (id: string) => ['cases', 'household', id] as const,
  voluntariness: (id: string) => ['cases', 'household', id, 'voluntariness'] as const,
  eligibility: (id: string) => ['cases', 'household', id, 'eligibility'] as const,
  decisions: (id: string) => ['cases', 'household', id, 'decisions'] as const,
  queue: (filters: QueueFilters) => ['cases', 'decisions', filters] as const,
  queues: ['cases', 'decisions'] as const,
};

export interface QueueFilters {
  kind: DecisionKind | '';
  view: 'mine' | 'overdue';
}

const household = (id: string) => `/cases/households/${encodeURIComponent(id)}`;

export function useVoluntariness(householdId: string) {
  return useQuery({
    queryKey: choiceKeys.voluntariness(householdId),
    queryFn: ({ signal }) => api.get<HouseholdVoluntariness>(`${household(householdId)}/voluntariness`, { signal }),
  });
}

export function useEligibility(householdId: string) {
  return useQuery({
    queryKey: choiceKeys.eligibility(householdId),
    queryFn: ({ signal }) => api.get<EligibilityResult>(`${household(householdId)}/eligibility`, { signal }),
  });
}

export function useHouseholdDecisions(householdId: string) {
  return useQuery({
    queryKey: choiceKeys.decisions(householdId),
    queryFn: ({ signal }) => api.get<HouseholdDecisions>(`${household(householdId)}/decisions`, { signal }),
  });
}

/** The decisions queue, a page at a time: each page carries the next one's cursor and the whole queue's counts. */
export function useDecisionQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: choiceKeys.queue(filters),
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api.get<DecisionQueue>('/cases/decisions', {
        signal,
        query: {
          view: filters.view,
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A write on the household (a step, a flag, a plan): afterwards its state, eligibility and decisions are read again. */
export function useHouseholdWrite<Body>(householdId: string, path: string, method: 'post' | 'put' = 'post') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api[method]<HouseholdVoluntariness>(`${household(householdId)}/${path}`, body),
    onSuccess: (data) => {
      queryClient.setQueryData(choiceKeys.voluntariness(householdId), data);
      void queryClient.invalidateQueries({ queryKey: choiceKeys.household(householdId) });
      void queryClient.invalidateQueries({ queryKey: choiceKeys.queues });
    },
  });
}

/** Deciding a pending decision. */
export function useDecide(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, ...body }: { decisionId: string; outcome: string; rationale: string }) =>
      api.post<Decision>(`/cases/decisions/${encodeURIComponent(decisionId)}/decision`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: choiceKeys.household(householdId) });
      void queryClient.invalidateQueries({ queryKey: choiceKeys.queues });
    },
  });
}

/** Asking for a new eligibility decision once a declared case's facts changed. */
export function useRequestEligibilityDecision(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Decision>(`${household(householdId)}/decisions`, {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: choiceKeys.household(householdId) });
      void queryClient.invalidateQueries({ queryKey: choiceKeys.queues });
    },
  });
}
