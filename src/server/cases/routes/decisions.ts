import {
  DecideRequest,
  Decision,
  DecisionParams,
  DecisionQueue,
  DecisionQueueQuery,
  EligibilityResult,
  HouseholdDecisions,
  HouseholdParams,
} from '../../../shared/cases/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { decide, decisionQueue, householdDecisions, requestEligibilityDecision } from '../decisions.ts';
import { householdEligibility } from '../eligibility.ts';
import '../problems.ts';

const tags = ['cases'];

/** Eligibility with its reasons, a household's decisions, the decisions queue, and deciding. */
export async function decisionRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/cases/households/:id/eligibility',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "A household's eligibility today, one row per rule with the reason",
        tags,
        params: HouseholdParams,
        response: { 200: EligibilityResult },
      },
    },
    async (request) => householdEligibility(request.ctx, request.params.id),
  );
  app.get(
    '/cases/households/:id/decisions',
    {
      config: { permission: 'case:read' },
      schema: {
        summary: "A household's decisions with their due dates",
        tags,
        params: HouseholdParams,
        response: { 200: HouseholdDecisions },
      },
    },
    async (request) => householdDecisions(request.ctx, request.params.id),
  );
  app.post(
    '/cases/households/:id/decisions',
    {
      config: { permission: 'case:decide' },
      schema: {
        summary: 'Open a new eligibility decision for a declared case whose facts changed',
        tags,
        params: HouseholdParams,
        response: { 201: Decision },
      },
    },
    async (request, reply) => reply.code(201).send(await requestEligibilityDecision(request.ctx, request.params.id)),
  );
  app.get(
    '/cases/decisions',
    {
      config: { permission: 'case:decide' },
      schema: {
        summary: "The decisions queue: the organisation's pending decisions, or every overdue one (coordinators)",
        tags,
        querystring: DecisionQueueQuery,
        response: { 200: DecisionQueue },
      },
    },
    async (request) => decisionQueue(request.ctx, request.query),
  );
  app.post(
    '/cases/decisions/:id/decision',
    {
      config: { permission: 'case:decide' },
      schema: {
        summary: 'Decide a pending decision, with its rationale (responsible organisation only)',
        tags,
        params: DecisionParams,
        body: DecideRequest,
        response: { 200: Decision },
      },
    },
    async (request) => decide(request.ctx, request.params.id, request.body),
  );
}
