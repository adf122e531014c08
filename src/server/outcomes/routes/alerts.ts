import { z } from 'zod';
import { AlertListQuery, AlertPage, AlertView, CloseAlertRequest } from '../../../shared/outcomes/schemas/alerts.ts';
import type { HomewardApp } from '../../app.ts';
import { closeAlert, configureOutcomeRules, listAlerts, readAlert } from '../alerts.ts';

const tags = ['outcomes'];
const IdParams = z.strictObject({ id: z.uuid() });

/**
 * The alerts queue of the organisation that owns the households: the list, one alert with the household's scores,
 * closing one. The alert thresholds and the composite's weights come from the server's configuration. Every answer about a household is `no-store`.
 */
export async function alertRoutes(app: HomewardApp): Promise<void> {
  configureOutcomeRules({
    thresholds: app.platform.config.outcomeAlertThresholds,
    weights: app.platform.config.outcomeScoreWeights,
  });

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
}
