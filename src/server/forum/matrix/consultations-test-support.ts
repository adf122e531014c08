import type { MatrixPart } from '../../../../test/support/matrix.ts';

const ids = { consultation: '', comment: '', version: 0 };

/**
 * The authorization matrix's cells for consultations (see ../../platform/policy/matrix.test.ts). A consultation
 * is opened on a framework draft; its comments and answers are the forum's public record, so the cells have no
 * record-level reach. Answering while it is still open is refused with a 409, as opening a second one is.
 */
export const forumConsultationsMatrix: MatrixPart = {
  setup: async ({ clients }) => {
    const coordinator = clients.get('coordinator')!;
    const active = await coordinator.request({ method: 'GET', url: '/api/v1/frameworks/active' });
    const draft = await coordinator.request({
      method: 'POST',
      url: '/api/v1/frameworks/drafts',
      payload: { definition: active.json<{ definition: unknown }>().definition },
    });
    if (draft.statusCode >= 300) throw new Error(`setup draft: ${draft.body}`);
    ids.version = draft.json<{ version: number }>().version;
    const opened = await coordinator.request({
      method: 'POST',
      url: '/api/v1/forum/consultations',
      payload: { frameworkVersion: ids.version, title: 'Matrix', summary: 'A change.', days: 21 },
    });
    if (opened.statusCode !== 201) throw new Error(`setup consultation: ${opened.body}`);
    ids.consultation = opened.json<{ id: string }>().id;
    const commented = await coordinator.request({
      method: 'POST',
      url: `/api/v1/forum/consultations/${ids.consultation}/comments`,
      payload: { text: 'A comment.' },
    });
    ids.comment = commented.json<{ commentList: { id: string }[] }>().commentList[0]!.id;
  },
  cases: () => ({
    'GET /api/v1/forum/consultations': { request: () => ({ url: '/api/v1/forum/consultations' }) },
    'POST /api/v1/forum/consultations': {
      request: () => ({
        url: '/api/v1/forum/consultations',
        body: { frameworkVersion: ids.version, title: 'Again', summary: 'Again.', days: 21 },
      }),
    },
    'GET /api/v1/forum/consultations/{id}': {
      request: () => ({ url: `/api/v1/forum/consultations/${ids.consultation}` }),
    },
    'POST /api/v1/forum/consultations/{id}/comments': {
      request: () => ({ url: `/api/v1/forum/consultations/${ids.consultation}/comments`, body: { text: 'More.' } }),
    },
    'POST /api/v1/forum/consultations/{id}/comments/{commentId}/answer': {
      request: () => ({
        url: `/api/v1/forum/consultations/${ids.consultation}/comments/${ids.comment}/answer`,
        body: { answer: 'accepted', reason: 'Agreed.' },
      }),
    },
    'GET /api/v1/public/forum/consultations': { request: () => ({ url: '/api/v1/public/forum/consultations' }) },
    'GET /api/v1/public/forum/consultations/{id}': {
      request: () => ({ url: `/api/v1/public/forum/consultations/${ids.consultation}` }),
    },
    'POST /api/v1/public/forum/consultations/{id}/comments': {
      request: () => ({
        url: `/api/v1/public/forum/consultations/${ids.consultation}/comments`,
        body: { text: 'Public.' },
      }),
    },
  }),
};
