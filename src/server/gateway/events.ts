import { z } from 'zod';
import {
  ACCOUNTABILITY_STATUSES,
  type GatewayAuditEventType,
  INCIDENT_TYPES,
  INCIDENT_VERIFICATIONS,
  SUBMISSION_KINDS,
} from '../../shared/gateway/constants.ts';
import {
  type AuditDetailsSchema,
  auditCode,
  auditCount,
  auditId,
  defineAuditEvents,
} from '../platform/audit/event-schema.ts';
import { registerAuditEvents } from '../platform/audit/events.ts';

/**
 * Audit events of the community gateway: ids, kinds, codes and counts. Never the text of a submission or a
 * message, a contact, a number, an address, or whether an anonymous submitter said who they are.
 */
const submission = { submissionId: auditId, kind: z.enum(SUBMISSION_KINDS) };
const incident = { incidentId: auditId, type: z.enum(INCIDENT_TYPES) };

export const gatewayEvents = defineAuditEvents({
  'gateway.submission_received': z.strictObject({
    ...submission,
    channel: auditCode,
    disclosure: auditCode,
    sensitive: z.boolean(),
    organisationId: auditId,
  }),
  'gateway.submission_acknowledged': z.strictObject({ ...submission, inTime: z.boolean() }),
  'gateway.submission_assigned': z.strictObject({ ...submission, assigneeId: auditId }),
  'gateway.submission_investigating': z.strictObject(submission),
  'gateway.submission_responded': z.strictObject({ ...submission, messageId: auditId }),
  'gateway.submission_closed': z.strictObject({ ...submission, satisfaction: auditCode.nullable() }),
  'gateway.submission_referred': z.strictObject({
    ...submission,
    fromOrganisationId: auditId,
    toOrganisationId: auditId,
  }),
  /** The submitter added information with their receipt code: nothing about who they are. */
  'gateway.information_added': z.strictObject({ ...submission, messageId: auditId }),
  'gateway.reply_sent': z.strictObject({ ...submission, messageId: auditId, delivery: auditCode }),
  /** An officer asked to see a confidential submitter's contact; the justification stays encrypted. */
  'gateway.reveal_requested': z.strictObject({ ...submission, requestId: auditId }),
  'gateway.reveal_decided': z.strictObject({
    ...submission,
    requestId: auditId,
    requestedBy: auditId,
    decision: z.enum(['approved', 'refused']),
  }),
  'gateway.contact_viewed': z.strictObject({ ...submission, requestId: auditId }),
  'gateway.routing_rule_changed': z.strictObject({
    ruleId: auditId,
    change: z.enum(['created', 'deleted']),
    organisationId: auditId,
  }),
  'gateway.incident_recorded': z.strictObject({
    ...incident,
    reference: auditCode,
    affected: auditCount,
    submissions: auditCount,
  }),
  'gateway.incident_updated': z.strictObject({ ...incident, fields: z.array(auditCode) }),
  'gateway.incident_verified': z.strictObject({ ...incident, verification: z.enum(INCIDENT_VERIFICATIONS) }),
  'gateway.incident_accountability': z.strictObject({ ...incident, status: z.enum(ACCOUNTABILITY_STATUSES) }),
  /** An incident entered as an observation of a zone's safety indicator through the zones module. */
  'gateway.incident_observed': z.strictObject({ ...incident, observationId: auditId, indicator: auditCode }),
} satisfies Record<GatewayAuditEventType, AuditDetailsSchema>);

export type GatewayAuditEvents = typeof gatewayEvents;

registerAuditEvents('gateway', gatewayEvents);
