import type { Role } from '../../shared/vocabulary.ts';
import { registerPermissions } from '../platform/policy/permissions.ts';

/**
 * Who may do what in the forum. Organisations act: a person acts for their active organisation, and record-level
 * rules (a member of the body, the commitment's owner, the flag's responsible organisation) are checked by the
 * services, not by these roles alone.
 */
const STAFF: readonly Role[] = [
  'administrator',
  'coordinator',
  'case_worker',
  'protection_officer',
  'field_monitor',
  'verifier',
  'civil_society_watchdog',
  'donor',
  'auditor',
];

export const forumPermissions = {
  /** Read meetings, positions for members, commitments, consultations and flags, and the scorecard. */
  'forum:read': STAFF,
  /** Create bodies, schedule meetings, record them as held, treat agenda items, record minutes and decisions. */
  'meeting:manage': ['coordinator', 'administrator'],
  /** Submit a position for one's organisation on a meeting's agenda item. */
  'position:submit': [
    'coordinator',
    'civil_society_watchdog',
    'verifier',
    'protection_officer',
    'case_worker',
    'donor',
  ],
  /** Approve a meeting's minutes for one's organisation, when it sits on the body. */
  'minutes:approve': ['coordinator', 'civil_society_watchdog', 'verifier', 'donor', 'administrator'],
  /** Record a commitment and close it kept or broken. */
  'commitment:manage': ['coordinator', 'administrator'],
  /** Post a status update, with evidence, on a commitment one's organisation owns. */
  'commitment:update': ['coordinator', 'case_worker', 'protection_officer', 'administrator'],
  /** Assess a commitment independently (civil society and monitors). */
  'commitment:assess': ['civil_society_watchdog', 'verifier'],
  /** Open a consultation on a framework draft, close it and answer its comments. */
  'consultation:manage': ['coordinator', 'administrator'],
  /** Comment on an open consultation for one's organisation. */
  'consultation:comment': [
    'coordinator',
    'civil_society_watchdog',
    'verifier',
    'case_worker',
    'protection_officer',
    'field_monitor',
    'donor',
  ],
  /** Raise a watchdog flag on a published item. */
  'flag:raise': ['civil_society_watchdog', 'verifier'],
  /** Answer a flag one's organisation is responsible for. */
  'flag:answer': ['coordinator', 'case_worker', 'protection_officer', 'administrator'],
  /** Check a flag and its answer for personal data before they are public. */
  'flag:screen': ['protection_officer'],
} as const satisfies Record<string, readonly Role[]>;

export type ForumPermission = keyof typeof forumPermissions;

// Registered as soon as a service that asks for them is loaded (see zones/permissions.ts).
registerPermissions('forum', forumPermissions);
