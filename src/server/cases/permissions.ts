import type { Role } from '../../shared/vocabulary.ts';
import { registerPermissions } from '../platform/policy/permissions.ts';

/**
 * Who may do what in the returnee-cases module. Case files are personal data: only the roles that work with
 * returnees read them, within their organisation's reach (its own cases, and cases shared with it under an
 * agreement and the people's consent).
 */
export const casePermissions = {
  'case:read': ['case_worker', 'protection_officer', 'coordinator'],
  'case:register': ['case_worker'],
  'case:counsel': ['case_worker', 'protection_officer'],
  'case:share': ['case_worker', 'coordinator'],
  'case:decide': ['case_worker', 'coordinator'],
  /** Protection flags are closed by protection officers only. */
  'case:protect': ['protection_officer'],
  'appeal:lodge': ['case_worker', 'protection_officer'],
  'appeal:review': ['coordinator', 'protection_officer'],
  'network:manage': ['coordinator', 'administrator'],
  'movement:plan': ['coordinator', 'case_worker'],
  'arrival:record': ['case_worker', 'field_monitor', 'coordinator'],
} as const satisfies Record<string, readonly Role[]>;

export type CasePermission = keyof typeof casePermissions;

// Registered as soon as a service that asks for them is loaded (see zones/permissions.ts).
registerPermissions('cases', casePermissions);
