import type { Role } from '../../shared/vocabulary.ts';
import { registerPermissions } from '../platform/policy/permissions.ts';

/**
 * Who may do what in outcome monitoring. A household's answers and scores are for the organisation that owns the
 * household and the field organisation assigned its follow-up; a referral's receiving organisation sees what the
 * data-sharing agreement and the household's consent allow. Aggregates (dashboards) name nobody.
 */
export const outcomePermissions = {
  /** Read the instruments and their forms. */
  'instrument:read': [
    'coordinator',
    'case_worker',
    'protection_officer',
    'field_monitor',
    'verifier',
    'civil_society_watchdog',
    'auditor',
    'administrator',
  ],
  'instrument:import': ['coordinator', 'administrator'],
  /** See the follow-ups due and assign them to field organisations. */
  'followup:manage': ['coordinator', 'case_worker'],
  /** Do follow-ups: record attempts and answers, issue the household's link. */
  'followup:record': ['case_worker', 'field_monitor', 'coordinator', 'protection_officer'],
  /** Import answer files (returnees' rounds and residents' rounds). */
  'response:import': ['coordinator', 'field_monitor'],
  /** A household's answers, scores and alerts: personal data, access-logged. */
  'outcome:read': ['case_worker', 'protection_officer', 'coordinator'],
  /** Dashboards of aggregates by zone, cohort and round. */
  'outcome:dashboard': [
    'coordinator',
    'case_worker',
    'protection_officer',
    'field_monitor',
    'verifier',
    'civil_society_watchdog',
    'donor',
    'auditor',
  ],
  'alert:handle': ['case_worker', 'protection_officer', 'coordinator'],
  'referral:make': ['case_worker', 'protection_officer', 'coordinator'],
  /** Answer and follow the referrals an organisation receives. */
  'referral:receive': ['case_worker', 'protection_officer', 'coordinator', 'field_monitor'],
  /** Enter zone-level outcome aggregates in the zones module (with its `observation:create`). */
  'outcome:feed_zones': ['coordinator', 'field_monitor'],
} as const satisfies Record<string, readonly Role[]>;

export type OutcomePermission = keyof typeof outcomePermissions;

// Registered as soon as a service that asks for them is loaded (see zones/permissions.ts).
registerPermissions('outcomes', outcomePermissions);
