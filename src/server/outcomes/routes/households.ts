import { z } from 'zod';
import { HouseholdTimeline } from '../../../shared/outcomes/schemas/households.ts';
import type { HomewardApp } from '../../app.ts';
import { householdTimeline } from '../households.ts';

const tags = ['outcomes'];
const HouseholdParams = z.strictObject({ householdId: z.uuid() });

/** A returned household's outcome timeline, for the organisations that follow it. */
export async function householdRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/outcomes/households/:householdId',
    {
      config: { permission: 'outcome:read' },
      schema: {
        summary:
          "A returned household's rounds with their scores and why, its alerts and referrals (the read is logged)",
        tags,
        params: HouseholdParams,
        response: { 200: HouseholdTimeline },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return householdTimeline(request.ctx, request.params.householdId);
    },
  );
}
