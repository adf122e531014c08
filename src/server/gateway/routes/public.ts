import {
  NewSubmission,
  ReceiptAddition,
  ReceiptLookup,
  ReceiptSatisfaction,
  ReceiptStatus,
  SubmissionReceipt,
} from '../../../shared/gateway/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { counterCleanupTimer } from '../rate.ts';
import { addInformation, rateHandling, receiptStatus } from '../receipt-status.ts';
import { receiveSubmission } from '../submissions.ts';

const tags = ['gateway', 'public'];
/**
 * The anonymous gateway: the session cookie is not read, nothing about the client is stored, and the request
 * log holds no address for a public route (platform/http/logging.ts).
 */
const config = { permission: 'public' as const, anonymous: true };

/** What anyone may do without signing in: submit, and read or add to their item with its receipt code. */
export async function publicSubmissionRoutes(app: HomewardApp): Promise<void> {
  await counterCleanupTimer(app);
  app.post(
    '/public/gateway/submissions',
    {
      config,
      schema: {
        summary: 'Raise a concern, a protection request, a complaint or an appeal; answers with a receipt code, once',
        tags,
        body: NewSubmission,
        response: { 201: SubmissionReceipt },
      },
    },
    async (request, reply) => {
      const {
        submissionId: _id,
        reference: _reference,
        ...receipt
      } = await receiveSubmission(
        request.ctx,
        { ...request.body, channel: 'web' },
        { scope: 'submit', client: request.ip },
      );
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );
  app.post(
    '/public/gateway/receipts/status',
    {
      config,
      schema: {
        summary: "An item's status and messages by its receipt code (limited guessing; a wrong code reveals nothing)",
        tags,
        body: ReceiptLookup,
        response: { 200: ReceiptStatus },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return receiptStatus(request.ctx, request.body.code, request.ip);
    },
  );
  app.post(
    '/public/gateway/receipts/information',
    {
      config,
      schema: {
        summary: 'Add information to an open item with its receipt code',
        tags,
        body: ReceiptAddition,
        response: { 200: ReceiptStatus },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return addInformation(request.ctx, request.body, request.ip);
    },
  );
  app.post(
    '/public/gateway/receipts/satisfaction',
    {
      config,
      schema: {
        summary: 'Say how satisfied you are with how an answered item was handled',
        tags,
        body: ReceiptSatisfaction,
        response: { 200: ReceiptStatus },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return rateHandling(request.ctx, request.body, request.ip);
    },
  );
}
