import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerRequest,
  CommentRequest,
  Consultation,
  ConsultationRequest,
} from '../../../../shared/forum/schemas/consultations.ts';
import { api } from '../../../api/api.ts';

export { useFrameworks } from '../../zones/queries.ts';

/**
 * The consultation console's reads and writes. Types only from the shared schemas (zod stays on the server). A
 * comment or an answer answers the consultation as it now stands, which replaces the cached one; the list (its
 * counts) is fetched again.
 */
export const consultationKeys = {
  all: ['forum-consultations'] as const,
  list: ['forum-consultations', 'list'] as const,
  item: (id: string) => ['forum-consultations', 'item', id] as const,
};

export type ConsultationSummary = Omit<Consultation, 'commentList'>;

export const useConsultations = () =>
  useQuery({
    queryKey: consultationKeys.list,
    queryFn: ({ signal }) => api.get<{ items: ConsultationSummary[] }>('/forum/consultations', { signal }),
  });

export const useConsultation = (id: string) =>
  useQuery({
    queryKey: consultationKeys.item(id),
    queryFn: ({ signal }) => api.get<Consultation>(`/forum/consultations/${encodeURIComponent(id)}`, { signal }),
  });

function useConsultationDone() {
  const queryClient = useQueryClient();
  return (consultation: Consultation) => {
    queryClient.setQueryData(consultationKeys.item(consultation.id), consultation);
    void queryClient.invalidateQueries({ queryKey: consultationKeys.list });
  };
}

/** Opens a consultation on a framework draft. */
export function useOpenConsultation() {
  const done = useConsultationDone();
  return useMutation({
    mutationFn: (body: ConsultationRequest) => api.post<Consultation>('/forum/consultations', body),
    onSuccess: done,
  });
}

/** A comment for the person's organisation, on the draft as a whole or on one criterion or indicator. */
export function useComment(id: string) {
  const done = useConsultationDone();
  return useMutation({
    mutationFn: (body: CommentRequest) =>
      api.post<Consultation>(`/forum/consultations/${encodeURIComponent(id)}/comments`, body),
    onSuccess: done,
  });
}

/** The written answer to one comment: accepted, partly accepted or not accepted, with the reason. */
export function useAnswerComment(id: string) {
  const done = useConsultationDone();
  return useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: AnswerRequest }) =>
      api.post<Consultation>(
        `/forum/consultations/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}/answer`,
        body,
      ),
    onSuccess: done,
  });
}
