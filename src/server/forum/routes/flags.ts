import { z } from 'zod';
import { IdParams } from '../../../shared/forum/schemas/common.ts';
import {
  Flag,
  FlagAnswerRequest,
  FlagList,
  FlagListQuery,
  FlagRequest,
  ScreenRequest,
  ZoneChallenge,
} from '../../../shared/forum/schemas/flags.ts';
import type { HomewardApp } from '../../app.ts';
import {
  answerFlag,
  getFlag,
  listFlags,
  publicFlag,
  publicFlags,
  raiseFlag,
  screenFlag,
  zoneChallenge,
} from '../flags.ts';

const tags = ['forum'];

/** The flag inbox: raise, screen for personal data, answer for the responsible organisation. */
export async function flagsRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/forum/flags',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'Watchdog flags, unanswered first by due date (queues: mine to answer, raised, to screen)',
        tags,
        querystring: FlagListQuery,
        response: { 200: FlagList },
      },
    },
    async (request) => listFlags(request.ctx, request.query),
  );
  app.post(
    '/forum/flags',
    {
      config: { permission: 'flag:raise' },
      schema: {
        summary: 'Flag a published item: your concern, its evidence, and who owes the answer',
        tags,
        body: FlagRequest,
        response: { 201: Flag },
      },
    },
    async (request, reply) => reply.code(201).send(await raiseFlag(request.ctx, request.body)),
  );
  app.get(
    '/forum/flags/:id',
    {
      config: { permission: 'forum:read' },
      schema: { summary: 'A flag and its answer', tags, params: IdParams, response: { 200: Flag } },
    },
    async (request) => getFlag(request.ctx, request.params.id),
  );
  app.post(
    '/forum/flags/:id/screening',
    {
      config: { permission: 'flag:screen' },
      schema: {
        summary: 'Clear a flag or its answer for publication, or withhold it for holding personal data',
        tags,
        params: IdParams,
        body: ScreenRequest,
        response: { 200: Flag },
      },
    },
    async (request) => screenFlag(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/forum/flags/:id/answer',
    {
      config: { permission: 'flag:answer' },
      schema: {
        summary: 'Answer a flag your organisation is responsible for',
        tags,
        params: IdParams,
        body: FlagAnswerRequest,
        response: { 200: Flag },
      },
    },
    async (request) => answerFlag(request.ctx, request.params.id, request.body),
  );
}

/** The public's flags and answers, once cleared, and whether a zone's class is under challenge. */
export async function publicFlagRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/forum/flags',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Watchdog flags and their answers (overdue ones marked), once checked for personal data',
        tags: ['public'],
        querystring: FlagListQuery.omit({ queue: true }),
        response: { 200: FlagList },
      },
    },
    async (request) => publicFlags(request.ctx.db, request.query),
  );
  app.get(
    '/public/forum/flags/:id',
    {
      config: { permission: 'public' },
      schema: { summary: 'A public flag and its answer', tags: ['public'], params: IdParams, response: { 200: Flag } },
    },
    async (request) => publicFlag(request.ctx.db, request.params.id),
  );
  app.get(
    '/public/forum/zones/:pcode/challenge',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Whether a zone’s class is under challenge: a public flag on it waits for its answer',
        tags: ['public'],
        params: z.strictObject({ pcode: z.string().regex(/^[A-Za-z]{2}[0-9]{0,12}$/) }),
        response: { 200: ZoneChallenge },
      },
    },
    async (request) => zoneChallenge(request.ctx.db, request.params.pcode.toUpperCase()),
  );
}
