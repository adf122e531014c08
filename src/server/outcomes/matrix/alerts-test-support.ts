import { eq } from 'drizzle-orm';
import type { MatrixPart, Target } from '../../../../test/support/matrix.ts';
import { createTestAccount } from '../../platform/auth/test-support.ts';
import { dataSharingAgreements } from '../../platform/policy/schema.ts';
import {
  FALLING_ANSWERS,
  GOOD_ANSWERS,
  insertFollowedHousehold,
  insertTestConsent,
  insertTestInstrument,
  writeTestRound,
} from '../alerts-test-support.ts';
import { outcomeAlerts, outcomeReferrals } from '../tables.ts';

const ids = {
  ownHousehold: '',
  otherHousehold: '',
  ownAlert: '',
  otherAlert: '',
  ownReferral: '',
  otherReferral: '',
  own: '',
  other: '',
};
const pick = (target: Target, own: string, other: string) => (target === 'own' ? own : other);

/**
 * The authorization matrix's cells for alerts, referrals and the household timeline (see
 * ../../platform/policy/matrix.test.ts). All record-level: the callers' organisation sees the households it
 * follows and their alerts, the referrals it sent or received; another organisation's are not found. A referral
 * the callers make names their own organisation as the receiver (409), so nothing is created mid-run; the
 * referral they answer was received from the other organisation, so every role that receives referrals sees it.
 */
export const alertsMatrix: MatrixPart = {
  setup: async ({ env, own, other, third }) => {
    const db = env.database.db;
    const keyring = env.app.platform.keyring;
    ids.own = own;
    ids.other = other;
    const instrumentId = await insertTestInstrument(db);
    const followed = async (organisationId: string) => {
      const { userId } = await createTestAccount(env.app, { roles: ['case_worker'], organisationId });
      const household = await insertFollowedHousehold(db, keyring, { organisationId, userId });
      for (const [round, answers] of [
        [1, GOOD_ANSWERS],
        [3, FALLING_ANSWERS],
      ] as const) {
        await writeTestRound(db, keyring, household, { instrumentId, organisationId, round, answers });
      }
      const [alert] = await db
        .select({ id: outcomeAlerts.id })
        .from(outcomeAlerts)
        .where(eq(outcomeAlerts.householdId, household.householdId));
      return { household, alert: alert!.id, userId };
    };
    const mine = await followed(own);
    const theirs = await followed(other);
    ids.ownHousehold = mine.household.householdId;
    ids.otherHousehold = theirs.household.householdId;
    ids.ownAlert = mine.alert;
    ids.otherAlert = theirs.alert;
    const referral = async (from: typeof theirs, to: string) => {
      const [agreement] = await db
        .insert(dataSharingAgreements)
        .values({
          fromOrganisationId: from.household.householdId === theirs.household.householdId ? other : own,
          toOrganisationId: to,
          purpose: 'service_referral',
          dataCategories: ['outcome'],
          expiresAt: new Date(Date.now() + 86_400_000),
          createdBy: from.userId,
        })
        .returning({ id: dataSharingAgreements.id });
      const consentId = await insertTestConsent(db, from.household, from.userId);
      const [row] = await db
        .insert(outcomeReferrals)
        .values({
          householdId: from.household.householdId,
          fromOrganisationId: from.household.householdId === theirs.household.householdId ? other : own,
          toOrganisationId: to,
          service: 'health',
          consentId,
          agreementId: agreement!.id,
          dueOn: '2099-01-01',
          status: 'sent',
          createdBy: from.userId,
        })
        .returning({ id: outcomeReferrals.id });
      return row!.id;
    };
    // Received by the callers' organisation from the other; and one between two organisations not theirs.
    ids.ownReferral = await referral(theirs, own);
    ids.otherReferral = await referral(theirs, third);
  },
  cases: () => {
    const household = (t: Target) => pick(t, ids.ownHousehold, ids.otherHousehold);
    const alert = (t: Target) => pick(t, ids.ownAlert, ids.otherAlert);
    const referral = (t: Target) => pick(t, ids.ownReferral, ids.otherReferral);
    const own = { reach: 'own' as const, refusal: 404 as const };
    return {
      'GET /api/v1/outcomes/alerts': { request: () => ({ url: '/api/v1/outcomes/alerts?kind=score_drop' }) },
      'GET /api/v1/outcomes/alerts/{id}': { ...own, request: (t) => ({ url: `/api/v1/outcomes/alerts/${alert(t)}` }) },
      'POST /api/v1/outcomes/alerts/{id}/close': {
        ...own,
        request: (t) => ({ url: `/api/v1/outcomes/alerts/${alert(t)}/close`, body: { reason: 'resolved' } }),
      },
      'GET /api/v1/outcomes/referral-organisations': {
        request: () => ({ url: '/api/v1/outcomes/referral-organisations' }),
      },
      'GET /api/v1/outcomes/referrals': { request: () => ({ url: '/api/v1/outcomes/referrals?side=received' }) },
      'POST /api/v1/outcomes/referrals': {
        ...own,
        request: (t) => ({
          url: '/api/v1/outcomes/referrals',
          body: {
            householdId: household(t),
            service: 'health',
            toOrganisationId: ids.own,
            consentId: '0190aaaa-0000-7000-8000-000000000000',
            dueOn: '2099-01-01',
          },
        }),
      },
      'GET /api/v1/outcomes/referrals/{id}': {
        ...own,
        request: (t) => ({ url: `/api/v1/outcomes/referrals/${referral(t)}` }),
      },
      'POST /api/v1/outcomes/referrals/{id}/updates': {
        ...own,
        request: (t) => ({ url: `/api/v1/outcomes/referrals/${referral(t)}/updates`, body: { status: 'accepted' } }),
      },
      'GET /api/v1/outcomes/households/{householdId}': {
        ...own,
        request: (t) => ({ url: `/api/v1/outcomes/households/${household(t)}` }),
      },
    };
  },
};
