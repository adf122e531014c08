import type { ForumAuditEventType } from '../../shared/forum/constants.ts';
import { type AuditDetailsSchema, defineAuditEvents } from '../platform/audit/event-schema.ts';
import { registerAuditEvents } from '../platform/audit/events.ts';
import { commitmentEvents } from './events/commitments.ts';
import { consultationEvents } from './events/consultations.ts';
import { flagEvents } from './events/flags.ts';
import { meetingEvents } from './events/meetings.ts';

/**
 * The forum's audit events: ids, codes, counts and choices, never a text. The texts themselves (positions,
 * minutes, commitments, comments, flags and answers) live in the forum's tables; the public timeline is projected
 * from these entries, so each part's details carry what its timeline entry needs (a body's code, a zone's P-code).
 */
export const forumEvents = defineAuditEvents({
  ...meetingEvents,
  ...commitmentEvents,
  ...consultationEvents,
  ...flagEvents,
} satisfies Record<ForumAuditEventType, AuditDetailsSchema>);

export type ForumAuditEvents = typeof forumEvents;

registerAuditEvents('forum', forumEvents);
