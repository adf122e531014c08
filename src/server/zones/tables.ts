import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Classification, FrameworkDefinition, LocalizedText } from '../../shared/zones/schemas.ts';
import { organisations, users } from '../platform/accounts/schema.ts';
import { createdAt, id } from '../platform/db/columns.ts';

/**
 * The return-zones module's tables. Every table carries `state_code` (the P-code's two letters) so that it can
 * be distributed by state beyond one machine.
 */

/** The gazetteer: administrative units nested by P-code (state → admin1 → admin2 → location). */
export const zones = pgTable(
  'zones',
  {
    pcode: text('pcode').primaryKey(),
    parentPcode: text('parent_pcode').references((): AnyPgColumn => zones.pcode),
    stateCode: text('state_code').notNull(),
    level: text('level').notNull(),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    /** GeoJSON geometry (Polygon or MultiPolygon), WGS 84. */
    shape: jsonb('shape'),
    population: integer('population'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.parentPcode), index().on(t.level)],
);

/** A criteria framework version. A published version is never changed; a change is a new version. */
export const zoneFrameworks = pgTable('zone_frameworks', {
  id: id(),
  version: integer('version').notNull().unique(),
  status: text('status').notNull(),
  definition: jsonb('definition').$type<FrameworkDefinition>().notNull(),
  definitionHash: text('definition_hash').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by').references(() => users.id),
});

/**
 * One indicator value for one zone and one period, with its source. It counts once a verifier of another
 * organisation has confirmed it. One organisation gives at most one live (not rejected) value per zone,
 * indicator and period: a repeated import finds it and leaves it be.
 */
export const zoneObservations = pgTable(
  'zone_observations',
  {
    id: id(),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    stateCode: text('state_code').notNull(),
    indicator: text('indicator').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    method: text('method').notNull(),
    /** Evidence notes may name people: an encrypted envelope (platform/crypto), never plain text. */
    evidenceNotes: text('evidence_notes'),
    status: text('status').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** 1 when first submitted; each correction by the submitting organisation adds one (zone_observation_versions). */
    version: integer('version').notNull().default(1),
    /** Why this version replaced the previous one, in the submitter's words (null for the first version). */
    correctionReason: text('correction_reason'),
  },
  (t) => [
    uniqueIndex('zone_observations_live_key')
      .on(t.pcode, t.indicator, t.period, t.organisationId)
      .where(sql`status <> 'rejected'`),
    index().on(t.period, t.pcode),
    index().on(t.status, t.organisationId),
    // A zone's latest confirmed month of an indicator, found by one backward scan (the period assessment).
    index('zone_observations_confirmed_index').on(t.pcode, t.indicator, t.period).where(sql`status = 'confirmed'`),
  ],
);

/**
 * Every zone and indicator that has ever had an observation: derived data, kept by a trigger on
 * zone_observations (migration 0003) and never written by the application, left out of backups and rebuilt
 * on restore. The period assessment looks for a zone's earlier values only where there can be some, instead
 * of searching every zone for every indicator of the framework.
 */
export const zoneObservedIndicators = pgTable(
  'zone_observed_indicators',
  {
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    indicator: text('indicator').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pcode, t.indicator] })],
);

/**
 * The versions of an observation that a correction replaced, exactly as they were (the current version is the
 * zone_observations row itself, so every reader of observations sees only current values). A verification
 * belongs to the version that was current when it was made (decided_at between the version's submitted_at and
 * replaced_at).
 */
export const zoneObservationVersions = pgTable(
  'zone_observation_versions',
  {
    observationId: uuid('observation_id')
      .notNull()
      .references(() => zoneObservations.id),
    version: integer('version').notNull(),
    stateCode: text('state_code').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    method: text('method').notNull(),
    /** An encrypted envelope, copied as it was. */
    evidenceNotes: text('evidence_notes'),
    /** Its status when it was replaced (a confirmed value corrected stays on record as confirmed). */
    status: text('status').notNull(),
    correctionReason: text('correction_reason'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    replacedBy: uuid('replaced_by').references(() => users.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.version] })],
);

/**
 * Evidence files (photos, scans) attached to an observation by its organisation. The file is cleaned of its
 * metadata before it is stored (files/image-metadata.ts) and stored encrypted; its name too. Shown only to
 * those who see evidence notes.
 */
export const zoneEvidenceFiles = pgTable(
  'zone_evidence_files',
  {
    id: id(),
    observationId: uuid('observation_id')
      .notNull()
      .references(() => zoneObservations.id),
    stateCode: text('state_code').notNull(),
    /** The observation's version when the file was attached. */
    observationVersion: integer('observation_version').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Found from the content (magic bytes), never from what the sender said. */
    mediaType: text('media_type').notNull(),
    /** Bytes of the cleaned file. */
    byteSize: integer('byte_size').notNull(),
    /** The file's name as given, an encrypted envelope. */
    fileName: text('file_name').notNull(),
    /** The cleaned file, base64, in an encrypted envelope. */
    content: text('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.observationId)],
);

/** Every decision a verifier made on an observation, kept in order (confirm, reject, ask for evidence). */
export const zoneVerifications = pgTable(
  'zone_verifications',
  {
    id: id(),
    observationId: uuid('observation_id')
      .notNull()
      .references(() => zoneObservations.id),
    decision: text('decision').notNull(),
    reason: text('reason'),
    verifierId: uuid('verifier_id')
      .notNull()
      .references(() => users.id),
    verifierOrganisationId: uuid('verifier_organisation_id')
      .notNull()
      .references(() => organisations.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.observationId)],
);

/** The latest computed (not yet published) classification of a zone for a period. */
export const zoneAssessments = pgTable(
  'zone_assessments',
  {
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    period: text('period').notNull(),
    stateCode: text('state_code').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    class: text('class').notNull(),
    classification: jsonb('classification').$type<Classification>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pcode, t.period] }), index().on(t.period)],
);

/** A period's published classifications. Never edited: a correction is a new publication that replaces it. */
export const zonePublications = pgTable(
  'zone_publications',
  {
    id: id(),
    period: text('period').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    contentHash: text('content_hash').notNull(),
    auditSeq: integer('audit_seq').notNull(),
    replacesId: uuid('replaces_id').references((): AnyPgColumn => zonePublications.id),
    reason: text('reason'),
    zoneCount: integer('zone_count').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.period), uniqueIndex('zone_publications_replaces_once').on(t.replacesId)],
);

export const zonePublishedClasses = pgTable(
  'zone_published_classes',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => zonePublications.id),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    stateCode: text('state_code').notNull(),
    period: text('period').notNull(),
    class: text('class').notNull(),
    classification: jsonb('classification').$type<Classification>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.pcode] }), index().on(t.pcode, t.period)],
);
