import { randomUUID } from 'node:crypto';
import type { MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { decidedTestDecision } from '../appeals-test-support.ts';
import { caseAppeals } from '../tables.ts';

const ids = {
  ownHousehold: '',
  otherHousehold: '',
  ownDecision: '',
  otherDecision: '',
  reviewer: '',
  ownAppeal: '',
  otherAppeal: '',
};
const pick = (target: Target, own: string, other: string) => (target === 'own' ? own : other);

/**
 * The authorization matrix's cells for the cases module's appeals operations (see
 * ../../platform/policy/matrix.test.ts). The third organisation has an appeal reviewer, so lodging on the
 * callers' decision names it; the callers' organisation reviews an appeal of the third's decision (own), and
 * may not touch one of the other organisation's household, reviewed by the third (other).
 */
export const appealsMatrix: MatrixPart = {
  setup: async ({ env, own, other, third }) => {
    const setup = { db: env.database.db, keyring: env.app.platform.keyring, config: env.config };
    const reviewer = await createTestAccount(env.app, { roles: ['coordinator'], organisationId: third });
    ids.reviewer = third;
    const decided = async (organisationId: string) =>
      decidedTestDecision(setup, { organisationId, actor: { userId: reviewer.userId, organisationId: third } });
    const ownCase = await decided(own);
    const otherCase = await decided(other);
    ids.ownHousehold = ownCase.householdId;
    ids.ownDecision = ownCase.decisionId;
    ids.otherHousehold = otherCase.householdId;
    ids.otherDecision = otherCase.decisionId;
    const appeal = async (decision: { householdId: string; decisionId: string }, reviewerOrganisationId: string) => {
      const [row] = await env.database.db
        .insert(caseAppeals)
        .values({
          decisionId: decision.decisionId,
          householdId: decision.householdId,
          lodgedBy: 'person',
          groundsEnc: await env.app.platform.keyring.encrypt(env.database.db, 'narrative', 'matrix'),
          reviewerOrganisationId,
          dueOn: '2030-01-01',
          status: 'pending',
          recordedBy: reviewer.userId,
        })
        .returning({ id: caseAppeals.id });
      return row!.id;
    };
    ids.ownAppeal = await appeal(await decided(third), own);
    ids.otherAppeal = await appeal(await decided(other), third);
  },
  cases: () => ({
    'GET /api/v1/cases/households/{id}/appeals': {
      reach: 'own',
      request: (t) => ({ url: `/api/v1/cases/households/${pick(t, ids.ownHousehold, ids.otherHousehold)}/appeals` }),
    },
    'GET /api/v1/cases/appeal-reviewers': { request: () => ({ url: '/api/v1/cases/appeal-reviewers' }) },
    'POST /api/v1/cases/decisions/{id}/appeals': {
      reach: 'own',
      request: (t) => ({
        url: `/api/v1/cases/decisions/${pick(t, ids.ownDecision, ids.otherDecision)}/appeals`,
        body: { lodgedBy: 'person', grounds: 'Matrix grounds', reviewerOrganisationId: ids.reviewer },
      }),
    },
    'GET /api/v1/cases/appeals': { request: () => ({ url: '/api/v1/cases/appeals' }) },
    'POST /api/v1/cases/appeals/{id}/review': {
      reach: 'own',
      request: (t) => ({
        url: `/api/v1/cases/appeals/${pick(t, ids.ownAppeal, ids.otherAppeal)}/review`,
        body: { outcome: 'upheld', reasons: 'Matrix review' },
      }),
    },
    'POST /api/v1/public/cases/status': {
      request: () => ({ url: '/api/v1/public/cases/status', body: { reference: 'HW-2222-2222', code: randomUUID() } }),
    },
    'GET /api/v1/public/cases/timelines': { request: () => ({ url: '/api/v1/public/cases/timelines' }) },
  }),
};
