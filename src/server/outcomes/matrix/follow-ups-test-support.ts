import { eq } from 'drizzle-orm';
import type { MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { insertTestArrival } from '../../cases/follow-up-schedule-test-support.ts';
import { insertTestHousehold } from '../../cases/test-support.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { addDays, dayOf, openDueFollowUps } from '../follow-ups.ts';
import { insertTestInstrument } from '../follow-ups-test-support.ts';
import { outcomeFollowUps } from '../tables.ts';

const ids = { own: '', ownFollowUp: '', otherFollowUp: '', instrument: '' };
const pick = (target: Target, own: string, other: string) => (target === 'own' ? own : other);

/**
 * The authorization matrix's cells for outcome follow-ups and recording answers (see
 * ../../platform/policy/matrix.test.ts). A follow-up is record-level: the callers' organisation owns one, and the
 * other organisation's is not found. Steps out of order (an attempt before assignment, a step after it was lost)
 * answer 409, which the matrix counts as allowed.
 */
export const followUpsMatrix: MatrixPart = {
  setup: async ({ env, own, other }) => {
    const db = env.database.db;
    ids.own = own;
    const today = dayOf(new Date());
    const followUpOf = async (organisationId: string) => {
      const recorder = await createTestAccount(env.app, { roles: ['case_worker'], organisationId });
      const household = await insertTestHousehold(db, env.app.platform.keyring, { organisationId });
      await insertTestArrival(db, household, addDays(today, -20), recorder.userId);
      await openDueFollowUps(db, env.app.platform.keyring, today, 14);
      const [row] = await db
        .select({ id: outcomeFollowUps.id })
        .from(outcomeFollowUps)
        .where(eq(outcomeFollowUps.householdId, household.id));
      return row!.id;
    };
    ids.ownFollowUp = await followUpOf(own);
    ids.otherFollowUp = await followUpOf(other);
    ids.instrument = await insertTestInstrument(db);
  },
  cases: () => {
    const followUp = (t: Target) => pick(t, ids.ownFollowUp, ids.otherFollowUp);
    const answers = { consent_interview: 'yes', head_sex: 'female', head_age: 40 };
    const stepCell = (path: string, body: () => unknown = () => ({})) => ({
      reach: 'own' as const,
      refusal: 404 as const,
      request: (t: Target) => ({ url: `/api/v1/outcomes/follow-ups/${followUp(t)}/${path}`, body: body() }),
    });
    return {
      'GET /api/v1/outcomes/follow-ups': { request: () => ({ url: '/api/v1/outcomes/follow-ups' }) },
      'GET /api/v1/outcomes/follow-up-organisations': {
        request: () => ({ url: '/api/v1/outcomes/follow-up-organisations' }),
      },
      'GET /api/v1/outcomes/follow-ups/{id}': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({ url: `/api/v1/outcomes/follow-ups/${followUp(t)}` }),
      },
      'GET /api/v1/outcomes/follow-ups/{id}/form': {
        reach: 'own',
        refusal: 404,
        request: (t) => ({ url: `/api/v1/outcomes/follow-ups/${followUp(t)}/form` }),
      },
      'POST /api/v1/outcomes/follow-ups/{id}/assignment': stepCell('assignment', () => ({
        organisationId: ids.own,
        mode: 'phone',
      })),
      'POST /api/v1/outcomes/follow-ups/{id}/attempts': stepCell('attempts', () => ({ reached: false })),
      'POST /api/v1/outcomes/follow-ups/{id}/link': stepCell('link'),
      'POST /api/v1/outcomes/follow-ups/{id}/responses': stepCell('responses', () => ({
        answers,
        collectedOn: dayOf(new Date()),
      })),
      'POST /api/v1/outcomes/follow-ups/{id}/lost': stepCell('lost', () => ({ reason: 'declined' })),
      'POST /api/v1/outcomes/responses': {
        request: () => ({
          url: '/api/v1/outcomes/responses',
          body: { instrumentId: ids.instrument, pcode: 'QM0101', round: 1, answers, collectedOn: dayOf(new Date()) },
        }),
      },
    };
  },
};
