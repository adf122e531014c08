import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import { ALERT_CLOSE_REASONS } from '../alert-constants.ts';
import { ALERT_KINDS, ALERT_STATUSES } from '../constants.ts';

/** The alerts queue of the organisation that owns the households: open first, oldest first. */

const Pcode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}[A-Z0-9]{0,22}$/);

export const AlertListQuery = z.strictObject({
  kind: z.enum(ALERT_KINDS).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  /** A zone, or any zone under it (a state's or district's P-code prefix). */
  pcode: Pcode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Codes and numbers that explain an alert (the scores before and after, the threshold). */
export const AlertDetail = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const AlertSummary = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  reference: z.string().nullable(),
  kind: z.enum(ALERT_KINDS),
  detail: AlertDetail,
  status: z.enum(ALERT_STATUSES),
  pcode: z.string(),
  round: z.number().int(),
  collectedOn: Day,
  raisedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  closeReason: z.enum(ALERT_CLOSE_REASONS).nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummary>;

export const AlertPage = z.object({ total: z.number().int(), items: z.array(AlertSummary) });
export type AlertPage = z.infer<typeof AlertPage>;

/** A round's scores, as the alert page and the timeline show them. */
export const RoundScores = z.object({
  responseId: z.uuid(),
  round: z.number().int(),
  collectedOn: Day,
  economic: z.number().nullable(),
  social: z.number().nullable(),
  psychosocial: z.number().nullable(),
  composite: z.number().nullable(),
  familyUnity: z.number().nullable(),
  servicesAccess: z.number().nullable(),
});
export type RoundScores = z.infer<typeof RoundScores>;

export const AlertConsent = z.object({ id: z.uuid(), givenOn: Day });

export const AlertView = AlertSummary.extend({
  /** The household's rounds, earliest first. */
  rounds: z.array(RoundScores),
  /** The household's standing consent records for a service referral, for the refer dialog. */
  referralConsents: z.array(AlertConsent),
});
export type AlertView = z.infer<typeof AlertView>;

export const CloseAlertRequest = z.strictObject({ reason: z.enum(ALERT_CLOSE_REASONS) });
