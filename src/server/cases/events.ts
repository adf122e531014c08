import { z } from 'zod';
import {
  APPEAL_OUTCOMES,
  type CaseAuditEventType,
  COERCION_INDICATORS,
  DECISION_KINDS,
  MOVEMENT_KINDS,
  SUSPENSION_REASONS,
  VOLUNTARINESS_STEPS,
} from '../../shared/cases/constants.ts';
import { SHARING_PURPOSES } from '../../shared/vocabulary.ts';
import {
  type AuditDetailsSchema,
  auditCode,
  auditCount,
  auditId,
  defineAuditEvents,
} from '../platform/audit/event-schema.ts';
import { registerAuditEvents } from '../platform/audit/events.ts';

/**
 * Audit events of the returnee-cases module: ids, codes, dates and counts. Never a name, a date of birth, a
 * document number, a phone or any free text: those stay encrypted in the module's tables.
 */
const pcode = z.string().regex(/^(?:[A-Z]{2}[A-Z0-9]{0,22}|[0-9]{1,24})$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reference = z.string().regex(/^HW-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
const household = { householdId: auditId, reference };

export const caseEvents = defineAuditEvents({
  'cases.household_registered': z.strictObject({
    ...household,
    members: auditCount,
    intendedPcode: pcode,
    possibleDuplicateOf: auditId.nullable(),
  }),
  /** A registration export imported whole (cases/imports.ts): counts only, each household's decision has its own. */
  'cases.households_imported': z.strictObject({
    organisationId: auditId,
    households: auditCount,
    people: auditCount,
    possibleDuplicates: auditCount,
  }),
  'cases.household_updated': z.strictObject({ ...household, fields: z.array(auditCode) }),
  'cases.duplicate_reviewed': z.strictObject({ ...household, duplicateOf: auditId, verdict: auditCode }),
  'cases.consent_recorded': z.strictObject({
    ...household,
    personId: auditId,
    consentId: auditId,
    purpose: z.enum(SHARING_PURPOSES),
  }),
  'cases.consent_withdrawn': z.strictObject({
    ...household,
    personId: auditId,
    consentId: auditId,
    purpose: z.enum(SHARING_PURPOSES),
  }),
  'cases.case_shared': z.strictObject({
    ...household,
    shareId: auditId,
    toOrganisationId: auditId,
    agreementId: auditId,
    purpose: z.enum(SHARING_PURPOSES),
  }),
  'cases.share_ended': z.strictObject({ ...household, shareId: auditId, reason: auditCode }),
  'cases.intention_recorded': z.strictObject({ ...household, fileId: auditId, personId: auditId }),
  'cases.counselling_recorded': z.strictObject({
    ...household,
    fileId: auditId,
    sessionId: auditId,
    private: z.boolean(),
    coercionIndicators: z.array(z.enum(COERCION_INDICATORS)),
  }),
  'cases.zone_information_given': z.strictObject({
    ...household,
    fileId: auditId,
    pcode,
    zoneClass: auditCode,
    publicationId: auditId.nullable(),
  }),
  'cases.go_and_see_recorded': z.strictObject({ ...household, fileId: auditId, pcode }),
  'cases.declaration_signed': z.strictObject({
    ...household,
    fileId: auditId,
    signedOn: day,
    coolingOffEndsOn: day,
    scan: z.boolean(),
  }),
  'cases.voluntariness_withdrawn': z.strictObject({
    ...household,
    fileId: auditId,
    atStep: z.enum(VOLUNTARINESS_STEPS).nullable(),
  }),
  'cases.protection_flag_raised': z.strictObject({
    ...household,
    flagId: auditId,
    indicators: z.array(z.enum(COERCION_INDICATORS)),
  }),
  'cases.protection_flag_closed': z.strictObject({ ...household, flagId: auditId }),
  'cases.needs_plan_recorded': z.strictObject({ ...household, personId: auditId, needs: auditCount }),
  'cases.conditions_addressed': z.strictObject({ ...household, pcode, publicationId: auditId }),
  'cases.decision_opened': z.strictObject({
    ...household,
    decisionId: auditId,
    kind: z.enum(DECISION_KINDS),
    organisationId: auditId,
    dueOn: day,
  }),
  'cases.decision_made': z.strictObject({
    ...household,
    decisionId: auditId,
    kind: z.enum(DECISION_KINDS),
    outcome: auditCode,
    failedRules: z.array(auditCode),
  }),
  'cases.appeal_lodged': z.strictObject({
    ...household,
    appealId: auditId,
    decisionId: auditId,
    reviewerOrganisationId: auditId,
    dueOn: day,
  }),
  'cases.appeal_decided': z.strictObject({
    ...household,
    appealId: auditId,
    decisionId: auditId,
    outcome: z.enum(APPEAL_OUTCOMES),
  }),
  'cases.network_changed': z.strictObject({
    kind: auditCode,
    id: auditId,
    code: auditCode,
    status: auditCode,
    suspendedMovements: auditCount,
  }),
  'cases.movement_planned': z.strictObject({
    movementId: auditId,
    kind: z.enum(MOVEMENT_KINDS),
    corridorId: auditId,
    departsOn: day,
    households: auditCount,
    people: auditCount,
  }),
  'cases.movement_suspended': z.strictObject({
    movementId: auditId,
    reason: z.enum(SUSPENSION_REASONS),
    households: auditCount,
    pcode: pcode.nullable(),
  }),
  'cases.movement_departed': z.strictObject({ movementId: auditId, households: auditCount, people: auditCount }),
  'cases.movement_cancelled': z.strictObject({ movementId: auditId, households: auditCount }),
  'cases.arrival_recorded': z.strictObject({
    ...household,
    arrivalId: auditId,
    movementId: auditId.nullable(),
    pcode,
    arrivedOn: day,
    followUps: auditCount,
  }),
} satisfies Record<CaseAuditEventType, AuditDetailsSchema>);

export type CaseAuditEvents = typeof caseEvents;

// Registered as soon as a service that appends them is loaded (see zones/events.ts).
registerAuditEvents('cases', caseEvents);
