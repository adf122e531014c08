import { z } from 'zod';
import { NewRoutingRule, RoutingRuleView } from '../../../shared/gateway/schemas.ts';
import type { HomewardApp } from '../../app.ts';
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from '../routing-rules.ts';

const tags = ['gateway'];
const config = { permission: 'gateway:route' as const };

/** The routing rules: which organisation receives which submissions. */
export async function routingRuleRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/gateway/routing-rules',
    {
      config,
      schema: { summary: 'The routing rules, in order', tags, response: { 200: z.array(RoutingRuleView) } },
    },
    async (request) => listRoutingRules(request.ctx),
  );
  app.post(
    '/gateway/routing-rules',
    {
      config,
      schema: {
        summary: 'Add a routing rule: by kind, zone and state, to an organisation',
        tags,
        body: NewRoutingRule,
        response: { 201: RoutingRuleView },
      },
    },
    async (request, reply) => reply.code(201).send(await createRoutingRule(request.ctx, request.body)),
  );
  app.delete(
    '/gateway/routing-rules/:id',
    {
      config,
      schema: {
        summary: 'Remove a routing rule (items already routed stay where they are)',
        tags,
        params: z.strictObject({ id: z.uuid() }),
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await deleteRoutingRule(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
