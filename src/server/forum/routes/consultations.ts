import { z } from 'zod';
import { IdParams } from '../../../shared/forum/schemas/common.ts';
import {
  AnswerRequest,
  CommentRequest,
  Consultation,
  ConsultationList,
  ConsultationRequest,
} from '../../../shared/forum/schemas/consultations.ts';
import type { HomewardApp } from '../../app.ts';
import {
  answerComment,
  commentAsOrganisation,
  commentAsPublic,
  getConsultation,
  listConsultations,
  openConsultation,
  publicConsultation,
  publicConsultations,
} from '../consultations.ts';

const tags = ['forum'];
const CommentParams = z.strictObject({ id: z.uuid(), commentId: z.uuid() });

/** The consultation console: open one on a framework draft, comment for an organisation, answer every comment. */
export async function consultationsRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/forum/consultations',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'Consultations on zone criteria drafts, newest first',
        tags,
        response: { 200: ConsultationList },
      },
    },
    async (request) => listConsultations(request.ctx),
  );
  app.post(
    '/forum/consultations',
    {
      config: { permission: 'consultation:manage' },
      schema: {
        summary: 'Open a consultation on the zone criteria framework draft, for at least the minimum period',
        tags,
        body: ConsultationRequest,
        response: { 201: Consultation },
      },
    },
    async (request, reply) => reply.code(201).send(await openConsultation(request.ctx, request.body)),
  );
  app.get(
    '/forum/consultations/:id',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'A consultation with every comment and answer',
        tags,
        params: IdParams,
        response: { 200: Consultation },
      },
    },
    async (request) => getConsultation(request.ctx, request.params.id),
  );
  app.post(
    '/forum/consultations/:id/comments',
    {
      config: { permission: 'consultation:comment' },
      schema: {
        summary: 'Comment for your organisation on an open consultation, per criterion or indicator',
        tags,
        params: IdParams,
        body: CommentRequest,
        response: { 201: Consultation },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commentAsOrganisation(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/forum/consultations/:id/comments/:commentId/answer',
    {
      config: { permission: 'consultation:manage' },
      schema: {
        summary: 'Answer a comment once the consultation has closed: accepted, partly accepted or not, with the reason',
        tags,
        params: CommentParams,
        body: AnswerRequest,
        response: { 200: Consultation },
      },
    },
    async (request) => answerComment(request.ctx, request.params.id, request.params.commentId, request.body),
  );
}

/** The public's consultations: open ones take comments; concluded ones show what was said and what was done. */
export async function publicConsultationRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/forum/consultations',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Consultations on the zone criteria, open and past',
        tags: ['public'],
        response: { 200: ConsultationList },
      },
    },
    async (request) => publicConsultations(request.ctx.db),
  );
  app.get(
    '/public/forum/consultations/:id',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'A consultation; once concluded, every comment with its answer ("what you said, what we did")',
        tags: ['public'],
        params: IdParams,
        response: { 200: Consultation },
      },
    },
    async (request) => publicConsultation(request.ctx.db, request.params.id),
  );
  app.post(
    '/public/forum/consultations/:id/comments',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Comment on an open consultation, without signing in; nothing about you is stored',
        tags: ['public'],
        params: IdParams,
        body: CommentRequest,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commentAsPublic(request.ctx, request.params.id, request.body, request.ip)),
  );
}
