import { z } from 'zod';
import { OUTCOMES } from '../constants.ts';

/**
 * The public outcome figures: how returned households fare after return, by state, cohort (month of return) and
 * round, beside the non-displaced residents of the same state and round. Counts and means only, after disclosure
 * control: a count is null when hidden (under the threshold, or hidden with one so that it cannot be worked out),
 * and a mean is null unless at least the threshold of households gave it.
 */
const Count = z.number().int().nonnegative().nullable();
const Mean = z.number().min(0).max(1).nullable();

export const PublicOutcomeMeans = z.object({
  outcome: z.enum(OUTCOMES),
  returnees: Mean,
  residents: Mean,
});
export type PublicOutcomeMeans = z.infer<typeof PublicOutcomeMeans>;

export const PublicOutcomeCell = z.object({
  round: z.number().int(),
  returnees: Count,
  residents: Count,
  outcomes: z.array(PublicOutcomeMeans),
});
export type PublicOutcomeCell = z.infer<typeof PublicOutcomeCell>;

export const PublicOutcomeFigures = z.object({
  threshold: z.number().int().positive(),
  /** The names of the states the figures name, by state code. */
  stateNames: z.record(z.string(), z.record(z.string(), z.string())),
  states: z.array(
    z.object({
      stateCode: z.string(),
      /** Every cohort together, round by round. */
      rounds: z.array(PublicOutcomeCell),
      /** Newest cohort first. */
      cohorts: z.array(z.object({ cohort: z.string(), rounds: z.array(PublicOutcomeCell) })),
    }),
  ),
});
export type PublicOutcomeFigures = z.infer<typeof PublicOutcomeFigures>;
