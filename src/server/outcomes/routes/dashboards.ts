import { Dashboard, DashboardQuery } from '../../../shared/outcomes/schemas/dashboards.ts';
import type { HomewardApp } from '../../app.ts';
import { outcomeDashboard } from '../dashboards.ts';

/** The outcome dashboard: aggregates by zone, cohort and round, returnees beside residents. */
export async function dashboardRoutes(app: HomewardApp): Promise<void> {
  app.get(
    '/outcomes/dashboard',
    {
      config: { permission: 'outcome:dashboard' },
      schema: {
        summary:
          'Mean outcomes of returned households by zone, cohort and round, beside the residents of the same zone and round, with the gap (aggregates only)',
        tags: ['outcomes'],
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    async (request) => outcomeDashboard(request.ctx, request.query),
  );
}
