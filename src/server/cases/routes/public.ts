import { PublicCaseStatus, PublicCaseStatusRequest, PublicCaseTimelines } from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { PUBLIC_REVALIDATE } from '../../platform/http/public-cache.ts';
import { publicCaseStatus } from '../status.ts';
import { publicTimelines } from '../timelines.ts';
import '../problems.ts';

const tags = ['public'];

/** What anyone may read about cases without signing in: a case's status by reference and code, and timelines. */
export async function publicCaseStatusRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/public/cases/status',
    {
      config: { permission: 'public' },
      schema: {
        summary: "A case's stage and next due date, by its reference and the code on its slip (limited guessing)",
        tags,
        body: PublicCaseStatusRequest,
        response: { 200: PublicCaseStatus },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicCaseStatus(request.ctx, request.body, { address: request.ip });
    },
  );
  app.get(
    '/public/cases/timelines',
    {
      // Computed on every read, so a decision made a moment ago counts; the ETag still saves the body.
      config: { permission: 'public', publicCache: PUBLIC_REVALIDATE },
      schema: {
        summary: 'Median days to each kind of decision and the share within its service level, by state and month',
        tags,
        response: { 200: PublicCaseTimelines },
      },
    },
    async (request) => publicTimelines(request.ctx),
  );
}
