import { timelinesQuery } from './cases/api.ts';
import { forumPageQueries, timelineQuery, zoneChallengeQuery } from './forum/api.ts';
import { feedbackFiguresQuery, feedbackZonesQuery } from './gateway/api.ts';
import { outcomeFiguresQuery } from './outcomes/api.ts';
import { ZONE_PAGE } from './paths.ts';
import { zoneHistoryQuery, zoneListQuery, zoneQuery } from './zones/api.ts';

/**
 * A public API request a public page shows: its cache key, its address under /api/v1, and how its body becomes
 * the cached data. The server fetches it before rendering the page (in process) and sends the data with the
 * page; the browser's `useQuery` with the same key then finds it and does not ask again.
 */
export interface PublicQuery<T> {
  key: readonly unknown[];
  path: string;
  shape: (body: unknown) => T;
  /** The data when the API answers 404 (the page then says "not found" itself); a 404 is an error otherwise. */
  notFound?: T;
}

/**
 * The data each public page needs for its first HTML, by address. A module that adds a public page with data
 * lists its queries here.
 */
export function publicPageQueries(pathname: string, search = ''): PublicQuery<unknown>[] {
  if (pathname === '/timeline') return [timelineQuery(search)];
  const forum = forumPageQueries(pathname);
  if (forum) return forum;
  if (pathname === '/cases/timelines') return [timelinesQuery];
  if (pathname === '/feedback') return [feedbackZonesQuery];
  if (pathname === '/feedback/figures') return [feedbackFiguresQuery];
  if (pathname === '/outcomes') return [outcomeFiguresQuery];
  if (!ZONE_PAGE.test(pathname)) return [];
  const pcode = pathname.split('/')[2];
  if (!pcode) return [zoneListQuery];
  return [zoneQuery(pcode), zoneHistoryQuery(pcode), zoneChallengeQuery(pcode.toUpperCase())];
}
