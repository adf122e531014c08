import type { ZoneChallenge } from '../../../shared/forum/schemas/flags.ts';
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
