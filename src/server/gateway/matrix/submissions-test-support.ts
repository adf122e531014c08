import type { MatrixPart } from '../../../../test/support/matrix.ts';
import { insertRoutingRule } from '../test-support.ts';

/**
 * The authorization matrix's cells for the gateway's public submission operations (see
 * ../../platform/policy/matrix.test.ts): anyone may submit and read with a code; the monitoring centre receives.
 */
export const submissionsMatrix: MatrixPart = {
  setup: async ({ env, other }) => {
    await insertRoutingRule(env.database.db, { organisationId: other });
  },
  cases: () => ({
    'POST /api/v1/public/gateway/submissions': {
      request: () => ({
        url: '/api/v1/public/gateway/submissions',
        body: { kind: 'concern', disclosure: 'anonymous', text: 'Matrix concern', language: 'en' },
      }),
    },
    'POST /api/v1/public/gateway/receipts/status': {
      request: () => ({ url: '/api/v1/public/gateway/receipts/status', body: { code: '1234567812345678' } }),
    },
    'POST /api/v1/public/gateway/receipts/information': {
      request: () => ({
        url: '/api/v1/public/gateway/receipts/information',
        body: { code: '1234567812345678', text: 'More' },
      }),
    },
    'POST /api/v1/public/gateway/receipts/satisfaction': {
      request: () => ({
        url: '/api/v1/public/gateway/receipts/satisfaction',
        body: { code: '1234567812345678', satisfaction: 'satisfied' },
      }),
    },
  }),
};
