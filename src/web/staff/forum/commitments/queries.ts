import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentRequest,
  CloseRequest,
  Commitment,
  CommitmentList,
  CommitmentRequest,
  Scorecard,
  UpdateRequest,
} from '../../../../shared/forum/schemas/commitments.ts';
import type { Body } from '../../../../shared/forum/schemas/meetings.ts';
import { api } from '../../../api/api.ts';

/**
 * The commitments tracker's and the scorecard's reads and writes. Types only from the shared schemas (zod stays on
 * the server). A write on a commitment answers the commitment as it now stands, which replaces the cached one; the
 * tracker and the scorecard are fetched again.
 */
export const commitmentKeys = {
  all: ['forum-commitments'] as const,
  list: (filters: CommitmentFilters) => ['forum-commitments', 'list', filters] as const,
  item: (id: string) => ['forum-commitments', 'item', id] as const,
  scorecard: ['forum-scorecard'] as const,
  organisations: ['forum-organisations'] as const,
};

export interface CommitmentFilters {
  /** `open`, `kept`, `broken` or `overdue`; empty for every commitment. */
  status: string;
  ownerOrganisationId: string;
  stateCode: string;
}

export const useCommitments = (filters: CommitmentFilters) =>
  useQuery({
    queryKey: commitmentKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<CommitmentList>('/forum/commitments', {
        signal,
        query: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
      }),
  });

export const useCommitment = (id: string) =>
  useQuery({
    queryKey: commitmentKeys.item(id),
    queryFn: ({ signal }) => api.get<Commitment>(`/forum/commitments/${encodeURIComponent(id)}`, { signal }),
  });

export const useScorecard = () =>
  useQuery({
    queryKey: commitmentKeys.scorecard,
    queryFn: ({ signal }) => api.get<Scorecard>('/forum/scorecard', { signal }),
  });

export interface MechanismOrganisation {
  id: string;
  name: string;
}

/**
 * The organisations at the mechanism's tables: the chairs and members of its bodies, in name order. Every person
 * who reads the forum may list them, so owners of commitments and organisations that owe a flag's answer are
 * chosen from them.
 */
export const useMechanismOrganisations = () =>
  useQuery({
    queryKey: commitmentKeys.organisations,
    queryFn: async ({ signal }) => {
      const bodies = await api.get<{ items: Body[] }>('/forum/bodies', { signal });
      return mechanismOrganisations(bodies.items);
    },
  });

/** Each organisation once, chairs and members of every body, in name order. */
export function mechanismOrganisations(bodies: readonly Pick<Body, 'chair' | 'members'>[]): MechanismOrganisation[] {
  const byId = new Map<string, MechanismOrganisation>();
  for (const body of bodies) {
    byId.set(body.chair.id, { id: body.chair.id, name: body.chair.name });
    for (const member of body.members)
      byId.set(member.organisationId, { id: member.organisationId, name: member.name });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Records a commitment: the answer is the new commitment, and the tracker is fetched again. */
export function useMakeCommitment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitmentRequest) => api.post<Commitment>('/forum/commitments', body),
    onSuccess: (commitment) => {
      queryClient.setQueryData(commitmentKeys.item(commitment.id), commitment);
      void queryClient.invalidateQueries({ queryKey: [...commitmentKeys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.scorecard });
    },
  });
}

export type CommitmentStep =
  | { step: 'updates'; body: UpdateRequest }
  | { step: 'assessments'; body: AssessmentRequest }
  | { step: 'close'; body: CloseRequest };

/** An update, an assessment or the closing of a commitment: the answer is the commitment as it now stands. */
export function useCommitmentStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: CommitmentStep) =>
      api.post<Commitment>(`/forum/commitments/${encodeURIComponent(id)}/${step}`, body),
    onSuccess: (commitment) => {
      queryClient.setQueryData(commitmentKeys.item(id), commitment);
      void queryClient.invalidateQueries({ queryKey: [...commitmentKeys.all, 'list'] });
      void queryClient.invalidateQueries({ queryKey: commitmentKeys.scorecard });
    },
  });
}
