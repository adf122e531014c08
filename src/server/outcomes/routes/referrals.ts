import { z } from 'zod';
import {
  MakeReferralRequest,
  ReferralListQuery,
  ReferralPage,
  ReferralTarget,
  ReferralView,
  UpdateReferralRequest,
} from '../../../shared/outcomes/schemas/referrals.ts';
import type { HomewardApp } from '../../app.ts';
import { listReferrals, makeReferral, readReferral, referralTargets, updateReferral } from '../referrals.ts';

const tags = ['outcomes'];
const IdParams = z.strictObject({ id: z.uuid() });

/** Referrals to services: made with consent under an agreement, answered and followed by the receiving organisation. */
export async function referralRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/outcomes/referral-organisations',
    {
      config: { permission: 'referral:make' },
      schema: {
        summary: 'The organisations a household may be referred to (an agreement in force for service referrals)',
        tags,
        response: { 200: z.array(ReferralTarget) },
      },
    },
    async (request) => referralTargets(request.ctx),
  );
  app.get(
    '/outcomes/referrals',
    {
      // Sent referrals need referral:make, received ones referral:receive: the service checks which.
      config: { permission: 'referral:receive' },
      schema: {
        summary: 'Referrals the organisation sent or received, earliest due first',
        tags,
        querystring: ReferralListQuery,
        response: { 200: ReferralPage },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listReferrals(request.ctx, request.query);
    },
  );
  app.post(
    '/outcomes/referrals',
    {
      config: { permission: 'referral:make' },
      schema: {
        summary: 'Refers a household to a service, with its consent and under an agreement in force',
        tags,
        body: MakeReferralRequest,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return makeReferral(request.ctx, request.body);
    },
  );
  app.get(
    '/outcomes/referrals/:id',
    {
      config: { permission: 'referral:receive' },
      schema: {
        summary: 'A referral the organisation sent or received, with its steps (the read is logged)',
        tags,
        params: IdParams,
        response: { 200: ReferralView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readReferral(request.ctx, request.params.id);
    },
  );
  app.post(
    '/outcomes/referrals/:id/updates',
    {
      config: { permission: 'referral:receive' },
      schema: {
        summary: 'The receiving organisation accepts or declines a referral, then says whether it was completed',
        tags,
        params: IdParams,
        body: UpdateReferralRequest,
        response: { 200: ReferralView },
      },
    },
    async (request) => updateReferral(request.ctx, request.params.id, request.body),
  );
}
