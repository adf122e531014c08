import type { MatrixPart } from '../../../../test/support/matrix.ts';
import { rapidproFlowBody } from '../sms/simulator.ts';

/**
 * The authorization matrix's cells for the SMS gateways' webhooks (see ../../platform/policy/matrix.test.ts):
 * public and anonymous, for every caller alike. The gateways prove themselves by signature, not by a role, so
 * their answer here (the matrix's server has no SMS gateway configured: 404) is no permission refusal; the
 * signature checks are tested with configured gateways in ../sms/webhooks.test.ts.
 */
export const smsMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({
    'POST /api/v1/public/gateway/sms/twilio': {
      request: () => ({
        url: '/api/v1/public/gateway/sms/twilio',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'From=%2B9647501234567&Body=Matrix&MessageSid=SM1',
      }),
    },
    'POST /api/v1/public/gateway/sms/rapidpro': {
      request: () => ({
        url: '/api/v1/public/gateway/sms/rapidpro',
        body: rapidproFlowBody('+9647501234567', 'Matrix'),
      }),
    },
  }),
};
