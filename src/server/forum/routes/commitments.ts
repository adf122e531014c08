import {
  AssessmentRequest,
  CloseRequest,
  Commitment,
  CommitmentList,
  CommitmentListQuery,
  CommitmentRequest,
  Scorecard,
  UpdateRequest,
} from '../../../shared/forum/schemas/commitments.ts';
import { IdParams } from '../../../shared/forum/schemas/common.ts';
import type { HomewardApp } from '../../app.ts';
import { authorize } from '../../platform/policy/policy.ts';
import {
  assessCommitment,
  closeCommitment,
  getCommitment,
  listCommitments,
  makeCommitment,
  publicCommitment,
  publicCommitments,
  updateCommitment,
} from '../commitments.ts';
import { scorecard } from '../scorecard.ts';

const tags = ['forum'];

/** The commitments tracker and the scorecard, for staff. */
export async function commitmentsRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/forum/commitments',
    {
      config: { permission: 'forum:read' },
      schema: {
        summary: 'Commitments, overdue first',
        tags,
        querystring: CommitmentListQuery,
        response: { 200: CommitmentList },
      },
    },
    async (request) => listCommitments(request.ctx, request.query),
  );
  app.post(
    '/forum/commitments',
    {
      config: { permission: 'commitment:manage' },
      schema: {
        summary: 'Record a commitment: its owner, due date and the indicator that shows it is kept',
        tags,
        body: CommitmentRequest,
        response: { 201: Commitment },
      },
    },
    async (request, reply) => reply.code(201).send(await makeCommitment(request.ctx, request.body)),
  );
  app.get(
    '/forum/commitments/:id',
    {
      config: { permission: 'forum:read' },
      schema: { summary: 'A commitment and its history', tags, params: IdParams, response: { 200: Commitment } },
    },
    async (request) => getCommitment(request.ctx, request.params.id),
  );
  app.post(
    '/forum/commitments/:id/updates',
    {
      config: { permission: 'commitment:update' },
      schema: {
        summary: 'Report progress, with evidence, on a commitment your organisation owns',
        tags,
        params: IdParams,
        body: UpdateRequest,
        response: { 201: Commitment },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await updateCommitment(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/forum/commitments/:id/assessments',
    {
      config: { permission: 'commitment:assess' },
      schema: {
        summary: 'Assess a commitment independently, with your reasons',
        tags,
        params: IdParams,
        body: AssessmentRequest,
        response: { 201: Commitment },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await assessCommitment(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/forum/commitments/:id/close',
    {
      config: { permission: 'commitment:manage' },
      schema: {
        summary: 'Close a commitment as kept or broken, with the reason',
        tags,
        params: IdParams,
        body: CloseRequest,
        response: { 200: Commitment },
      },
    },
    async (request) => closeCommitment(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/forum/scorecard',
    {
      config: { permission: 'forum:read' },
      schema: { summary: 'The scorecard per state and organisation: figures only', tags, response: { 200: Scorecard } },
    },
    async (request) => {
      authorize(request.ctx, 'forum:read');
      return scorecard(request.ctx.db);
    },
  );
}

/** The public's commitments (every one, with its history) and the scorecard. */
export async function publicCommitmentRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/public/forum/commitments',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Every commitment, its owner and where it stands, overdue first',
        tags: ['public'],
        querystring: CommitmentListQuery,
        response: { 200: CommitmentList },
      },
    },
    async (request) => publicCommitments(request.ctx.db, request.query),
  );
  app.get(
    '/public/forum/commitments/:id',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'A commitment with its owner’s updates, the independent assessments and its closing',
        tags: ['public'],
        params: IdParams,
        response: { 200: Commitment },
      },
    },
    async (request) => publicCommitment(request.ctx.db, request.params.id),
  );
  app.get(
    '/public/forum/scorecard',
    {
      config: { permission: 'public' },
      schema: {
        summary:
          'Trust over time per state and organisation: commitments kept on time, flags answered in time, meetings attended, positions taken into account',
        tags: ['public'],
        response: { 200: Scorecard },
      },
    },
    async (request) => scorecard(request.ctx.db),
  );
}
