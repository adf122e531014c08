import { ROLES, type Role } from '../../../shared/vocabulary.ts';

/**
 * Every permission in Homeward and the roles that hold it. This table is the only place that knows who may
 * do what; services ask `can`/`authorize` (policy.ts) and routes declare the permission they need.
 */
export const PERMISSIONS = {
  'organisation:read': ['administrator', 'coordinator', 'auditor'],
  'organisation:manage': ['administrator'],
  'user:read': ['administrator', 'auditor'],
  'user:manage': ['administrator'],
  'agreement:read': ['administrator', 'coordinator', 'auditor'],
  'agreement:manage': ['administrator'],
  'audit:read': ['administrator', 'auditor', 'coordinator', 'verifier', 'civil_society_watchdog', 'donor'],
  'audit:details': ['auditor'],
  'audit:verify': ['administrator', 'auditor'],
  'access-log:read': ['administrator', 'auditor'],
  /** Zones, observations and classes are no one's personal data: every staff role reads them. */
  'zone:read': ROLES,
  'zone:manage': ['administrator', 'coordinator'],
  'framework:manage': ['coordinator'],
  'observation:create': ['field_monitor', 'coordinator'],
  'observation:verify': ['verifier'],
  'zone:assess': ['coordinator'],
  'zone:publish': ['coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route declares: a permission, any signed-in person, or everyone (public routes). */
export type RouteAccess = Permission | 'authenticated' | 'public';
