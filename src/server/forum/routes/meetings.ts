import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { POSITION_ATTACHMENT_MAX_BYTES } from '../../../shared/forum/constants.ts';
import { IdParams } from '../../../shared/forum/schemas/common.ts';
import {
  Body,
  BodyList,
  BodyRequest,
  DecisionRequest,
  HeldRequest,
  Meeting,
  MeetingList,
  MeetingListQuery,
  MeetingRequest,
  PositionAttachment,
  PositionRequest,
  TreatmentRequest,
} from '../../../shared/forum/schemas/meetings.ts';
import type { HomewardApp } from '../../app.ts';
import { attachmentHeader } from '../../platform/http/attachment.ts';
import { AppError } from '../../platform/http/errors.ts';
import { attachToPosition, readAttachment } from '../attachments.ts';
import {
  approveMinutes,
  createBody,
  getMeeting,
  listBodies,
  listMeetings,
  publicMeeting,
  publicMeetings,
  recordDecision,
  recordHeld,
  scheduleMeeting,
  submitPosition,
  treatAgendaItem,
} from '../meetings.ts';

const tags = ['forum'];
const ItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

/** The forum's meetings: bodies, meetings, positions, the chair's treatment, decisions and minutes. */
export async function meetingsRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/forum/bodies',
    {
      config: { permission: 'forum:read' },
      schema: { summary: 'The bodies of the mechanism and their members', tags, response: { 200: BodyList } },
    },
    async (request) => listBodies(request.ctx),
  );
  app.post(
    '/forum/bodies',
    {
      config: { permission: 'meeting:manage' },
      schema: {
        summary: 'Create a body chaired by your organisation, with its members and their seats',
        tags,
        body: BodyRequest,
        response: { 201: Body },
      },
    },
    async (request, reply) => reply.code(201).send(await createBody(request.ctx, request.body)),
  );
  app.get(
    '/forum/meetings',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'Meetings, newest first',
        tags,
        querystring: MeetingListQuery,
        response: { 200: MeetingList },
      },
    },
    async (request) => listMeetings(request.ctx, request.query),
  );
  app.post(
    '/forum/meetings',
    {
      config: { permission: 'meeting:manage' },
      schema: {
        summary: 'Schedule a meeting of a body your organisation chairs, with its agenda',
        tags,
        body: MeetingRequest,
        response: { 201: Meeting },
      },
    },
    async (request, reply) => reply.code(201).send(await scheduleMeeting(request.ctx, request.body)),
  );
  app.get(
    '/forum/meetings/:id',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'A meeting: agenda, who was heard on each item and how, participants, minutes, decisions',
        tags,
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (request) => getMeeting(request.ctx, request.params.id),
  );
  app.post(
    '/forum/meetings/:id/positions',
    {
      config: { permission: 'position:submit' },
      schema: {
        summary: 'Submit your organisation’s position on an agenda item, before the positions’ due date',
        tags,
        params: IdParams,
        body: PositionRequest,
        response: { 201: Meeting },
      },
    },
    async (request, reply) => reply.code(201).send(await submitPosition(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/forum/meetings/:id/held',
    {
      config: { permission: 'meeting:manage' },
      schema: {
        summary: 'Record the meeting as held: who took part and attended, and the minutes (the chair)',
        tags,
        params: IdParams,
        body: HeldRequest,
        response: { 200: Meeting },
      },
    },
    async (request) => recordHeld(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/forum/meetings/:id/agenda/:itemId/treatment',
    {
      config: { permission: 'meeting:manage' },
      schema: {
        summary: 'Record how the positions on an agenda item were taken into account (the chair)',
        tags,
        params: ItemParams,
        body: TreatmentRequest,
        response: { 200: Meeting },
      },
    },
    async (request) => treatAgendaItem(request.ctx, request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/forum/meetings/:id/decisions',
    {
      config: { permission: 'meeting:manage' },
      schema: {
        summary: 'Record a decision of a held meeting (the chair)',
        tags,
        params: IdParams,
        body: DecisionRequest,
        response: { 201: Meeting },
      },
    },
    async (request, reply) => reply.code(201).send(await recordDecision(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/forum/meetings/:id/minutes/approve',
    {
      config: { permission: 'minutes:approve' },
      schema: {
        summary: 'Approve the minutes for your organisation (a member of the body)',
        tags,
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (request) => approveMinutes(request.ctx, request.params.id),
  );
  // A position's file comes as the raw request body, its name in the query; over the limit is a 413 unread.
  const rawFile = { parseAs: 'buffer' as const, bodyLimit: POSITION_ATTACHMENT_MAX_BYTES };
  const keep = (_request: unknown, body: Buffer | string, done: (error: null, body: Buffer | string) => void) =>
    done(null, body);
  app.addContentTypeParser(['application/octet-stream', 'application/pdf'], rawFile, keep);
  app.addContentTypeParser(/^image\/[\w.+-]+$/, rawFile, keep);
  app.post(
    '/forum/meetings/:id/positions/:positionId/attachments',
    {
      config: { permission: 'position:submit' },
      bodyLimit: POSITION_ATTACHMENT_MAX_BYTES,
      schema: {
        summary:
          'Attach a file to your organisation’s position: the body is the file (a PDF, or a JPEG, PNG or WebP image whose metadata is removed), its name in `name`',
        tags,
        params: PositionParams,
        querystring: AttachmentQuery,
        response: { 201: PositionAttachment },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('unsupported_media_type', { params: { reason: 'position_attachment' } });
      }
      const attached = await attachToPosition(request.ctx, request.params.id, request.params.positionId, {
        name: request.query.name,
        bytes: request.body,
      });
      return reply.code(201).send(attached);
    },
  );
  app.get(
    '/forum/meetings/:id/attachments/:attachmentId',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'Download a position’s file (a members-only position’s: the body’s members and its organisation)',
        tags,
        params: AttachmentParams,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await readAttachment(
          request.ctx.db,
          request.params.id,
          request.params.attachmentId,
          request.ctx.actor!.organisationId,
        ),
        'private, no-store',
      ),
  );
}

const PositionParams = z.strictObject({ id: z.uuid(), positionId: z.uuid() });
const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
const AttachmentQuery = z.strictObject({ name: z.string().trim().min(1).max(200) });

function sendAttachment(
  reply: FastifyReply,
  file: { name: string; mediaType: string; bytes: Buffer },
  cacheControl: string,
): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', attachmentHeader(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .send(file.bytes);
}

/** The public's meetings: public positions only, minutes once approved by the members. */
export async function publicMeetingRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/forum/meetings',
    {
      config: { permission: 'public' },
      schema: { summary: 'The mechanism’s meetings, newest first', tags: ['public'], response: { 200: MeetingList } },
    },
    async (request) => publicMeetings(request.ctx.db),
  );
  app.get(
    '/public/forum/meetings/:id',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'A meeting as the public sees it: who was heard on each item and how, decisions, approved minutes',
        tags: ['public'],
        params: IdParams,
        response: { 200: Meeting },
      },
    },
    async (request) => publicMeeting(request.ctx.db, request.params.id),
  );
  app.get(
    '/public/forum/meetings/:id/attachments/:attachmentId',
    {
      config: { permission: 'public' },
      schema: { summary: 'Download a public position’s file', tags: ['public'], params: AttachmentParams },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await readAttachment(request.ctx.db, request.params.id, request.params.attachmentId, null),
        'public, max-age=300',
      ),
  );
}
