import type { Role } from '../../../shared/vocabulary.ts';

/**
 * The platform's permissions and the roles that hold them. With the modules' own tables (registered through
 * registerPermissions) this is the only place that knows who may do what; services ask `can`/`authorize`
 * (policy.ts) and routes declare the permission they need.
 */
const PLATFORM_PERMISSIONS = {
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
} as const satisfies Record<string, readonly Role[]>;

/**
 * The feature modules' permissions. A module adds its own by declaration merging in its `module.ts`, so that
 * routes and services name them with type checks:
 *
 *   declare module '../platform/policy/permissions.ts' { interface ModulePermissions extends ZonePermissions {} }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging.
export interface ModulePermissions {}

export type Permission = keyof typeof PLATFORM_PERMISSIONS | (keyof ModulePermissions & string);

/** Every permission known now and the roles that hold it: the platform's, then each registered module's. */
export const PERMISSIONS: Partial<Record<Permission, readonly Role[]>> = { ...PLATFORM_PERMISSIONS };

/** Adds a module's permissions; a permission another owner already declared stops the start-up. */
export function registerPermissions(owner: string, permissions: Readonly<Record<string, readonly Role[]>>): void {
  const table = PERMISSIONS as Record<string, readonly Role[]>;
  for (const [permission, roles] of Object.entries(permissions)) {
    if (!Array.isArray(roles)) throw new Error(`module "${owner}": permission "${permission}" names no roles`);
    if (table[permission] && table[permission] !== roles) {
      throw new Error(`module "${owner}": permission "${permission}" is already declared`);
    }
    table[permission] = roles;
  }
}

export const isPermission = (name: string): name is Permission => Object.hasOwn(PERMISSIONS, name);

/** What a route declares: a permission, any signed-in person, or everyone (public routes). */
export type RouteAccess = Permission | 'authenticated' | 'public';
