import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FollowUp,
  FollowUpLink,
  FollowUpOrganisation,
  FollowUpPage,
} from '../../../../shared/outcomes/schemas/follow-ups.ts';
import type { InstrumentForm, RecordedResponse } from '../../../../shared/outcomes/schemas/responses.ts';
import { api } from '../../../api/api.ts';

/**
 * The follow-up screens' reads and writes. Types only from the shared schemas. A step answers the follow-up as it
 * now stands, which replaces the cached one; the list is fetched again.
 */
export const followUpKeys = {
  all: ['outcome-follow-ups'] as const,
  list: (filters: FollowUpFilters, offset: number) => ['outcome-follow-ups', 'list', filters, offset] as const,
  item: (id: string) => ['outcome-follow-ups', 'item', id] as const,
  form: (id: string) => ['outcome-follow-ups', 'form', id] as const,
  organisations: ['outcome-follow-ups', 'organisations'] as const,
};

export interface FollowUpFilters {
  status: string;
  round: string;
  zone: string;
  overdue: string;
  dueBefore: string;
}

export const PAGE_SIZE = 50;

export const useFollowUps = (filters: FollowUpFilters, offset: number) =>
  useQuery({
    queryKey: followUpKeys.list(filters, offset),
    queryFn: ({ signal }) =>
      api.get<FollowUpPage>('/outcomes/follow-ups', {
        signal,
        query: {
          ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
          limit: String(PAGE_SIZE),
          offset: String(offset),
        },
      }),
    placeholderData: keepPreviousData,
  });

export const useFollowUp = (id: string) =>
  useQuery({
    queryKey: followUpKeys.item(id),
    queryFn: ({ signal }) => api.get<FollowUp>(`/outcomes/follow-ups/${id}`, { signal }),
  });

export const useFollowUpForm = (id: string) =>
  useQuery({
    queryKey: followUpKeys.form(id),
    queryFn: ({ signal }) => api.get<InstrumentForm>(`/outcomes/follow-ups/${id}/form`, { signal }),
  });

export const useFollowUpOrganisations = (enabled: boolean) =>
  useQuery({
    queryKey: followUpKeys.organisations,
    queryFn: ({ signal }) => api.get<FollowUpOrganisation[]>('/outcomes/follow-up-organisations', { signal }),
    enabled,
  });

export type FollowUpStep = 'assignment' | 'attempts' | 'lost';

/** A step on a follow-up: the answer is the follow-up as it now stands. */
export function useFollowUpStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: FollowUpStep; body: Record<string, unknown> }) =>
      api.post<FollowUp>(`/outcomes/follow-ups/${id}/${step}`, body),
    onSuccess: (followUp) => {
      queryClient.setQueryData(followUpKeys.item(id), followUp);
      void queryClient.invalidateQueries({ queryKey: [...followUpKeys.all, 'list'] });
    },
  });
}

/** Issues the household's code: shown once, never cached. */
export function useIssueLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FollowUpLink>(`/outcomes/follow-ups/${id}/link`, {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: followUpKeys.item(id) });
      void queryClient.invalidateQueries({ queryKey: [...followUpKeys.all, 'list'] });
    },
  });
}

export function useRecordAnswers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { answers: unknown; collectedOn: string; instrumentId?: string }) =>
      api.post<RecordedResponse>(`/outcomes/follow-ups/${id}/responses`, { ...body, source: 'web' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
    },
  });
}
