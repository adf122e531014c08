import { z } from 'zod';
import {
  EVIDENCE_FILE_TYPES,
  OBSERVATION_SOURCES,
  OBSERVATION_STATUSES,
  VERIFICATION_DECISIONS,
  ZONE_CLASSES,
  type ZoneAuditEventType,
} from '../../shared/zones/constants.ts';
import {
  type AuditDetailsSchema,
  auditCode,
  auditCount,
  auditId,
  defineAuditEvents,
} from '../platform/audit/event-schema.ts';
import { registerAuditEvents } from '../platform/audit/events.ts';

/** Audit events of the return-zones module: P-codes, codes, counts and hashes; never evidence notes. */
const pcode = z.string().regex(/^[A-Z]{2}[0-9]{0,12}$/);
const period = z.string().regex(/^\d{4}-\d{2}$/);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const zoneEvents = defineAuditEvents({
  'zones.gazetteer_imported': z.strictObject({
    created: auditCount,
    updated: auditCount,
    unchanged: auditCount,
    shapes: auditCount,
    fileHash: sha256,
  }),
  'zones.framework_drafted': z.strictObject({ version: auditCount, definitionHash: sha256 }),
  'zones.framework_published': z.strictObject({ version: auditCount, definitionHash: sha256 }),
  'zones.observation_recorded': z.strictObject({
    observationId: auditId,
    pcode,
    indicator: auditCode,
    period,
    source: z.enum(OBSERVATION_SOURCES),
    organisationId: auditId,
  }),
  /** A batch (API or file import): how many, and the hash of the canonical rows created. */
  'zones.observations_imported': z.strictObject({
    created: auditCount,
    unchanged: auditCount,
    organisationId: auditId,
    contentHash: sha256,
  }),
  'zones.observation_verified': z.strictObject({
    observationId: auditId,
    decision: z.enum(VERIFICATION_DECISIONS),
    verifierOrganisationId: auditId,
    submitterOrganisationId: auditId,
  }),
  'zones.evidence_added': z.strictObject({ observationId: auditId }),
  /** The submitting organisation corrected its value: `version` is the new one; the previous stays on record. */
  'zones.observation_corrected': z.strictObject({
    observationId: auditId,
    version: auditCount,
    previousStatus: z.enum(OBSERVATION_STATUSES),
    organisationId: auditId,
  }),
  /** A file attached as evidence: its type and size after cleaning, and the SHA-256 of what was stored. */
  'zones.evidence_file_attached': z.strictObject({
    observationId: auditId,
    fileId: auditId,
    mediaType: z.enum(EVIDENCE_FILE_TYPES),
    bytes: auditCount,
    sha256,
  }),
  'zones.period_assessed': z.strictObject({
    period,
    frameworkVersion: auditCount,
    zones: auditCount,
    counts: z.record(z.enum(ZONE_CLASSES), auditCount),
  }),
  'zones.period_published': z.strictObject({
    publicationId: auditId,
    period,
    frameworkVersion: auditCount,
    zones: auditCount,
    contentHash: sha256,
    replaces: auditId.nullable(),
  }),
} satisfies Record<ZoneAuditEventType, AuditDetailsSchema>);

export type ZoneAuditEvents = typeof zoneEvents;

// Registered as soon as a service that writes them is loaded, so that the CLI and the benchmarks, which call
// services without the HTTP app, append them too; installModules registers the same schemas again.
registerAuditEvents('zones', zoneEvents);
