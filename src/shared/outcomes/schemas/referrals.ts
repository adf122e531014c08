import { z } from 'zod';
import { Day, Timestamp } from '../../dates.ts';
import { REFERRAL_NOTE_MAX, REFERRAL_SIDES } from '../alert-constants.ts';
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from '../constants.ts';

/**
 * Referrals of a household to a service: made by the organisation that owns the household, with the household's
 * `service_referral` consent and an agreement in force; answered and followed by the receiving organisation.
 */

/** What a member of staff typed: trimmed, at most REFERRAL_NOTE_MAX characters. */
const Note = z.string().trim().max(REFERRAL_NOTE_MAX);

export const MakeReferralRequest = z.strictObject({
  alertId: z.uuid().optional(),
  householdId: z.uuid(),
  service: z.enum(REFERRAL_SERVICES),
  toOrganisationId: z.uuid(),
  consentId: z.uuid(),
  dueOn: Day,
  note: Note.optional(),
});

export const ReferralListQuery = z.strictObject({
  /** By default those sent, for whoever may make referrals; those received for the others. */
  side: z.enum(REFERRAL_SIDES).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ReferralUpdateView = z.object({
  status: z.enum(REFERRAL_STATUSES),
  note: z.string().nullable(),
  at: Timestamp,
});

export const ReferralView = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  reference: z.string().nullable(),
  alertId: z.uuid().nullable(),
  service: z.enum(REFERRAL_SERVICES),
  fromOrganisationId: z.uuid(),
  fromOrganisation: z.string(),
  toOrganisationId: z.uuid(),
  toOrganisation: z.string(),
  dueOn: Day,
  status: z.enum(REFERRAL_STATUSES),
  overdue: z.boolean(),
  note: z.string().nullable(),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  /** Each step with what was said, earliest first. */
  updates: z.array(ReferralUpdateView),
});
export type ReferralView = z.infer<typeof ReferralView>;

export const ReferralPage = z.object({ total: z.number().int(), items: z.array(ReferralView) });
export type ReferralPage = z.infer<typeof ReferralPage>;

export const UpdateReferralRequest = z.strictObject({
  status: z.enum(['accepted', 'declined', 'completed', 'not_completed']),
  note: Note.optional(),
});

/** An organisation a referral may go to: one with an agreement in force for service referrals of outcome data. */
export const ReferralTarget = z.object({ id: z.uuid(), name: z.string() });
export type ReferralTarget = z.infer<typeof ReferralTarget>;
