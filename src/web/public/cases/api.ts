import type { PublicCaseTimelines } from '../../../shared/cases/schemas.ts';
import type { PublicQuery } from '../data.ts';
import { usePublicQuery } from '../zones/api.ts';

/** The public decision timelines: figures after disclosure control, computed on every read. */
export const timelinesQuery: PublicQuery<PublicCaseTimelines> = {
  key: ['public-cases', 'timelines'],
  path: '/public/cases/timelines',
  shape: (body) => body as PublicCaseTimelines,
};

export const usePublicTimelines = () => usePublicQuery(timelinesQuery);
