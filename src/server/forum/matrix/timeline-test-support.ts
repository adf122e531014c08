import type { MatrixPart } from '../../../../test/support/matrix.ts';

/** The authorization matrix's cells for the public timeline (see ../../platform/policy/matrix.test.ts). */
export const forumTimelineMatrix: MatrixPart = {
  setup: async () => {},
  cases: () => ({
    'GET /api/v1/public/timeline': { request: () => ({ url: '/api/v1/public/timeline?kind=meeting' }) },
  }),
};
