import { asc, eq, sql } from 'drizzle-orm';
import type { HouseholdTimeline } from '../../shared/outcomes/schemas/households.ts';
import { householdReferences } from '../cases/consent-check.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import type { RequestContext } from '../platform/context.ts';
import { authorize } from '../platform/policy/policy.ts';
import { householdRounds } from './alerts.ts';
import './permissions.ts';
import { presentAlert, presentRound } from './presenters/alerts.ts';
import { followedHousehold, outcomeNotFound } from './reach.ts';
import { householdReferrals } from './referrals.ts';
import { explainScores } from './rules/scores.ts';
import { outcomeAlerts, outcomeFollowUps, outcomeResponses } from './tables.ts';

/**
 * A returned household's outcome timeline: each round with its scores, its own indicators and what decided them,
 * the alerts its rounds raised and the referrals made. For the organisation that owns the household's follow-ups
 * or is assigned one; to any other the household is not found. Every read is access-logged.
 */
export async function householdTimeline(
  ctx: RequestContext,
  householdId: string,
  now = new Date(),
): Promise<HouseholdTimeline> {
  const actor = authorize(ctx, 'outcome:read');
  const weights = ctx.platform.config.outcomeScoreWeights;
  return inTransaction(ctx.db, async (tx) => {
    const [followed] = await tx
      .select({ id: outcomeFollowUps.id })
      .from(outcomeFollowUps)
      .where(sql`${eq(outcomeFollowUps.householdId, householdId)} and ${followedHousehold(actor, householdId)}`)
      .limit(1);
    if (!followed) throw outcomeNotFound('outcome_household');
    const [rounds, alerts, references] = await Promise.all([
      householdRounds(tx, householdId),
      tx
        .select({
          alert: outcomeAlerts,
          pcode: outcomeResponses.pcode,
          round: outcomeResponses.round,
          collectedOn: outcomeResponses.collectedOn,
        })
        .from(outcomeAlerts)
        .innerJoin(outcomeResponses, eq(outcomeResponses.id, outcomeAlerts.responseId))
        .where(
          sql`${eq(outcomeAlerts.householdId, householdId)} and ${eq(outcomeAlerts.organisationId, actor.organisationId)}`,
        )
        .orderBy(asc(outcomeAlerts.raisedAt)),
      householdReferences(tx, [householdId]),
    ]);
    await recordAccess(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      recordType: 'outcome_response',
      recordId: rounds.map((round) => round.id),
      purpose: 'post_return_monitoring',
    });
    const referrals = await householdReferrals(ctx, tx, actor, householdId, now);
    const reference = references.get(householdId) ?? null;
    return {
      householdId,
      reference,
      rounds: rounds.map((round) => ({
        ...presentRound(round),
        indicators: round.indicators,
        explanation: explainScores(round.indicators, weights),
      })),
      alerts: alerts.map((row) => presentAlert(row.alert, row, reference)),
      referrals,
    };
  });
}
