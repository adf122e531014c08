import { z } from 'zod';
import {
  ALERT_KINDS,
  FOLLOW_UP_MODES,
  LOST_REASONS,
  type OutcomeAuditEventType,
  POPULATIONS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RESPONSE_SOURCES,
} from '../../shared/outcomes/constants.ts';
import {
  type AuditDetailsSchema,
  auditCode,
  auditCount,
  auditId,
  defineAuditEvents,
} from '../platform/audit/event-schema.ts';
import { registerAuditEvents } from '../platform/audit/events.ts';

/**
 * Audit events of outcome monitoring: ids, codes and counts. Never an answer, a score of a named household, a
 * note, or anything a household said.
 */
const followUp = { followUpId: auditId, householdId: auditId };

export const outcomeEvents = defineAuditEvents({
  'outcomes.instrument_imported': z.strictObject({
    instrumentId: auditId,
    formId: z.string().max(200),
    version: z.string().max(200),
    questions: auditCount,
  }),
  'outcomes.follow_ups_opened': z.strictObject({ opened: auditCount, dueBy: auditCode }),
  'outcomes.follow_up_assigned': z.strictObject({
    ...followUp,
    organisationId: auditId,
    assigneeId: auditId.nullable(),
    mode: z.enum(FOLLOW_UP_MODES),
  }),
  'outcomes.follow_up_attempted': z.strictObject({ ...followUp, attempt: auditCount, reached: z.boolean() }),
  'outcomes.follow_up_lost': z.strictObject({ ...followUp, reason: z.enum(LOST_REASONS) }),
  'outcomes.follow_up_link_issued': z.strictObject({ ...followUp, expiresOn: auditCode }),
  'outcomes.response_recorded': z.strictObject({
    responseId: auditId,
    instrumentId: auditId,
    population: z.enum(POPULATIONS),
    source: z.enum(RESPONSE_SOURCES),
    followUpId: auditId.nullable(),
  }),
  'outcomes.responses_imported': z.strictObject({
    instrumentId: auditId,
    created: auditCount,
    unchanged: auditCount,
    population: z.enum(POPULATIONS),
    fileHash: auditCode,
  }),
  'outcomes.scores_recomputed': z.strictObject({ responses: auditCount, alerts: auditCount }),
  'outcomes.alert_raised': z.strictObject({ alertId: auditId, householdId: auditId, kind: z.enum(ALERT_KINDS) }),
  'outcomes.alert_closed': z.strictObject({ alertId: auditId, reason: auditCode }),
  'outcomes.referral_made': z.strictObject({
    referralId: auditId,
    householdId: auditId,
    alertId: auditId.nullable(),
    service: z.enum(REFERRAL_SERVICES),
    toOrganisationId: auditId,
    consentId: auditId,
    agreementId: auditId,
  }),
  'outcomes.referral_updated': z.strictObject({ referralId: auditId, status: z.enum(REFERRAL_STATUSES) }),
  'outcomes.zone_outcomes_entered': z.strictObject({
    pcode: auditCode,
    period: auditCode,
    observations: auditCount,
  }),
} satisfies Record<OutcomeAuditEventType, AuditDetailsSchema>);

export type OutcomeAuditEvents = typeof outcomeEvents;

registerAuditEvents('outcomes', outcomeEvents);
