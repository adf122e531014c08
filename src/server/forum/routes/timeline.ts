import { TimelinePage, TimelineQuery } from '../../../shared/forum/schemas/timeline.ts';
import type { HomewardApp } from '../../app.ts';
import { publicTimeline } from '../timeline.ts';

/** The timeline has no staff routes of its own: staff read the public one. */
export async function timelineRoutes(_app: HomewardApp): Promise<void> {}

/** The public timeline of decisions as JSON (the Atom feed is at /timeline.atom, beside the pages). */
export async function publicTimelineRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/timeline',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'The public timeline of decisions across the mechanism, newest first, each entry linked to its transparency-log entry',
        tags: ['public'],
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    async (request) => publicTimeline(request.ctx.db, request.query),
  );
}
