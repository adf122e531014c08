import { z } from 'zod';
import { AlertListQuery, AlertPage, AlertView, CloseAlertRequest } from '../../../shared/outcomes/schemas/alerts.ts';
import { HouseholdTimeline } from '../../../shared/outcomes/schemas/households.ts';
import {
  MakeReferralRequest,
  ReferralListQuery,
  ReferralPage,
  ReferralTarget,
  ReferralView,
  UpdateReferralRequest,
} from '../../../shared/outcomes/schemas/referrals.ts';
import type { HomewardApp } from '../../app.ts';
import { closeAlert, configureAlertThresholds, listAlerts, readAlert } from '../alerts.ts';
import { householdTimeline } from '../households.ts';
import { listReferrals, makeReferral, readReferral, referralTargets, updateReferral } from '../referrals.ts';

const tags = ['outcomes'];
const IdParams = z.strictObject({ id: z.uuid() });
const HouseholdParams = z.strictObject({ householdId: z.uuid() });

/**
 * The alerts queue, referrals (sent and received) and a household's outcome timeline. Every answer about a
 * household is `no-store`.
 */
export async function alertRoutes(app: HomewardApp): Promise<void> {
  configureAlertThresholds(app.platform.config.outcomeAlertThresholds);

  app.get(
    '/outcomes/alerts',
    {
      config: { permission: 'alert:handle' },
      schema: {
        summary: "The organisation's alerts about returned households: open first, oldest first",
        tags,
        querystring: AlertListQuery,
        response: { 200: AlertPage },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listAlerts(request.ctx, request.query);
    },
  );
  app.get(
    '/outcomes/alerts/:id',
    {
      config: { permission: 'alert:handle' },
      schema: {
        summary: "An alert with the household's scores round by round (the read is logged)",
        tags,
        params: IdParams,
        response: { 200: AlertView },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readAlert(request.ctx, request.params.id);
    },
  );
  app.post(
    '/outcomes/alerts/:id/close',
    {
      config: { permission: 'alert:handle' },
      schema: {
        summary: 'Closes an alert with a reason',
        tags,
        params: IdParams,
        body: CloseAlertRequest,
        response: { 200: AlertView },
      },
    },
    async (request) => closeAlert(request.ctx, request.params.id, request.body),
  );

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
