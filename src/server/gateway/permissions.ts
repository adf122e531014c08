import type { Role } from '../../shared/vocabulary.ts';
import { registerPermissions } from '../platform/policy/permissions.ts';

/**
 * Who may do what in the community gateway. Items are handled by the organisation the routing rules gave them
 * to. Sensitive items (sexual exploitation or abuse, a protection request about a named person) and the identity
 * of confidential submitters are for protection officers alone; every other role sees at most how many there are.
 */
export const gatewayPermissions = {
  /** Read the organisation's inbox and items that are not sensitive, and handle them. */
  'gateway:handle': ['case_worker', 'protection_officer', 'coordinator', 'field_monitor'],
  /** Sensitive items, and requests to see (or approve seeing) a confidential submitter's contact. */
  'gateway:protect': ['protection_officer'],
  'gateway:route': ['coordinator', 'administrator'],
  'incident:read': [
    'protection_officer',
    'coordinator',
    'field_monitor',
    'verifier',
    'civil_society_watchdog',
    'auditor',
  ],
  'incident:record': ['protection_officer', 'field_monitor', 'coordinator', 'civil_society_watchdog'],
  'incident:verify': ['verifier', 'protection_officer'],
  /** Follow an incident to accountability: referral, response, sanction, closing. */
  'incident:follow': ['protection_officer', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type GatewayPermission = keyof typeof gatewayPermissions;

// Registered as soon as a service that asks for them is loaded (see zones/permissions.ts).
registerPermissions('gateway', gatewayPermissions);
