/**
 * The alerts', referrals' and household timeline's vocabulary beside the module's constants (constants.ts): why an
 * alert is closed, the referral steps the receiving organisation takes, and the limits of what staff type.
 */

/** Why an alert is closed without (or after) a referral. */
export const ALERT_CLOSE_REASONS = [
  'resolved',
  'referred_elsewhere',
  'not_confirmed',
  'household_declined_help',
  'duplicate',
  'other',
] as const;
export type AlertCloseReason = (typeof ALERT_CLOSE_REASONS)[number];

/** What the receiving organisation may answer at each status of a referral. */
export const REFERRAL_NEXT = {
  sent: ['accepted', 'declined'],
  accepted: ['completed', 'not_completed'],
  declined: [],
  completed: [],
  not_completed: [],
} as const;

/** Statuses at which a referral is still in progress (and can be overdue). */
export const REFERRAL_OPEN_STATUSES = ['sent', 'accepted'] as const;

/** The longest note on a referral or its outcome. */
export const REFERRAL_NOTE_MAX = 2000;

/** Which referrals a list shows: those the organisation sent, or those it received. */
export const REFERRAL_SIDES = ['sent', 'received'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];
