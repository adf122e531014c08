import type { MatrixPart } from '../../../../test/support/matrix.ts';

const ids = { own: '', other: '', ownCommitment: '', otherCommitment: '' };

/**
 * The authorization matrix's cells for the commitments tracker (see ../../platform/policy/matrix.test.ts).
 * Commitments are public records, so there is no record-level reach for reading; progress is reported by the
 * owner (the callers' organisation owns one) and assessed by others (the other organisation owns the other).
 */
export const forumCommitmentsMatrix: MatrixPart = {
  setup: async ({ own, other, clients }) => {
    ids.own = own;
    ids.other = other;
    const coordinator = clients.get('coordinator')!;
    const made = async (ownerOrganisationId: string) => {
      const response = await coordinator.request({
        method: 'POST',
        url: '/api/v1/forum/commitments',
        payload: { text: 'Matrix commitment', ownerOrganisationId, dueOn: '2030-01-01' },
      });
      if (response.statusCode !== 201) throw new Error(`setup commitment: ${response.body}`);
      return response.json<{ id: string }>().id;
    };
    ids.ownCommitment = await made(own);
    ids.otherCommitment = await made(other);
  },
  cases: () => ({
    'GET /api/v1/forum/commitments': { request: () => ({ url: '/api/v1/forum/commitments' }) },
    'POST /api/v1/forum/commitments': {
      request: () => ({
        url: '/api/v1/forum/commitments',
        body: { text: 'Another', ownerOrganisationId: ids.other, dueOn: '2030-01-01' },
      }),
    },
    'GET /api/v1/forum/commitments/{id}': {
      request: () => ({ url: `/api/v1/forum/commitments/${ids.ownCommitment}` }),
    },
    'POST /api/v1/forum/commitments/{id}/updates': {
      request: () => ({ url: `/api/v1/forum/commitments/${ids.ownCommitment}/updates`, body: { text: 'Progress.' } }),
    },
    'POST /api/v1/forum/commitments/{id}/assessments': {
      request: () => ({
        url: `/api/v1/forum/commitments/${ids.otherCommitment}/assessments`,
        body: { rating: 'on_track', reasons: 'Seen.' },
      }),
    },
    'POST /api/v1/forum/commitments/{id}/close': {
      request: () => ({
        url: `/api/v1/forum/commitments/${ids.otherCommitment}/close`,
        body: { status: 'kept', reason: 'Done.' },
      }),
    },
    'GET /api/v1/forum/scorecard': { request: () => ({ url: '/api/v1/forum/scorecard' }) },
    'GET /api/v1/public/forum/commitments': { request: () => ({ url: '/api/v1/public/forum/commitments' }) },
    'GET /api/v1/public/forum/commitments/{id}': {
      request: () => ({ url: `/api/v1/public/forum/commitments/${ids.ownCommitment}` }),
    },
    'GET /api/v1/public/forum/scorecard': { request: () => ({ url: '/api/v1/public/forum/scorecard' }) },
  }),
};
