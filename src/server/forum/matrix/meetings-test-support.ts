import type { MatrixPart } from '../../../../test/support/matrix.ts';

const PAPER = Buffer.from('%PDF-1.7\n1 0 obj << /Title (Matrix) >>\n%%EOF');
const ids = { body: '', meeting: '', item: '', own: '', position: '', attachment: '' };

/**
 * The authorization matrix's cells for the forum's meetings (see ../../platform/policy/matrix.test.ts). The
 * callers' organisation chairs a body it sits on with the other organisation, so every role with a meeting
 * permission acts within the rules (a repeated step is refused with a 409, never a 403); the records are the
 * forum's, public or for members, so the cells have no record-level reach.
 */
export const forumMeetingsMatrix: MatrixPart = {
  setup: async ({ own, other, clients }) => {
    ids.own = own;
    const coordinator = clients.get('coordinator')!;
    const body = await coordinator.request({
      method: 'POST',
      url: '/api/v1/forum/bodies',
      payload: {
        code: 'matrix-commission',
        kind: 'tripartite_commission',
        name: 'Matrix commission',
        stateCodes: ['QM', 'QT'],
        members: [
          { organisationId: own, seat: 'civil_society' },
          { organisationId: other, seat: 'monitoring_centre' },
        ],
      },
    });
    if (body.statusCode !== 201) throw new Error(`setup body: ${body.body}`);
    ids.body = body.json<{ id: string }>().id;
    const today = new Date().toISOString().slice(0, 10);
    const meeting = await coordinator.request({
      method: 'POST',
      url: '/api/v1/forum/meetings',
      payload: {
        bodyId: ids.body,
        title: 'Matrix',
        heldOn: today,
        positionsDueOn: today,
        channel: 'online',
        agenda: [{ title: 'One' }],
      },
    });
    if (meeting.statusCode !== 201) throw new Error(`setup meeting: ${meeting.body}`);
    ids.meeting = meeting.json<{ id: string }>().id;
    ids.item = meeting.json<{ agenda: { id: string }[] }>().agenda[0]!.id;
    const position = await coordinator.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${ids.meeting}/positions`,
      payload: { agendaItemId: ids.item, text: 'Our paper.', visibility: 'public' },
    });
    if (position.statusCode !== 201) throw new Error(`setup position: ${position.body}`);
    ids.position = position.json<{ agenda: { positions: { id: string }[] }[] }>().agenda[0]!.positions[0]!.id;
    const file = await coordinator.request({
      method: 'POST',
      url: `/api/v1/forum/meetings/${ids.meeting}/positions/${ids.position}/attachments?name=paper.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: PAPER,
    });
    if (file.statusCode !== 201) throw new Error(`setup attachment: ${file.body}`);
    ids.attachment = file.json<{ id: string }>().id;
  },
  cases: () => ({
    'GET /api/v1/forum/bodies': { request: () => ({ url: '/api/v1/forum/bodies' }) },
    'POST /api/v1/forum/bodies': {
      request: () => ({
        url: '/api/v1/forum/bodies',
        body: {
          code: 'matrix-commission',
          kind: 'working_group',
          name: 'Again',
          stateCodes: ['QM'],
          members: [{ organisationId: ids.own, seat: 'civil_society' }],
        },
      }),
    },
    'GET /api/v1/forum/meetings': { request: () => ({ url: '/api/v1/forum/meetings' }) },
    'POST /api/v1/forum/meetings': {
      request: () => ({
        url: '/api/v1/forum/meetings',
        body: {
          bodyId: ids.body,
          title: 'Another',
          heldOn: '2030-01-15',
          channel: 'online',
          agenda: [{ title: 'One' }],
        },
      }),
    },
    'GET /api/v1/forum/meetings/{id}': { request: () => ({ url: `/api/v1/forum/meetings/${ids.meeting}` }) },
    'POST /api/v1/forum/meetings/{id}/positions': {
      request: () => ({
        url: `/api/v1/forum/meetings/${ids.meeting}/positions`,
        body: { agendaItemId: ids.item, text: 'A position.', visibility: 'public' },
      }),
    },
    'POST /api/v1/forum/meetings/{id}/held': {
      request: () => ({
        url: `/api/v1/forum/meetings/${ids.meeting}/held`,
        body: { participants: [{ organisationId: ids.body, seat: 'donor', attended: true }], minutes: 'Minutes.' },
      }),
    },
    'POST /api/v1/forum/meetings/{id}/agenda/{itemId}/treatment': {
      request: () => ({
        url: `/api/v1/forum/meetings/${ids.meeting}/agenda/${ids.item}/treatment`,
        body: { treatment: 'Taken into account.' },
      }),
    },
    'POST /api/v1/forum/meetings/{id}/decisions': {
      request: () => ({ url: `/api/v1/forum/meetings/${ids.meeting}/decisions`, body: { text: 'Decided.' } }),
    },
    'POST /api/v1/forum/meetings/{id}/minutes/approve': {
      request: () => ({ url: `/api/v1/forum/meetings/${ids.meeting}/minutes/approve` }),
    },
    'POST /api/v1/forum/meetings/{id}/positions/{positionId}/attachments': {
      request: () => ({
        url: `/api/v1/forum/meetings/${ids.meeting}/positions/${ids.position}/attachments?name=again.pdf`,
        body: PAPER,
        headers: { 'content-type': 'application/pdf' },
      }),
    },
    'GET /api/v1/forum/meetings/{id}/attachments/{attachmentId}': {
      request: () => ({ url: `/api/v1/forum/meetings/${ids.meeting}/attachments/${ids.attachment}` }),
    },
    'GET /api/v1/public/forum/meetings/{id}/attachments/{attachmentId}': {
      request: () => ({ url: `/api/v1/public/forum/meetings/${ids.meeting}/attachments/${ids.attachment}` }),
    },
    'GET /api/v1/public/forum/meetings': { request: () => ({ url: '/api/v1/public/forum/meetings' }) },
    'GET /api/v1/public/forum/meetings/{id}': {
      request: () => ({ url: `/api/v1/public/forum/meetings/${ids.meeting}` }),
    },
  }),
};
