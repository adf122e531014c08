import { z } from 'zod';
import {
  AssignFollowUp,
  FollowUp,
  FollowUpAttempt,
  FollowUpLink,
  FollowUpOrganisation,
  FollowUpPage,
  FollowUpQuery,
  MarkLost,
} from '../../../shared/outcomes/schemas/follow-ups.ts';
import type { HomewardApp } from '../../app.ts';
import {
  assignFollowUp,
  followUpDetail,
  followUpOpeningTimer,
  followUpOrganisations,
  issueLink,
  listFollowUps,
  markLost,
  recordAttempt,
} from '../follow-ups.ts';

const tags = ['outcomes'];
const IdParams = z.strictObject({ id: z.uuid() });
const record = { permission: 'followup:record' as const };
const manage = { permission: 'followup:manage' as const };

/**
 * Follow-ups of returned households: the list (opening what has come due), one follow-up, assigning it, the
 * attempts to reach the household, marking it lost, and the household's secure link. Answers are `no-store`.
 */
export async function followUpRoutes(app: HomewardApp): Promise<void> {
  await followUpOpeningTimer(app);
  app.get(
    '/outcomes/follow-ups',
    {
      config: record,
      schema: {
        summary: 'Follow-ups the organisation owns or was assigned, earliest due first, overdue ones flagged',
        tags,
        querystring: FollowUpQuery,
        response: { 200: FollowUpPage },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listFollowUps(request.ctx, request.query);
    },
  );
  app.get(
    '/outcomes/follow-up-organisations',
    {
      config: manage,
      schema: {
        summary: 'Organisations a follow-up may be assigned to: the owner, and those under a monitoring agreement',
        tags,
        response: { 200: z.array(FollowUpOrganisation) },
      },
    },
    async (request) => followUpOrganisations(request.ctx),
  );
  app.get(
    '/outcomes/follow-ups/:id',
    {
      config: record,
      schema: { summary: 'A follow-up', tags, params: IdParams, response: { 200: FollowUp } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return followUpDetail(request.ctx, request.params.id);
    },
  );
  app.post(
    '/outcomes/follow-ups/:id/assignment',
    {
      config: manage,
      schema: {
        summary: 'Assign a follow-up to a field organisation and a mode (the household’s owner only)',
        tags,
        params: IdParams,
        body: AssignFollowUp,
        response: { 200: FollowUp },
      },
    },
    async (request) => assignFollowUp(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/outcomes/follow-ups/:id/attempts',
    {
      config: record,
      schema: {
        summary: 'Record an attempt to reach the household: reached, or missed (retry later, or lost after the last)',
        tags,
        params: IdParams,
        body: FollowUpAttempt,
        response: { 200: FollowUp },
      },
    },
    async (request) => recordAttempt(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/outcomes/follow-ups/:id/lost',
    {
      config: record,
      schema: {
        summary: 'Mark a follow-up lost, with a reason',
        tags,
        params: IdParams,
        body: MarkLost,
        response: { 200: FollowUp },
      },
    },
    async (request) => markLost(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/outcomes/follow-ups/:id/link',
    {
      config: record,
      schema: {
        summary: 'Issue the household’s follow-up code for the public page /follow-up, shown once',
        tags,
        params: IdParams,
        response: { 200: FollowUpLink },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return issueLink(request.ctx, request.params.id);
    },
  );
}
