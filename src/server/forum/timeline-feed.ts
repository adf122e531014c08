import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TimelineQuery } from '../../shared/forum/schemas/timeline.ts';
import { AppError } from '../platform/http/errors.ts';
import type { FormRegistration } from '../platform/web/forms.ts';
import { timelineAtom } from './atom.ts';
import { publicTimeline } from './timeline.ts';

const FeedQuery = TimelineQuery.omit({ cursor: true }).extend({ lang: z.enum(['en', 'ar', 'fr']).default('en') });

/**
 * `/timeline.atom`: the public timeline as an Atom feed beside the portal's pages (the page links it with
 * rel="alternate"), with the page's filters. Registered with the portal's routes, outside the API.
 */
export const timelineFeed: FormRegistration = (app: FastifyInstance) => {
  app.get(
    '/timeline.atom',
    { config: { permission: 'public' as const, anonymous: true }, schema: { hide: true } },
    async (request, reply) => {
      const parsed = FeedQuery.safeParse(request.query);
      if (!parsed.success) {
        throw new AppError('validation_failed', {
          errors: parsed.error.issues.map((issue) => ({
            field: `querystring.${issue.path.join('.')}`,
            code: issue.code,
            message: issue.message,
          })),
        });
      }
      const { lang, ...query } = parsed.data;
      const page = await publicTimeline(request.ctx.db, query);
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(timelineAtom(page, origin, lang, request.url));
    },
  );
};
