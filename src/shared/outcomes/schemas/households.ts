import { z } from 'zod';
import { AlertSummary, RoundScores } from './alerts.ts';
import { ReferralView } from './referrals.ts';

/** A returned household's outcome timeline: its rounds with their scores and why, its alerts and referrals. */

export const ScoreFactor = z.object({
  item: z.string(),
  answer: z.union([z.number(), z.string(), z.null()]),
  value: z.number(),
  weight: z.number(),
  contribution: z.number(),
  shortfall: z.number(),
});

const Explained = z.object({ score: z.number().nullable(), factors: z.array(ScoreFactor) });

export const ScoreExplanation = z.object({
  economic: Explained,
  social: Explained,
  psychosocial: Explained,
  composite: Explained,
  familyUnity: Explained,
  servicesAccess: Explained,
});

export const TimelineRound = RoundScores.extend({
  /** The coded answers the scores read: codes and numbers, never free text. */
  indicators: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  explanation: ScoreExplanation,
});
export type TimelineRound = z.infer<typeof TimelineRound>;

export const HouseholdTimeline = z.object({
  householdId: z.uuid(),
  reference: z.string().nullable(),
  rounds: z.array(TimelineRound),
  alerts: z.array(AlertSummary),
  referrals: z.array(ReferralView),
});
export type HouseholdTimeline = z.infer<typeof HouseholdTimeline>;
