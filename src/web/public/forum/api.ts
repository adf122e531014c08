import type { ZoneChallenge } from '../../../shared/forum/schemas/flags.ts';
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
