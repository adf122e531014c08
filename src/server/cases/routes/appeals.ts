import { z } from 'zod';
import {
  Appeal,
  AppealReviewer,
  HouseholdAppeals,
  LodgeAppealRequest,
  ReviewAppealRequest,
} from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { appealQueue, appealReviewers, householdAppeals, lodgeAppeal, reviewAppeal } from '../appeals.ts';
import '../problems.ts';

const tags = ['cases'];
const IdParams = z.strictObject({ id: z.uuid() });

/** Appeals: a household's, the organisations that review them, lodging, the reviewers' queue and the review. */
export async function appealRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/cases/households/:id/appeals',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "A household's decisions and their appeals",
        tags,
        params: IdParams,
        response: { 200: HouseholdAppeals },
      },
    },
    async (request) => householdAppeals(request.ctx, request.params.id),
  );
  app.get(
    '/cases/appeal-reviewers',
    {
      config: { permission: 'appeal:lodge' },
      schema: {
        summary: 'Organisations whose people may review appeals',
        tags,
        response: { 200: z.array(AppealReviewer) },
      },
    },
    async (request) => appealReviewers(request.ctx),
  );
  app.post(
    '/cases/decisions/:id/appeals',
    {
      config: { permission: 'appeal:lodge' },
      schema: {
        summary: 'Lodge an appeal of a decided decision, naming another organisation to review it',
        tags,
        params: IdParams,
        body: LodgeAppealRequest,
        response: { 201: Appeal },
      },
    },
    async (request, reply) => reply.code(201).send(await lodgeAppeal(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/cases/appeals',
    {
      config: { permission: 'appeal:review' },
      schema: {
        summary: "Pending appeals to the caller's organisation, earliest due first",
        tags,
        response: { 200: z.array(Appeal) },
      },
    },
    async (request) => appealQueue(request.ctx),
  );
  app.post(
    '/cases/appeals/:id/review',
    {
      config: { permission: 'appeal:review' },
      schema: {
        summary: 'Decide an appeal with a written outcome',
        tags,
        params: IdParams,
        body: ReviewAppealRequest,
        response: { 200: Appeal },
      },
    },
    async (request) => reviewAppeal(request.ctx, request.params.id, request.body),
  );
}
