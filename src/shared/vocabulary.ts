/** Vocabulary shared by the server and the web application. */

export const ORGANISATION_KINDS = [
  'monitoring_centre',
  'state_agency',
  'un_agency',
  'civil_society',
  'independent_monitor',
  'donor',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'administrator',
  'coordinator',
  'case_worker',
  'protection_officer',
  'field_monitor',
  'verifier',
  'civil_society_watchdog',
  'donor',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose work shows them personal data: their accounts must use two-factor sign-in. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [
  'administrator',
  'coordinator',
  'case_worker',
  'protection_officer',
  'auditor',
];

export const LANGUAGES = ['en', 'ar', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const RTL_LANGUAGES: readonly string[] = ['ar', 'ckb', 'fa', 'ps'];

/** ISO 3166-1 alpha-2 style codes; the demo uses user-assigned codes (XA, XB, XC) that name no real country. */
export const STATE_CODE = /^[A-Z]{2}$/;

/**
 * Why one organisation may see another's data: the purposes a data-sharing agreement (and a person's consent)
 * names. A purpose is matched exactly, so consent records and agreements share this list.
 */
export const SHARING_PURPOSES = [
  'case_management',
  'protection',
  'return_assistance',
  'post_return_monitoring',
  'service_referral',
  'registry_continuity',
  'incident_accountability',
  'statistics',
] as const;
export type SharingPurpose = (typeof SHARING_PURPOSES)[number];

/** Kinds of personal data a data-sharing agreement may cover; each module files its records under one. */
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'household',
  'case',
  'protection',
  'health',
  'education',
  'location',
  'incident',
  'grievance',
  'outcome',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * The platform's audit event types: accounts, agreements, the log itself and the keys. Their detail schemas are
 * in src/server/platform/<part>/events.ts, which the compiler holds to this list; each module lists its own
 * beside its vocabulary (e.g. ZONE_AUDIT_EVENTS).
 */
export const PLATFORM_AUDIT_EVENTS = [
  'account.organisation_created',
  'account.organisation_updated',
  'account.user_created',
  'account.user_deactivated',
  'account.user_reactivated',
  'account.two_factor_enabled',
  'account.two_factor_reset',
  'account.password_changed',
  'account.membership_added',
  'account.membership_removed',
  'agreement.created',
  'agreement.revoked',
  'audit.signing_key_created',
  'audit.checkpoint_signed',
  'audit.access_log_anchored',
  'crypto.master_key_rotated',
] as const;
export type PlatformAuditEventType = (typeof PLATFORM_AUDIT_EVENTS)[number];
