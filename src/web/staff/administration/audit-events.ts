import { CASE_AUDIT_EVENTS } from '../../../shared/cases/constants.ts';
import { FORUM_AUDIT_EVENTS } from '../../../shared/forum/constants.ts';
import { GATEWAY_AUDIT_EVENTS } from '../../../shared/gateway/constants.ts';
import { OUTCOME_AUDIT_EVENTS } from '../../../shared/outcomes/constants.ts';
import { PLATFORM_AUDIT_EVENTS } from '../../../shared/vocabulary.ts';
import { ZONE_AUDIT_EVENTS } from '../../../shared/zones/constants.ts';

/**
 * The transparency log's event types, for the event-type filter (each named in the catalogues as
 * `auditEvent.<type>`): the platform's and each module's, from their shared vocabulary. A new module adds its
 * list here; audit-events.test.ts fails until it does.
 */
export const AUDIT_EVENT_TYPES: readonly string[] = [
  ...PLATFORM_AUDIT_EVENTS,
  ...ZONE_AUDIT_EVENTS,
  ...CASE_AUDIT_EVENTS,
  ...GATEWAY_AUDIT_EVENTS,
  ...OUTCOME_AUDIT_EVENTS,
  ...FORUM_AUDIT_EVENTS,
];
