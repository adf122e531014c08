import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cell for the gateway's public figures: anyone may read them. */
export const figuresMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({
    'GET /api/v1/public/gateway/figures': { request: () => ({ url: '/api/v1/public/gateway/figures' }) },
  }),
};
