import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../shared/vocabulary.ts';
import { householdHeadId, standingConsents } from '../cases/consent-check.ts';
import { recordConsent } from '../cases/consents.ts';
import type { Config } from '../config.ts';
import type { Actor, Platform, RequestContext } from '../platform/context.ts';
import type { DemoContext } from '../platform/module.ts';
import { findAgreementInForce } from '../platform/policy/policy.ts';
import { createAgreement } from '../platform/policy/service.ts';
import { makeReferral, updateReferral } from './referrals.ts';
import { outcomeAlerts, outcomeReferrals } from './tables.ts';

/**
 * The demo's consented referrals, made from the alerts the demo's falling households raised through the response
 * writer: the household's `service_referral` consent recorded through the cases module's service, a data-sharing
 * agreement from the households' organisation to the civil-society network (its field team receives the
 * referrals), and referrals through the same service the staff screens call: some answered and completed, one
 * declined, one past its deadline with no answer. Idempotent: once the demo holds referrals it adds none.
 */
const SERVICES = ['livelihoods', 'mhpss', 'health', 'legal_aid', 'shelter'] as const;
const DAY = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

function demoContext(
  context: DemoContext,
  account: { userId: string; organisationId: string },
  roles: Role[],
): RequestContext {
  const actor: Actor = {
    userId: account.userId,
    sessionId: 'demo',
    organisationId: account.organisationId,
    roles,
    memberships: [{ organisationId: account.organisationId, roles }],
  };
  const platform = { keyring: context.keyring, config: {} as Config } as Platform;
  return { db: context.db, actor, requestId: 'demo', language: 'en', platform };
}

/** How many falling households the demo refers (each by its first alert). */
export const DEMO_REFERRED_HOUSEHOLDS = 8;

export async function loadDemoReferrals(
  context: DemoContext,
  { households = DEMO_REFERRED_HOUSEHOLDS }: { households?: number } = {},
): Promise<{ referrals: number }> {
  const [existing] = await context.db.select({ n: count() }).from(outcomeReferrals);
  if ((existing?.n ?? 0) > 0) return { referrals: existing!.n };
  const caseWorker = context.people.case_worker;
  const receiver = context.accounts.field_monitor_cso;
  if (!caseWorker || !receiver || receiver.organisationId === caseWorker.organisationId) return { referrals: 0 };
  const alerts = await context.db
    .select({ id: outcomeAlerts.id, householdId: outcomeAlerts.householdId })
    .from(outcomeAlerts)
    .where(
      and(
        eq(outcomeAlerts.organisationId, caseWorker.organisationId),
        eq(outcomeAlerts.status, 'open'),
        inArray(outcomeAlerts.kind, ['score_drop', 'distress', 'child_out_of_school']),
      ),
    )
    .orderBy(asc(outcomeAlerts.raisedAt), asc(outcomeAlerts.id))
    .limit(200);
  // One referral per household: its first alert. The household after them has consented and waits.
  const firstAlerts = [...new Map(alerts.map((alert) => [alert.householdId, alert])).values()];
  const chosen = firstAlerts.slice(0, households);
  const waiting = firstAlerts[households];
  if (chosen.length === 0) return { referrals: 0 };

  const worker = demoContext(context, caseWorker, ['case_worker']);
  const field = demoContext(context, receiver, ['field_monitor']);
  const now = context.now;
  if (
    !(await findAgreementInForce(
      context.db,
      caseWorker.organisationId,
      receiver.organisationId,
      'outcome',
      'service_referral',
    ))
  ) {
    // Signed on the households' organisation's behalf (in the demo, by its case worker's account as administrator).
    await createAgreement(demoContext(context, caseWorker, ['administrator']), {
      toOrganisationId: receiver.organisationId,
      purpose: 'service_referral',
      dataCategories: ['outcome'],
      expiresAt: new Date(now.getTime() + 365 * DAY).toISOString(),
    });
  }
  const consentOf = async (householdId: string) => {
    const [standing] = await standingConsents(context.db, householdId, 'service_referral');
    if (standing) return standing;
    const personId = await householdHeadId(context.db, householdId);
    if (!personId) return undefined;
    const recorded = await recordConsent(
      worker,
      householdId,
      { personId, purpose: 'service_referral', givenOn: day(new Date(now.getTime() - 20 * DAY)), channel: 'phone' },
      now,
    );
    return { id: recorded.id, personId, givenOn: recorded.givenOn };
  };
  let made = 0;
  for (const [index, alert] of chosen.entries()) {
    const consent = await consentOf(alert.householdId);
    if (!consent) continue;
    // The last one was made a month ago, due two weeks later, and nobody has answered: overdue.
    const overdue = index === chosen.length - 1;
    const madeAt = overdue ? new Date(now.getTime() - 30 * DAY) : new Date(now.getTime() - (10 - index) * DAY);
    const referral = await makeReferral(
      worker,
      {
        alertId: alert.id,
        householdId: alert.householdId,
        service: SERVICES[index % SERVICES.length]!,
        toOrganisationId: receiver.organisationId,
        consentId: consent.id,
        dueOn: day(new Date(madeAt.getTime() + 14 * DAY)),
        note: 'Household agreed to be contacted by phone in the afternoon.',
      },
      madeAt,
    );
    made += 1;
    if (overdue) continue;
    const answeredAt = new Date(madeAt.getTime() + 2 * DAY);
    if (index % 4 === 3) {
      await updateReferral(
        field,
        referral.id,
        { status: 'declined', note: 'No capacity in this district until next month.' },
        answeredAt,
      );
      continue;
    }
    await updateReferral(field, referral.id, { status: 'accepted' }, answeredAt);
    if (index % 2 === 0) {
      await updateReferral(
        field,
        referral.id,
        { status: 'completed', note: 'Service given; follow-up visit planned.' },
        new Date(answeredAt.getTime() + 4 * DAY),
      );
    }
  }
  if (waiting) await consentOf(waiting.householdId);
  return { referrals: made };
}
