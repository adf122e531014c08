import { z } from 'zod';
import {
  AssignRequest,
  CloseRequest,
  ContactDetails,
  Handler,
  InboxPage,
  InboxQuery,
  ReferRequest,
  ReferralDone,
  ReferralTarget,
  ReplyRequest,
  RespondRequest,
  RevealRequestInput,
  StepRequest,
  SubmissionDetail,
} from '../../../shared/gateway/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  acknowledgeSubmission,
  assignSubmission,
  closeSubmission,
  investigateSubmission,
  referSubmission,
  replyToSubmission,
  respondToSubmission,
} from '../handling.ts';
import { handlers, listInbox, referralTargets, submissionDetail } from '../inbox.ts';
import { decideReveal, requestReveal, revealedContact } from '../reveals.ts';

const tags = ['gateway'];
const IdParams = z.strictObject({ id: z.uuid() });
const handle = { permission: 'gateway:handle' as const };
const protect = { permission: 'gateway:protect' as const };

/**
 * The staff inbox: the organisation's items, one item with its text and history, the handling steps, replies,
 * referrals, and revealing a confidential submitter's contact. Every answer about an item is `no-store`.
 */
export async function inboxRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/gateway/submissions',
    {
      config: handle,
      schema: {
        summary:
          "The organisation's inbox, earliest due first, with no text; sensitive items only to protection officers",
        tags,
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listInbox(request.ctx, request.query);
    },
  );
  app.get(
    '/gateway/handlers',
    {
      config: handle,
      schema: {
        summary: 'The people of the organisation an item may be assigned to',
        tags,
        response: { 200: z.array(Handler) },
      },
    },
    async (request) => handlers(request.ctx),
  );
  app.get(
    '/gateway/referral-organisations',
    {
      config: handle,
      schema: {
        summary: 'The organisations an item may be referred to, and whether they take sensitive items',
        tags,
        response: { 200: z.array(ReferralTarget) },
      },
    },
    async (request) => referralTargets(request.ctx),
  );
  app.get(
    '/gateway/submissions/:id',
    {
      config: handle,
      schema: {
        summary: 'An item with its text, messages, history and due dates (the read is logged)',
        tags,
        params: IdParams,
        response: { 200: SubmissionDetail },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return submissionDetail(request.ctx, request.params.id);
    },
  );
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (ctx: RequestContext, id: string, input: z.output<B>) => Promise<SubmissionDetail>,
  ) =>
    app.post(
      `/gateway/submissions/:id/${path}`,
      { config: handle, schema: { summary, tags, params: IdParams, body, response: { 200: SubmissionDetail } } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return run(request.ctx, request.params.id, request.body as z.output<B>);
      },
    );
  step('acknowledge', 'Acknowledge an item received', StepRequest, acknowledgeSubmission);
  step('assign', 'Assign an acknowledged item to a handler of the organisation', AssignRequest, assignSubmission);
  step('investigate', 'Start investigating an assigned item', StepRequest, investigateSubmission);
  step(
    'respond',
    'Answer the submitter (read with the receipt code, and by SMS if they agreed)',
    RespondRequest,
    respondToSubmission,
  );
  step('close', 'Close an answered item, with the satisfaction the submitter gave', CloseRequest, closeSubmission);
  step('messages', 'Reply to the submitter without changing the step', ReplyRequest, replyToSubmission);
  app.post(
    '/gateway/submissions/:id/refer',
    {
      config: handle,
      schema: {
        summary: 'Refer an item out of scope to another organisation; the submitter is told',
        tags,
        params: IdParams,
        body: ReferRequest,
        response: { 200: ReferralDone },
      },
    },
    async (request) => referSubmission(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/gateway/submissions/:id/reveal-requests',
    {
      config: protect,
      schema: {
        summary: "Ask to see a confidential submitter's contact, with a written justification",
        tags,
        params: IdParams,
        body: RevealRequestInput,
        response: { 201: SubmissionDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await requestReveal(request.ctx, request.params.id, request.body)),
  );
  for (const [action, decision] of [
    ['approve', 'approved'],
    ['refuse', 'refused'],
  ] as const) {
    app.post(
      `/gateway/reveal-requests/:id/${action}`,
      {
        config: protect,
        schema: {
          summary: `${action === 'approve' ? 'Approve' : 'Refuse'} another officer's request to see a confidential submitter's contact`,
          tags,
          params: IdParams,
          response: { 200: SubmissionDetail },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return decideReveal(request.ctx, request.params.id, decision);
      },
    );
  }
  app.get(
    '/gateway/submissions/:id/contact',
    {
      config: protect,
      schema: {
        summary: "A confidential submitter's contact, for the officer whose request was approved (each reading logged)",
        tags,
        params: IdParams,
        response: { 200: ContactDetails },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return revealedContact(request.ctx, request.params.id);
    },
  );
}
