import { z } from 'zod';
import {
  AccountabilityStep,
  AccountabilityTracker,
  Incident,
  IncidentCorrection,
  IncidentListQuery,
  IncidentObservation,
  IncidentPage,
  NewIncident,
  VerifyIncidentRequest,
} from '../../../shared/gateway/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { accountabilityTracker, recordAccountabilityStep } from '../accountability.ts';
import { enterIncidentObservation } from '../incident-observations.ts';
import { correctIncident, getIncident, listIncidents, recordIncident, verifyIncident } from '../incidents.ts';
import '../problems.ts';

const tags = ['gateway'];
const IdParams = z.strictObject({ id: z.uuid() });

/** Incidents and abuses: the register, corrections, independent verification, accountability and the zones feed. */
export async function incidentRoutes(app: HomewardApp): Promise<void> {
  app.post(
    '/gateway/incidents',
    {
      config: { permission: 'incident:record' },
      schema: {
        summary: 'Record an incident or abuse for the caller’s organisation (unverified, documented)',
        tags,
        body: NewIncident,
        response: { 201: Incident },
      },
    },
    async (request, reply) => reply.code(201).send(await recordIncident(request.ctx, request.body)),
  );
  app.get(
    '/gateway/incidents',
    {
      config: { permission: 'incident:read' },
      schema: {
        summary: 'The incident register, filtered and paged, newest first (no narrative, no identities)',
        tags,
        querystring: IncidentListQuery,
        response: { 200: IncidentPage },
      },
    },
    async (request) => listIncidents(request.ctx, request.query),
  );
  app.get(
    '/gateway/incidents/accountability',
    {
      config: { permission: 'incident:read' },
      schema: {
        summary: 'The accountability tracker: incidents by status, open ones with days since referral',
        tags,
        response: { 200: AccountabilityTracker },
      },
    },
    async (request) => accountabilityTracker(request.ctx),
  );
  app.get(
    '/gateway/incidents/:id',
    {
      config: { permission: 'incident:read' },
      schema: {
        summary: 'An incident with its history; texts only for those allowed (the read is access-logged)',
        tags,
        params: IdParams,
        response: { 200: Incident },
      },
    },
    async (request) => getIncident(request.ctx, request.params.id),
  );
  app.patch(
    '/gateway/incidents/:id',
    {
      config: { permission: 'incident:record' },
      schema: {
        summary: 'Correct an incident of the caller’s organisation (audited with the field names only)',
        tags,
        params: IdParams,
        body: IncidentCorrection,
        response: { 200: Incident },
      },
    },
    async (request) => correctIncident(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/gateway/incidents/:id/verify',
    {
      config: { permission: 'incident:verify' },
      schema: {
        summary: 'Verify an incident independently (not by the person who recorded it)',
        tags,
        params: IdParams,
        body: VerifyIncidentRequest,
        response: { 200: Incident },
      },
    },
    async (request) => verifyIncident(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/gateway/incidents/:id/accountability',
    {
      config: { permission: 'incident:follow' },
      schema: {
        summary: 'The next accountability step: referred, answered, sanctioned or closed, in order',
        tags,
        params: IdParams,
        body: AccountabilityStep,
        response: { 200: Incident },
      },
    },
    async (request) => recordAccountabilityStep(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/gateway/incidents/:id/observation',
    {
      // The zones module's permission: the person enters an observation (the service also asks incident:record).
      config: { permission: 'observation:create' },
      schema: {
        summary: 'Enter a verified incident as an observation of its zone’s safety indicator (awaits a zones verifier)',
        tags,
        params: IdParams,
        response: { 201: IncidentObservation },
      },
    },
    async (request, reply) => reply.code(201).send(await enterIncidentObservation(request.ctx, request.params.id)),
  );
}
