import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseStage, ConsentChannel } from '../../../../shared/cases/constants.ts';
import type {
  CaseSearchRequest,
  CaseSearchResults,
  Consent,
  HouseholdDetail,
  HouseholdPage,
  RecordConsentRequest,
  RegisteredHousehold,
  RegisterHouseholdRequest,
  Share,
  ShareRecipient,
  ShareRequest,
} from '../../../../shared/cases/schemas/people.ts';
import type { SharingPurpose } from '../../../../shared/vocabulary.ts';
import { api } from '../../../api/api.ts';

/** Query keys of the people screens: writes invalidate these so every screen shows the change. */
export const peopleKeys = {
  households: ['cases', 'households'] as const,
  list: (stage: CaseStage | '', offset: number) => ['cases', 'households', 'list', stage, offset] as const,
  household: (id: string) => ['cases', 'households', 'detail', id] as const,
  shareRecipients: (purpose: SharingPurpose) => ['cases', 'share-recipients', purpose] as const,
};

export function useHouseholds(stage: CaseStage | '', limit: number, offset: number) {
  return useQuery({
    queryKey: peopleKeys.list(stage, offset),
    queryFn: ({ signal }) => api.get<HouseholdPage>('/cases/households', { signal, query: { stage, limit, offset } }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: peopleKeys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/cases/households/${encodeURIComponent(id)}`, { signal }),
  });
}

/** The organisations the caller's organisation has an agreement in force with for the purpose (whom it may share with). */
export function useShareRecipients(purpose: SharingPurpose, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.shareRecipients(purpose),
    queryFn: ({ signal }) => api.get<ShareRecipient[]>('/cases/share-recipients', { signal, query: { purpose } }),
    enabled,
  });
}

/** Search goes in the body of a POST: names, documents and phones never appear in an address or a log. */
export function useCaseSearch() {
  return useMutation({
    mutationFn: (body: CaseSearchRequest) => api.post<CaseSearchResults>('/cases/search', body),
  });
}

export function useRegisterHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterHouseholdRequest) => api.post<RegisteredHousehold>('/cases/households', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.households }),
  });
}

/** A write on one household, refreshing its page and the lists afterwards. */
function useHouseholdWrite<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.households }),
  });
}

const base = (id: string) => `/cases/households/${encodeURIComponent(id)}`;

export const useRecordConsent = (id: string) =>
  useHouseholdWrite((body: RecordConsentRequest) => api.post<Consent>(`${base(id)}/consents`, body));

export const useWithdrawConsent = (id: string) =>
  useHouseholdWrite(({ consentId, channel }: { consentId: string; channel: ConsentChannel }) =>
    api.post<Consent>(`${base(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, { channel }),
  );

export const useShare = (id: string) =>
  useHouseholdWrite((body: ShareRequest) => api.post<Share>(`${base(id)}/shares`, body));

export const useEndShare = (id: string) =>
  useHouseholdWrite((shareId: string) => api.post<Share>(`${base(id)}/shares/${encodeURIComponent(shareId)}/end`));

export const useReviewDuplicate = (id: string) =>
  useHouseholdWrite((verdict: 'distinct' | 'same') =>
    api.post<HouseholdDetail>(`${base(id)}/duplicate-review`, { verdict }),
  );
