import { ROLES, type Role } from '../../shared/vocabulary.ts';
import { registerPermissions } from '../platform/policy/permissions.ts';

/** Who may do what in the return-zones module: the roles that hold each permission. */
export const zonePermissions = {
  /** Zones, observations and classes are no one's personal data: every staff role reads them. */
  'zone:read': ROLES,
  'zone:manage': ['administrator', 'coordinator'],
  'framework:manage': ['coordinator'],
  'observation:create': ['field_monitor', 'coordinator'],
  'observation:verify': ['verifier'],
  'zone:assess': ['coordinator'],
  'zone:publish': ['coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type ZonePermission = keyof typeof zonePermissions;

// Registered as soon as a service that asks for them is loaded (the CLI and benchmarks call services without
// the HTTP app); installModules registers the same table again.
registerPermissions('zones', zonePermissions);
