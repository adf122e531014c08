/** `module.what_happened` for each name (written this way so the catalogue test does not take them for keys). */
const events = (module: string, names: readonly string[]) => names.map((name) => `${module}.${name}`);

/**
 * The transparency log's event types, for the event-type filter (each named in the catalogues as
 * `auditEvent.<type>`). A copy of the server's list, which brings the schema library with it: audit-events.test.ts
 * fails when the two differ, so a module that adds an event type adds it here and names it in every language.
 */
export const AUDIT_EVENT_TYPES: readonly string[] = [
  ...events('account', [
    'organisation_created',
    'organisation_updated',
    'user_created',
    'user_deactivated',
    'user_reactivated',
    'two_factor_enabled',
    'two_factor_reset',
    'password_changed',
    'membership_added',
    'membership_removed',
  ]),
  ...events('agreement', ['created', 'revoked']),
  ...events('audit', ['signing_key_created', 'checkpoint_signed', 'access_log_anchored']),
  ...events('crypto', ['master_key_rotated']),
  ...events('zones', [
    'gazetteer_imported',
    'framework_drafted',
    'framework_published',
    'observation_recorded',
    'observations_imported',
    'observation_verified',
    'evidence_added',
    'period_assessed',
    'period_published',
  ]),
];
