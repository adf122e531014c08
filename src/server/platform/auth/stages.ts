import type { SessionStage } from './schema.ts';

export interface AccountStanding {
  totpEnabled: boolean;
  /** One of the person's roles sees personal data (ROLES_REQUIRING_TOTP). */
  totpRequired: boolean;
  passwordChangeRequired: boolean;
}

/**
 * The step a sign-in must take next: the TOTP code (when two-factor is on and no code was given yet), then
 * enrolment (when a role requires two-factor and it is not set up), then a new password (after a one-time
 * password), and only then an active session.
 */
export function nextStage(account: AccountStanding, secondFactorDone: boolean): SessionStage {
  if (account.totpEnabled && !secondFactorDone) return 'totp';
  if (!account.totpEnabled && account.totpRequired) return 'enrolment';
  if (account.passwordChangeRequired) return 'password_change';
  return 'active';
}

/** What the sign-in routes answer for each stage, for the sign-in screens to show the right next step. */
export const SIGN_IN_STATUS = {
  totp: 'totp_required',
  enrolment: 'totp_enrolment_required',
  password_change: 'password_change_required',
  active: 'signed_in',
} as const satisfies Record<SessionStage, string>;
export type SignInStatus = (typeof SIGN_IN_STATUS)[SessionStage];
