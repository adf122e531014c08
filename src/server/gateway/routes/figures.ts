import { PublicGatewayFigures } from '../../../shared/gateway/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { PUBLIC_REVALIDATE } from '../../platform/http/public-cache.ts';
import { publicGatewayFigures } from '../figures.ts';

/** The gateway's public figures: counts after disclosure control, computed on every read, no text ever. */
export async function publicFiguresRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/gateway/figures',
    {
      // Computed on every read, so a submission made a moment ago counts; the ETag still saves the body.
      config: { permission: 'public', publicCache: PUBLIC_REVALIDATE },
      schema: {
        summary:
          'Submissions received, acknowledged in time and resolved, and incidents with their accountability, by kind, state and month (disclosure-controlled counts)',
        tags: ['gateway', 'public'],
        response: { 200: PublicGatewayFigures },
      },
    },
    async (request) => publicGatewayFigures(request.ctx),
  );
}
