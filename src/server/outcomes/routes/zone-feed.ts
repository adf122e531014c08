import { ZoneFeedRequest, ZoneFeedResult } from '../../../shared/outcomes/schemas/zone-feed.ts';
import type { HomewardApp } from '../../app.ts';
import { enterZoneOutcomes } from '../zone-feed.ts';

/** The zones feed: a zone's month of returnees' answers entered as observations of the zones framework. */
export async function zoneFeedRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/outcomes/zone-feed',
    {
      config: { permission: 'outcome:feed_zones' },
      schema: {
        summary:
          'Enter a zone’s month of returned households’ answers as observations of food consumption, water access and adequate shelter (they then wait for a zones verifier)',
        tags: ['outcomes'],
        body: ZoneFeedRequest,
        response: { 200: ZoneFeedResult },
      },
    },
    async (request) => enterZoneOutcomes(request.ctx, request.body),
  );
}
