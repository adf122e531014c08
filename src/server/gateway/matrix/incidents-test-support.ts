import type { MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { newIncidentReference } from '../incidents.ts';
import { gatewayIncidents } from '../tables.ts';

const ids = { own: '', other: '' };
const pick = (target: Target) => (target === 'own' ? ids.own : ids.other);

/**
 * The authorization matrix's cells for the gateway's incident operations (see
 * ../../platform/policy/matrix.test.ts). The register is read across organisations; corrections, accountability
 * steps and the zones feed are the recording organisation's (another's incident: 403). Each incident was
 * recorded by a person of its organisation who is not a caller, so that verifying it is independent.
 */
export const incidentsMatrix: MatrixPart = {
  setup: async ({ env, own, other }) => {
    const db = env.database.db;
    const incident = async (organisationId: string) => {
      const recorder = await createTestAccount(env.app, { roles: ['field_monitor'], organisationId });
      const [row] = await db
        .insert(gatewayIncidents)
        .values({
          reference: newIncidentReference(),
          type: 'extortion',
          occurredOn: '2026-01-15',
          pcode: 'QM0101',
          stateCode: 'QM',
          perpetratorCategory: 'unknown',
          affectedMen: 1,
          narrativeEnc: await env.app.platform.keyring.encrypt(db, 'narrative', 'matrix'),
          source: 'monitoring_visit',
          verification: 'unverified',
          accountability: 'documented',
          organisationId,
          recordedBy: recorder.userId,
        })
        .returning({ id: gatewayIncidents.id });
      return row!.id;
    };
    ids.own = await incident(own);
    ids.other = await incident(other);
  },
  cases: () => ({
    'POST /api/v1/gateway/incidents': {
      request: () => ({
        url: '/api/v1/gateway/incidents',
        body: {
          type: 'violence',
          occurredOn: '2026-01-10',
          pcode: 'QM0101',
          perpetratorCategory: 'unknown',
          affected: { unknown: 1 },
          narrative: 'Matrix incident',
          source: 'partner_report',
        },
      }),
    },
    'GET /api/v1/gateway/incidents': { request: () => ({ url: '/api/v1/gateway/incidents' }) },
    'GET /api/v1/gateway/incidents/accountability': {
      request: () => ({ url: '/api/v1/gateway/incidents/accountability' }),
    },
    'GET /api/v1/gateway/incidents/{id}': {
      request: (t) => ({ url: `/api/v1/gateway/incidents/${pick(t)}` }),
    },
    'PATCH /api/v1/gateway/incidents/{id}': {
      reach: 'own',
      refusal: 403,
      request: (t) => ({ url: `/api/v1/gateway/incidents/${pick(t)}`, body: { perpetratorCategory: 'unknown' } }),
    },
    'POST /api/v1/gateway/incidents/{id}/verify': {
      request: (t) => ({
        url: `/api/v1/gateway/incidents/${pick(t)}/verify`,
        body: { verification: 'corroborated', note: 'Matrix' },
      }),
    },
    'POST /api/v1/gateway/incidents/{id}/accountability': {
      reach: 'own',
      refusal: 403,
      request: (t) => ({
        url: `/api/v1/gateway/incidents/${pick(t)}/accountability`,
        body: { step: 'referred', referredTo: 'Matrix body', referredOn: '2026-01-20' },
      }),
    },
    'POST /api/v1/gateway/incidents/{id}/observation': {
      reach: 'own',
      refusal: 403,
      request: (t) => ({ url: `/api/v1/gateway/incidents/${pick(t)}/observation` }),
    },
  }),
};
