import { z } from 'zod';
import { OBSERVATION_STATUSES } from '../../zones/constants.ts';
import { PCode, Period } from '../../zones/schemas.ts';

/**
 * The zones feed: zone-level aggregates of the returned households' answers in a month, entered as observations
 * of the zones framework's indicators that mean the same thing (see server/outcomes/zone-feed.ts).
 */
export const ZONE_FEED_INDICATORS = ['food_consumption', 'water_access', 'adequate_shelter'] as const;
export type ZoneFeedIndicator = (typeof ZONE_FEED_INDICATORS)[number];

export const ZoneFeedRequest = z.strictObject({ pcode: PCode, period: Period });
export type ZoneFeedRequest = z.infer<typeof ZoneFeedRequest>;

export const ZoneFeedResult = z.object({
  pcode: z.string(),
  period: z.string(),
  entries: z.array(
    z.object({
      indicator: z.enum(ZONE_FEED_INDICATORS),
      /** Percent of the households that answered the questions behind it. */
      value: z.number(),
      respondents: z.number().int(),
      observationId: z.uuid(),
      status: z.enum(OBSERVATION_STATUSES),
      /** `recorded` the first time, `corrected` when the month's value changed since, `unchanged` otherwise. */
      change: z.enum(['recorded', 'corrected', 'unchanged']),
    }),
  ),
  /** Indicators too few households answered to enter (fewer than the disclosure threshold). */
  skipped: z.array(z.object({ indicator: z.enum(ZONE_FEED_INDICATORS), respondents: z.number().int() })),
});
export type ZoneFeedResult = z.infer<typeof ZoneFeedResult>;
