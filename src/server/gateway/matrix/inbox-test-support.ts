import { eq } from 'drizzle-orm';
import type { MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { receiveSubmission } from '../submissions.ts';
import { gatewayRevealRequests, gatewaySubmissions } from '../tables.ts';
import { insertRoutingRule } from '../test-support.ts';

const ids = {
  ownItem: '',
  otherItem: '',
  ownConfidential: '',
  otherConfidential: '',
  ownRequest: '',
  otherRequest: '',
  handler: '',
  rule: '',
  own: '',
};
const pick = (target: Target, own: string, other: string) => (target === 'own' ? own : other);

/**
 * The authorization matrix's cells for the gateway's inbox, handling, reveal and routing-rule operations (see
 * ../../platform/policy/matrix.test.ts). Items are record-level: the callers' organisation handles its own, and
 * another organisation's are not found. Steps taken twice answer 409, which the matrix counts as allowed; a
 * referral names the callers' own organisation (409), so that no item leaves the organisation mid-run; the
 * reveal requests were made by another officer, so that the callers' protection officer may decide one.
 */
export const inboxMatrix: MatrixPart = {
  setup: async ({ env, own, other }) => {
    const db = env.database.db;
    ids.own = own;
    await insertRoutingRule(db, { organisationId: other, kind: 'complaint' });
    const item = async (organisationId: string, confidential: boolean) => {
      const { submissionId } = await receiveSubmission(
        { db, platform: env.app.platform },
        {
          kind: 'complaint',
          complaintCategory: 'misconduct',
          aboutNamedPerson: false,
          disclosure: confidential ? 'confidential' : 'anonymous',
          text: 'Matrix complaint',
          language: 'en',
          contactConsent: false,
          channel: 'web',
          ...(confidential ? { contact: { phone: '+9647500000000' } } : {}),
        },
        null,
      );
      await db.update(gatewaySubmissions).set({ organisationId }).where(eq(gatewaySubmissions.id, submissionId));
      return submissionId;
    };
    ids.ownItem = await item(own, false);
    ids.otherItem = await item(other, false);
    ids.ownConfidential = await item(own, true);
    ids.otherConfidential = await item(other, true);
    ids.handler = (await createTestAccount(env.app, { roles: ['case_worker'], organisationId: own })).userId;
    const request = async (submissionId: string, organisationId: string) => {
      const officer = await createTestAccount(env.app, { roles: ['protection_officer'], organisationId });
      const [row] = await db
        .insert(gatewayRevealRequests)
        .values({
          submissionId,
          requestedBy: officer.userId,
          justificationEnc: await env.app.platform.keyring.encrypt(db, 'narrative', 'matrix'),
          status: 'pending',
        })
        .returning({ id: gatewayRevealRequests.id });
      return row!.id;
    };
    ids.ownRequest = await request(ids.ownConfidential, own);
    ids.otherRequest = await request(ids.otherConfidential, other);
    ids.rule = await insertRoutingRule(db, { organisationId: own, kind: 'appeal', stateCode: 'QT' });
  },
  cases: () => {
    const item = (t: Target) => pick(t, ids.ownItem, ids.otherItem);
    const stepCell = (path: string, body: () => Record<string, unknown> = () => ({})) => ({
      reach: 'own' as const,
      refusal: 404 as const,
      request: (t: Target) => ({ url: `/api/v1/gateway/submissions/${item(t)}/${path}`, body: body() }),
    });
    return {
      'GET /api/v1/gateway/submissions': { request: () => ({ url: '/api/v1/gateway/submissions' }) },
      'GET /api/v1/gateway/handlers': { request: () => ({ url: '/api/v1/gateway/handlers' }) },
      'GET /api/v1/gateway/referral-organisations': {
        request: () => ({ url: '/api/v1/gateway/referral-organisations' }),
      },
      'GET /api/v1/gateway/submissions/{id}': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({ url: `/api/v1/gateway/submissions/${item(t)}` }),
      },
      'POST /api/v1/gateway/submissions/{id}/acknowledge': stepCell('acknowledge'),
      'POST /api/v1/gateway/submissions/{id}/assign': stepCell('assign', () => ({ assigneeId: ids.handler })),
      'POST /api/v1/gateway/submissions/{id}/investigate': stepCell('investigate'),
      'POST /api/v1/gateway/submissions/{id}/respond': stepCell('respond', () => ({ text: 'Matrix answer' })),
      'POST /api/v1/gateway/submissions/{id}/close': stepCell('close'),
      'POST /api/v1/gateway/submissions/{id}/messages': stepCell('messages', () => ({ text: 'Matrix reply' })),
      'POST /api/v1/gateway/submissions/{id}/refer': stepCell('refer', () => ({ organisationId: ids.own })),
      'POST /api/v1/gateway/submissions/{id}/reveal-requests': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({
          url: `/api/v1/gateway/submissions/${pick(t, ids.ownConfidential, ids.otherConfidential)}/reveal-requests`,
          body: { justification: 'Matrix justification' },
        }),
      },
      'POST /api/v1/gateway/reveal-requests/{id}/approve': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({
          url: `/api/v1/gateway/reveal-requests/${pick(t, ids.ownRequest, ids.otherRequest)}/approve`,
        }),
      },
      'POST /api/v1/gateway/reveal-requests/{id}/refuse': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({
          url: `/api/v1/gateway/reveal-requests/${pick(t, ids.ownRequest, ids.otherRequest)}/refuse`,
        }),
      },
      'GET /api/v1/gateway/submissions/{id}/contact': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({
          url: `/api/v1/gateway/submissions/${pick(t, ids.ownConfidential, ids.otherConfidential)}/contact`,
        }),
      },
      'GET /api/v1/gateway/routing-rules': { request: () => ({ url: '/api/v1/gateway/routing-rules' }) },
      'POST /api/v1/gateway/routing-rules': {
        request: () => ({
          url: '/api/v1/gateway/routing-rules',
          body: { organisationId: ids.own, kind: 'appeal', stateCode: 'QM', position: 50 },
        }),
      },
      'DELETE /api/v1/gateway/routing-rules/{id}': {
        request: () => ({ url: `/api/v1/gateway/routing-rules/${ids.rule}` }),
      },
    };
  },
};
