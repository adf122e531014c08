import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Commitment, CommitmentList, CommitmentRequest } from '../../../../shared/forum/schemas/commitments.ts';
import type {
  Body,
  DecisionRequest,
  HeldRequest,
  Meeting,
  MeetingList,
  MeetingRequest,
  PositionRequest,
  TreatmentRequest,
} from '../../../../shared/forum/schemas/meetings.ts';
import { api } from '../../../api/api.ts';

/**
 * The meetings screens' reads and writes. Types only from the shared schemas (zod stays on the server). Every
 * write on a meeting answers the meeting as it now stands, which replaces the cached one; the list is fetched again.
 */
export const meetingKeys = {
  all: ['forum-meetings'] as const,
  list: (filters: MeetingFilters) => ['forum-meetings', 'list', filters] as const,
  meeting: (id: string) => ['forum-meetings', 'meeting', id] as const,
  bodies: ['forum-bodies'] as const,
  commitments: (meetingId: string) => ['forum-commitments', 'meeting', meetingId] as const,
};

export interface MeetingFilters {
  bodyId: string;
  status: string;
}

export const useMeetings = (filters: MeetingFilters) =>
  useQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<MeetingList>('/forum/meetings', {
        signal,
        query: Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
      }),
  });

export const useMeeting = (id: string) =>
  useQuery({
    queryKey: meetingKeys.meeting(id),
    queryFn: ({ signal }) => api.get<Meeting>(`/forum/meetings/${id}`, { signal }),
  });

export const useBodies = () =>
  useQuery({
    queryKey: meetingKeys.bodies,
    queryFn: ({ signal }) => api.get<{ items: Body[] }>('/forum/bodies', { signal }),
  });

/** Scheduling a meeting: the answer is the new meeting, cached for its page; the lists are fetched again. */
export function useScheduleMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingRequest) => api.post<Meeting>('/forum/meetings', body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: [...meetingKeys.all, 'list'] });
    },
  });
}

/** The writes on one meeting: each answers the meeting as it now stands. */
export function useMeetingWrites(id: string) {
  const queryClient = useQueryClient();
  const done = (meeting: Meeting) => {
    queryClient.setQueryData(meetingKeys.meeting(id), meeting);
    void queryClient.invalidateQueries({ queryKey: [...meetingKeys.all, 'list'] });
  };
  return {
    position: useMutation({
      mutationFn: (body: PositionRequest) => api.post<Meeting>(`/forum/meetings/${id}/positions`, body),
      onSuccess: done,
    }),
    held: useMutation({
      mutationFn: (body: HeldRequest) => api.post<Meeting>(`/forum/meetings/${id}/held`, body),
      onSuccess: done,
    }),
    treatment: useMutation({
      mutationFn: ({ itemId, body }: { itemId: string; body: TreatmentRequest }) =>
        api.post<Meeting>(`/forum/meetings/${id}/agenda/${itemId}/treatment`, body),
      onSuccess: done,
    }),
    decision: useMutation({
      mutationFn: (body: DecisionRequest) => api.post<Meeting>(`/forum/meetings/${id}/decisions`, body),
      onSuccess: done,
    }),
    approve: useMutation({
      mutationFn: () => api.post<Meeting>(`/forum/meetings/${id}/minutes/approve`),
      onSuccess: done,
    }),
  };
}

/** The commitments made at one meeting (the tracker's list, read for the ones that name the meeting). */
export const useMeetingCommitments = (meetingId: string) =>
  useQuery({
    queryKey: meetingKeys.commitments(meetingId),
    queryFn: ({ signal }) => api.get<CommitmentList>('/forum/commitments', { signal }),
    select: (list) => list.items.filter((commitment) => commitment.meetingId === meetingId),
  });

/** A commitment made at the meeting: the commitments are fetched again (here and in the tracker). */
export function useMakeCommitment(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitmentRequest) => api.post<Commitment>('/forum/commitments', { ...body, meetingId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['forum-commitments'] }),
  });
}
