import type { MatrixPart } from '../../../../test/support/matrix.ts';

/**
 * The authorization matrix's cells for the outcome dashboard (aggregates, anyone holding `outcome:dashboard`),
 * the zones feed (`outcome:feed_zones`, the caller's own organisation's answers only) and the public figures.
 */
export const outcomeDashboardsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({
    'GET /api/v1/outcomes/dashboard': { request: () => ({ url: '/api/v1/outcomes/dashboard?state=QM&by=sex' }) },
    'POST /api/v1/outcomes/zone-feed': {
      request: () => ({ url: '/api/v1/outcomes/zone-feed', body: { pcode: 'QM0101', period: '2026-09' } }),
    },
    'GET /api/v1/public/outcomes/figures': { request: () => ({ url: '/api/v1/public/outcomes/figures' }) },
  }),
};
