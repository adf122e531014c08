import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactDetails,
  Handler,
  InboxPage,
  NewRoutingRule,
  ReferralDone,
  ReferralTarget,
  RoutingRuleView,
  SubmissionDetail,
} from '../../../../shared/gateway/schemas.ts';
import { api } from '../../../api/api.ts';

/**
 * The inbox screens' reads and writes. Types only from the shared schemas (zod stays on the server). A step on an
 * item answers the item as it now stands, which replaces the cached one; the inbox is fetched again.
 */
export const inboxKeys = {
  all: ['gateway-inbox'] as const,
  list: (filters: InboxFilters, cursor: string | undefined) => ['gateway-inbox', 'list', filters, cursor] as const,
  item: (id: string) => ['gateway-inbox', 'item', id] as const,
  handlers: ['gateway-inbox', 'handlers'] as const,
  organisations: ['gateway-inbox', 'organisations'] as const,
  rules: ['gateway-routing-rules'] as const,
};

export interface InboxFilters {
  kind: string;
  status: string;
  pcode: string;
  overdue: string;
  mine: string;
}

export const useInbox = (filters: InboxFilters, cursor: string | undefined) =>
  useQuery({
    queryKey: inboxKeys.list(filters, cursor),
    queryFn: ({ signal }) =>
      api.get<InboxPage>('/gateway/submissions', {
        signal,
        query: {
          ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
          ...(cursor ? { cursor } : {}),
        },
      }),
    placeholderData: keepPreviousData,
  });

export const useSubmission = (id: string) =>
  useQuery({
    queryKey: inboxKeys.item(id),
    queryFn: ({ signal }) => api.get<SubmissionDetail>(`/gateway/submissions/${id}`, { signal }),
  });

export const useHandlers = () =>
  useQuery({
    queryKey: inboxKeys.handlers,
    queryFn: ({ signal }) => api.get<Handler[]>('/gateway/handlers', { signal }),
  });

export const useReferralTargets = (enabled: boolean) =>
  useQuery({
    queryKey: inboxKeys.organisations,
    queryFn: ({ signal }) => api.get<ReferralTarget[]>('/gateway/referral-organisations', { signal }),
    enabled,
  });

export type StepPath = 'acknowledge' | 'assign' | 'investigate' | 'respond' | 'close' | 'messages';

/** A step or a reply on an item: the answer is the item as it now stands. */
export function useStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: StepPath; body: Record<string, unknown> }) =>
      api.post<SubmissionDetail>(`/gateway/submissions/${id}/${step}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(inboxKeys.item(id), detail);
      void queryClient.invalidateQueries({ queryKey: [...inboxKeys.all, 'list'] });
    },
  });
}

/** A referral: the item leaves the organisation, so it is dropped from the cache. */
export function useRefer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { organisationId: string; note?: string }) =>
      api.post<ReferralDone>(`/gateway/submissions/${id}/refer`, body),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: inboxKeys.item(id) });
      void queryClient.invalidateQueries({ queryKey: [...inboxKeys.all, 'list'] });
    },
  });
}

/** Asking to see a confidential submitter's contact, and a second officer's decision. */
export function useReveal(id: string) {
  const queryClient = useQueryClient();
  const done = (detail: SubmissionDetail) => queryClient.setQueryData(inboxKeys.item(id), detail);
  return {
    request: useMutation({
      mutationFn: (justification: string) =>
        api.post<SubmissionDetail>(`/gateway/submissions/${id}/reveal-requests`, { justification }),
      onSuccess: done,
    }),
    decide: useMutation({
      mutationFn: ({ requestId, decision }: { requestId: string; decision: 'approve' | 'refuse' }) =>
        api.post<SubmissionDetail>(`/gateway/reveal-requests/${requestId}/${decision}`),
      onSuccess: done,
    }),
    contact: useMutation({
      mutationFn: () => api.get<ContactDetails>(`/gateway/submissions/${id}/contact`),
      // Reading the contact is written in the item's history.
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: inboxKeys.item(id) }),
    }),
  };
}

export const useRoutingRules = () =>
  useQuery({
    queryKey: inboxKeys.rules,
    queryFn: ({ signal }) => api.get<RoutingRuleView[]>('/gateway/routing-rules', { signal }),
  });

export function useRoutingRuleWrites() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.rules });
  return {
    create: useMutation({
      mutationFn: (body: NewRoutingRule) => api.post<RoutingRuleView>('/gateway/routing-rules', body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete<null>(`/gateway/routing-rules/${id}`),
      onSuccess: refresh,
    }),
  };
}
