import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Flag,
  FlagAnswerRequest,
  FlagList,
  FlagRequest,
  ScreenRequest,
} from '../../../../shared/forum/schemas/flags.ts';
import { api } from '../../../api/api.ts';

import { commitmentKeys } from '../commitments/queries.ts';

export { useMechanismOrganisations } from '../commitments/queries.ts';

/**
 * The flag inbox's reads and writes. Types only from the shared schemas (zod stays on the server). A write on a
 * flag answers the flag as it now stands, which replaces the cached one; the inbox and the scorecard (flags
 * answered in time) are fetched again.
 */
export const flagKeys = {
  all: ['forum-flags'] as const,
  list: (filters: FlagFilters) => ['forum-flags', 'list', filters] as const,
  item: (id: string) => ['forum-flags', 'item', id] as const,
};

export interface FlagFilters {
  /** `mine` (my organisation answers), `raised` (my organisation raised), `screening`; empty for every flag. */
  queue: string;
  /** `open`, `answered` or `overdue`; empty for any. */
  state: string;
  subjectKind: string;
}

export const useFlags = (filters: FlagFilters) =>
  useQuery({
    queryKey: flagKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<FlagList>('/forum/flags', {
        signal,
        query: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
      }),
  });

export const useFlag = (id: string) =>
  useQuery({
    queryKey: flagKeys.item(id),
    queryFn: ({ signal }) => api.get<Flag>(`/forum/flags/${encodeURIComponent(id)}`, { signal }),
  });

function useFlagDone() {
  const queryClient = useQueryClient();
  return (flag: Flag) => {
    queryClient.setQueryData(flagKeys.item(flag.id), flag);
    void queryClient.invalidateQueries({ queryKey: [...flagKeys.all, 'list'] });
    void queryClient.invalidateQueries({ queryKey: commitmentKeys.scorecard });
  };
}

/** Raises a flag: the answer is the new flag, waiting for its screening. */
export function useRaiseFlag() {
  const done = useFlagDone();
  return useMutation({
    mutationFn: (body: FlagRequest) => api.post<Flag>('/forum/flags', body),
    onSuccess: done,
  });
}

/** A protection officer clears the flag or its answer for publication, or withholds it. */
export function useScreenFlag(id: string) {
  const done = useFlagDone();
  return useMutation({
    mutationFn: (body: ScreenRequest) => api.post<Flag>(`/forum/flags/${encodeURIComponent(id)}/screening`, body),
    onSuccess: done,
  });
}

/** The responsible organisation's answer. */
export function useAnswerFlag(id: string) {
  const done = useFlagDone();
  return useMutation({
    mutationFn: (body: FlagAnswerRequest) => api.post<Flag>(`/forum/flags/${encodeURIComponent(id)}/answer`, body),
    onSuccess: done,
  });
}
