import { PublicOutcomeFigures } from '../../../shared/outcomes/schemas/figures.ts';
import type { HomewardApp } from '../../app.ts';
import { PUBLIC_REVALIDATE } from '../../platform/http/public-cache.ts';
import { publicOutcomeFigures } from '../figures.ts';

/** The public outcome figures: counts and means by state, cohort and round, after disclosure control. */
export async function publicFiguresRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/outcomes/figures',
    {
      config: { permission: 'public', publicCache: PUBLIC_REVALIDATE },
      schema: {
        summary:
          'How returned households fare by state, month of return and round, beside the residents of the same state (disclosure-controlled counts and means)',
        tags: ['outcomes', 'public'],
        response: { 200: PublicOutcomeFigures },
      },
    },
    async (request) => publicOutcomeFigures(request.ctx),
  );
}
