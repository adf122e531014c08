import { RECORD_ID } from '../../../shared/forum/constants.ts';
import type { Commitment, CommitmentList, Scorecard } from '../../../shared/forum/schemas/commitments.ts';
import type { Consultation, ConsultationList } from '../../../shared/forum/schemas/consultations.ts';
import type { FlagList, ZoneChallenge } from '../../../shared/forum/schemas/flags.ts';
import type { Meeting, MeetingList } from '../../../shared/forum/schemas/meetings.ts';
import type { TimelinePage } from '../../../shared/forum/schemas/timeline.ts';
import type { PublicQuery } from '../data.ts';
import { usePublicQuery } from '../zones/api.ts';

/** Whether a zone's class is under challenge (a public watchdog flag on it waits for its answer). */
export const zoneChallengeQuery = (pcode: string): PublicQuery<ZoneChallenge> => ({
  key: ['public-forum', 'zone-challenge', pcode],
  path: `/public/forum/zones/${encodeURIComponent(pcode)}/challenge`,
  notFound: { pcode, underChallenge: false, flags: [] },
  shape: (body) => body as ZoneChallenge,
});

export const useZoneChallenge = (pcode: string) => usePublicQuery(zoneChallengeQuery(pcode));

const FILTERS: Record<string, RegExp> = {
  state: /^[A-Z]{2}$/,
  zone: /^[A-Z]{2}[0-9]{0,12}$/,
  body: /^[a-z0-9][a-z0-9-]{1,59}$/,
  kind: /^[a-z_]{1,40}$/,
  cursor: /^[0-9]{1,16}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/** The timeline's filters from the page's address, those well formed only (the rest are ignored, not an error). */
export function timelineFilters(search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(FILTERS)) {
    const value = (params.get(name) ?? '').trim();
    const normal = name === 'state' || name === 'zone' ? value.toUpperCase() : value;
    if (normal && pattern.test(normal)) filters[name] = normal;
  }
  return filters;
}

/** The public timeline's page for the address's filters (the server fetches it before rendering `/timeline`). */
export const timelineQuery = (search: string): PublicQuery<TimelinePage> => {
  const filters = timelineFilters(search);
  const query = new URLSearchParams({ ...filters, limit: '50' }).toString();
  return {
    key: ['public-forum', 'timeline', query],
    path: `/public/timeline?${query}`,
    shape: (body) => body as TimelinePage,
  };
};

export const useTimeline = (search: string) => usePublicQuery(timelineQuery(search));

/** A public forum record's address holds its id: anything else is "not found", never a request. */
export { RECORD_ID };

const listQuery = <T>(name: string, path: string): PublicQuery<T> => ({
  key: ['public-forum', name],
  path,
  shape: (body) => body as T,
});

const recordQuery = <T>(name: string, path: string, id: string): PublicQuery<T | null> => ({
  key: ['public-forum', name, id],
  path: `${path}/${encodeURIComponent(id)}`,
  notFound: null,
  shape: (body) => body as T,
});

export const commitmentsQuery = listQuery<CommitmentList>('commitments', '/public/forum/commitments');
export const commitmentQuery = (id: string) => recordQuery<Commitment>('commitment', '/public/forum/commitments', id);
export const scorecardQuery = listQuery<Scorecard>('scorecard', '/public/forum/scorecard');
export const consultationsQuery = listQuery<ConsultationList>('consultations', '/public/forum/consultations');
export const consultationQuery = (id: string) =>
  recordQuery<Consultation>('consultation', '/public/forum/consultations', id);
export const flagsQuery = listQuery<FlagList>('flags', '/public/forum/flags');
export const meetingsQuery = listQuery<MeetingList>('meetings', '/public/forum/meetings');
export const meetingQuery = (id: string) => recordQuery<Meeting>('meeting', '/public/forum/meetings', id);

export const useCommitments = () => usePublicQuery(commitmentsQuery);
export const useCommitment = (id: string) => usePublicQuery(commitmentQuery(id));
export const useScorecard = () => usePublicQuery(scorecardQuery);
export const useConsultations = () => usePublicQuery(consultationsQuery);
export const useConsultation = (id: string) => usePublicQuery(consultationQuery(id));
export const useFlags = () => usePublicQuery(flagsQuery);
export const useMeetings = () => usePublicQuery(meetingsQuery);
export const useMeeting = (id: string) => usePublicQuery(meetingQuery(id));

/** The forum's public pages and the data each shows first (data.ts asks here). */
export function forumPageQueries(pathname: string): PublicQuery<unknown>[] | undefined {
  const [, section, id, extra] = pathname.replace(/\/+$/, '').split('/');
  if (extra !== undefined) return undefined;
  if (id === undefined) {
    if (section === 'commitments') return [commitmentsQuery];
    if (section === 'scorecard') return [scorecardQuery];
    if (section === 'consultations') return [consultationsQuery];
    if (section === 'flags') return [flagsQuery];
    if (section === 'meetings') return [meetingsQuery];
    return undefined;
  }
  if (!RECORD_ID.test(id)) return undefined;
  if (section === 'commitments') return [commitmentQuery(id)];
  if (section === 'consultations') return [consultationQuery(id)];
  if (section === 'meetings') return [meetingQuery(id)];
  return undefined;
}
