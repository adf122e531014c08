import { z } from 'zod';
import {
  InstrumentForm,
  RecordedResponse,
  RecordFollowUpResponse,
  RecordResidentResponse,
} from '../../../shared/outcomes/schemas/responses.ts';
import type { HomewardApp } from '../../app.ts';
import { followUpForm, recordFollowUpResponse, recordResidentResponse } from '../responses.ts';

const tags = ['outcomes'];
const IdParams = z.strictObject({ id: z.uuid() });
const record = { permission: 'followup:record' as const };

/** Recording one answered round: a returned household's follow-up, or a resident household's round. */
export async function responseRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/outcomes/follow-ups/:id/form',
    {
      config: record,
      schema: {
        summary: 'The instrument a follow-up’s answers are recorded with (the latest reintegration survey)',
        tags,
        params: IdParams,
        querystring: z.strictObject({ instrumentId: z.uuid().optional() }),
        response: { 200: InstrumentForm },
      },
    },
    async (request) => followUpForm(request.ctx, request.params.id, request.query.instrumentId),
  );
  app.post(
    '/outcomes/follow-ups/:id/responses',
    {
      config: record,
      schema: {
        summary: 'Record a returned household’s answers for its follow-up (checked against the form); it is then done',
        tags,
        params: IdParams,
        body: RecordFollowUpResponse,
        response: { 201: RecordedResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordFollowUpResponse(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/outcomes/responses',
    {
      config: record,
      schema: {
        summary: 'Record a resident household’s answers for a round of the comparison in a zone',
        tags,
        body: RecordResidentResponse,
        response: { 201: RecordedResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await recordResidentResponse(request.ctx, request.body)),
  );
}
