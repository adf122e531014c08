import { z } from 'zod';
import { Agreement, AgreementListQuery, AgreementParams, CreateAgreementRequest } from '../../../shared/agreements.ts';
import type { HomewardApp } from '../../app.ts';
import { createAgreement, listAgreements, revokeAgreement } from './service.ts';

const tags = ['agreements'];

/** Data-sharing agreements between organisations. */
export async function agreementRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/agreements',
    {
      config: { permission: 'agreement:read' },
      schema: {
        summary: 'List the data-sharing agreements of your organisation',
        tags,
        querystring: AgreementListQuery,
        response: { 200: z.array(Agreement) },
      },
    },
    async (request) => listAgreements(request.ctx, request.query),
  );

  app.post(
    '/agreements',
    {
      config: { permission: 'agreement:manage' },
      schema: {
        summary: 'Record a data-sharing agreement from your organisation to another',
        tags,
        body: CreateAgreementRequest,
        response: { 201: Agreement },
      },
    },
    async (request, reply) => reply.code(201).send(await createAgreement(request.ctx, request.body)),
  );

  app.post(
    '/agreements/:agreementId/revoke',
    {
      config: { permission: 'agreement:manage' },
      schema: {
        summary: 'Revoke a data-sharing agreement (either party may)',
        tags,
        params: AgreementParams,
        response: { 200: Agreement },
      },
    },
    async (request) => revokeAgreement(request.ctx, request.params.agreementId),
  );
}
