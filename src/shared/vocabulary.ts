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
