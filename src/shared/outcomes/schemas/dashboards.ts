import { z } from 'zod';
import { Month } from '../../dates.ts';
import { HEAD_AGE_GROUPS, HEAD_SEXES, OUTCOMES, ROUNDS } from '../constants.ts';

/**
 * The outcome dashboard: aggregates only, never a household. Means of each outcome (the scores on 0–1, family
 * unity and access to services) by zone, cohort (month of return) and round, with the non-displaced residents of
 * the same zone and round beside them and the gap, optionally split by the head of household's sex, age group or
 * disability.
 */
export const DASHBOARD_SPLITS = ['sex', 'age', 'disability'] as const;
export type DashboardSplit = (typeof DASHBOARD_SPLITS)[number];

const Round = z.coerce
  .number()
  .int()
  .refine((value) => (ROUNDS as readonly number[]).includes(value), { message: 'a round is 1, 3, 6 or 12' });

export const DashboardQuery = z.strictObject({
  /** A state's code (`QM`). */
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** A zone's P-code: the zone and every zone inside it. */
  pcode: z
    .string()
    .regex(/^[A-Z]{2}[0-9]{0,12}$/)
    .optional(),
  round: Round.optional(),
  /** Returnees of one month of return, `YYYY-MM`. */
  cohort: Month.optional(),
  by: z.enum(DASHBOARD_SPLITS).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The group of a split: a sex, an age group, or `yes`/`no` for disability; null without a split. */
export const DASHBOARD_GROUPS = [...HEAD_SEXES, ...HEAD_AGE_GROUPS, 'yes', 'no'] as const;

const Households = z.object({
  households: z.number().int().nonnegative(),
  /** Fewer households than the disclosure threshold: shown to staff, never published. */
  belowThreshold: z.boolean(),
});

export const DashboardOutcome = z.object({
  outcome: z.enum(OUTCOMES),
  /** Mean on 0–1 of the returnees' households that have a value, or null when none has. */
  returnees: z.number().nullable(),
  residents: z.number().nullable(),
  /** Returnees minus residents: below zero, returnees fare worse than the people who never left. */
  gap: z.number().nullable(),
});
export type DashboardOutcome = z.infer<typeof DashboardOutcome>;

export const DashboardRow = z.object({
  pcode: z.string(),
  zoneName: z.record(z.string(), z.string()).nullable(),
  stateCode: z.string(),
  cohort: z.string(),
  round: z.number().int(),
  group: z.enum(DASHBOARD_GROUPS).nullable(),
  returnees: Households,
  /** Residents of the same zone and round (and group), whatever the cohort. */
  residents: Households,
  outcomes: z.array(DashboardOutcome),
});
export type DashboardRow = z.infer<typeof DashboardRow>;

export const Dashboard = z.object({
  threshold: z.number().int().positive(),
  by: z.enum(DASHBOARD_SPLITS).nullable(),
  rows: z.array(DashboardRow),
  /** Every round's means over the rows shown, for the chart by round. */
  byRound: z.array(
    z.object({
      round: z.number().int(),
      returnees: Households,
      residents: Households,
      outcomes: z.array(DashboardOutcome),
    }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
