import type { MatrixPart } from '../../../../test/support/matrix.ts';

const ids = { own: '', other: '', ownFlag: '', otherFlag: '' };

/**
 * The authorization matrix's cells for watchdog flags (see ../../platform/policy/matrix.test.ts). One flag is for
 * the callers' organisation to answer, one for the other's (answering it is refused with 403 by the record rule,
 * so the cells send the answer to their own); flags are public once cleared, so no record-level reach on reads.
 */
export const forumFlagsMatrix: MatrixPart = {
  setup: async ({ own, other, clients }) => {
    ids.own = own;
    ids.other = other;
    const watchdog = clients.get('civil_society_watchdog')!;
    const raise = async (responsibleOrganisationId: string) => {
      const response = await watchdog.request({
        method: 'POST',
        url: '/api/v1/forum/flags',
        payload: {
          subjectKind: 'outcome_figure',
          subjectRef: 'qm-2026-q1',
          concern: 'Too few households.',
          responsibleOrganisationId,
        },
      });
      if (response.statusCode !== 201) throw new Error(`setup flag: ${response.body}`);
      return response.json<{ id: string }>().id;
    };
    ids.ownFlag = await raise(own);
    ids.otherFlag = await raise(other);
  },
  cases: () => ({
    'GET /api/v1/forum/flags': { request: () => ({ url: '/api/v1/forum/flags?queue=mine' }) },
    'POST /api/v1/forum/flags': {
      request: () => ({
        url: '/api/v1/forum/flags',
        body: {
          subjectKind: 'report',
          subjectRef: 'report-1',
          concern: 'Wrong.',
          responsibleOrganisationId: ids.other,
        },
      }),
    },
    'GET /api/v1/forum/flags/{id}': { request: () => ({ url: `/api/v1/forum/flags/${ids.ownFlag}` }) },
    'POST /api/v1/forum/flags/{id}/screening': {
      request: () => ({
        url: `/api/v1/forum/flags/${ids.otherFlag}/screening`,
        body: { part: 'flag', screening: 'cleared' },
      }),
    },
    'POST /api/v1/forum/flags/{id}/answer': {
      request: () => ({ url: `/api/v1/forum/flags/${ids.ownFlag}/answer`, body: { answer: 'Answered.' } }),
    },
    'GET /api/v1/public/forum/flags': { request: () => ({ url: '/api/v1/public/forum/flags' }) },
    'GET /api/v1/public/forum/flags/{id}': { request: () => ({ url: `/api/v1/public/forum/flags/${ids.otherFlag}` }) },
    'GET /api/v1/public/forum/zones/{pcode}/challenge': {
      request: () => ({ url: '/api/v1/public/forum/zones/QM01/challenge' }),
    },
  }),
};
