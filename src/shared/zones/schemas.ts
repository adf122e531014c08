import { z } from 'zod';
import { Month, Timestamp } from '../dates.ts';
import { LANGUAGES } from '../vocabulary.ts';
import {
  CODE,
  CRITERION_KINDS,
  CRITERION_STATUSES,
  DIRECTIONS,
  EVIDENCE_FILE_TYPES,
  FILE_NAME_MAX,
  FRAMEWORK_STATUSES,
  FRESHNESS_MAX,
  FRESHNESS_MIN,
  INDICATOR_BASES,
  INDICATOR_STATUSES,
  METHOD_MAX,
  NOTES_MAX,
  OBSERVATION_SOURCES,
  OBSERVATION_STATUSES,
  PCODE,
  PCODE_RULE,
  REASON_MAX,
  UNIT_NAMES,
  VERIFICATION_DECISIONS,
  WEIGHT_MAX,
  ZONE_CLASSES,
  ZONE_LEVELS,
  type ZoneClass,
} from './constants.ts';

// The vocabulary is the constants' (no schema library there, for the browser); the server imports both from here.
export * from './constants.ts';

/**
 * The return-zones API shapes, shared by the server (validation, OpenAPI) and the web application's types. A zone is an administrative unit named by its P-code; a criteria framework says how its
 * conditions are judged; observations are indicator values with their source; a verifier from another
 * organisation confirms them; a classification says, criterion by criterion, whether return there can be
 * supported; a coordinator publishes a period's classifications.
 */

// Small shapes

/** A month, ISO `YYYY-MM`. */
export const Period = Month;
export const PCode = z.string().regex(PCODE, `must be a P-code: ${PCODE_RULE}`);
const Code = z.string().regex(CODE, 'must be lower-case letters, digits and _');
const Id = z.uuid();

/** A name in several languages; English is required, as the fallback every screen can show. */
export const LocalizedText = z
  .record(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code'), z.string().trim().min(1).max(300))
  .refine((names) => typeof names.en === 'string', 'must include an English (en) name');
export type LocalizedText = z.infer<typeof LocalizedText>;
export const SUPPORTED_LANGUAGES = LANGUAGES;

// Criteria framework

export const IndicatorDefinition = z.strictObject({
  code: Code,
  name: LocalizedText,
  unit: z.enum(UNIT_NAMES),
  direction: z.enum(DIRECTIONS),
  /** Green at or beyond this value (≥ for higher_is_better, ≤ for lower_is_better). */
  green: z.number(),
  /** Red beyond this value (< for higher_is_better, > for lower_is_better); amber between the two. */
  red: z.number(),
  weight: z.number().positive().max(WEIGHT_MAX),
  /** One red on a hard indicator makes the zone not conducive, whatever the rest says. */
  hard: z.boolean(),
  /** How many months a verified value stays fresh, counting its own month. */
  freshnessMonths: z.number().int().min(FRESHNESS_MIN).max(FRESHNESS_MAX),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

export const CriterionDefinition = z.strictObject({
  code: Code,
  kind: z.enum(CRITERION_KINDS),
  name: LocalizedText,
  indicators: z.array(IndicatorDefinition).min(1).max(50),
});
export type CriterionDefinition = z.infer<typeof CriterionDefinition>;

/** What a framework version says: its criteria (and process preconditions) with their indicators. */
export const FrameworkDefinition = z.strictObject({
  title: LocalizedText,
  criteria: z.array(CriterionDefinition).min(1).max(30),
});
export type FrameworkDefinition = z.infer<typeof FrameworkDefinition>;

export const FrameworkVersion = z.object({
  id: Id,
  version: z.number().int(),
  status: z.enum(FRAMEWORK_STATUSES),
  definition: FrameworkDefinition,
  createdAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  /** Hash of the canonical definition, anchored in the transparency log when published. */
  definitionHash: z.string(),
});
export type FrameworkVersion = z.infer<typeof FrameworkVersion>;

export const SaveFrameworkDraftRequest = z.strictObject({ definition: FrameworkDefinition });

// Zones

export const Zone = z.object({
  pcode: z.string(),
  parentPcode: z.string().nullable(),
  level: z.enum(ZONE_LEVELS),
  name: LocalizedText,
  population: z.number().int().nullable(),
  hasShape: z.boolean(),
});
export type Zone = z.infer<typeof Zone>;

export const ZoneListQuery = z.strictObject({
  level: z.enum(ZONE_LEVELS).optional(),
  parent: PCode.optional(),
  /** Filters by P-code prefix or name (any language), case-insensitive. */
  q: z.string().trim().max(100).optional(),
  /** The period whose latest assessment to show beside each zone (default: the latest assessed). */
  period: Period.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

// Observations

export const ObservationInput = z.strictObject({
  pcode: PCode,
  indicator: Code,
  period: Period,
  value: z.number().finite(),
  source: z.enum(OBSERVATION_SOURCES),
  method: z.string().trim().min(1).max(METHOD_MAX),
  /** Optional evidence notes: stored encrypted, shown only to the submitting and verifying organisations. */
  evidenceNotes: z.string().trim().max(NOTES_MAX).optional(),
});
export type ObservationInput = z.infer<typeof ObservationInput>;

export const ObservationBatchRequest = z.strictObject({ observations: z.array(ObservationInput).min(1).max(5000) });

export const Verification = z.object({
  decision: z.enum(VERIFICATION_DECISIONS),
  reason: z.string().nullable(),
  verifierOrganisation: z.object({ id: Id, name: z.string() }),
  decidedAt: Timestamp,
});

export const Observation = z.object({
  id: Id,
  pcode: z.string(),
  zoneName: LocalizedText,
  indicator: z.string(),
  period: z.string(),
  value: z.number(),
  source: z.enum(OBSERVATION_SOURCES),
  method: z.string(),
  status: z.enum(OBSERVATION_STATUSES),
  organisation: z.object({ id: Id, name: z.string() }),
  submittedAt: Timestamp,
  /** Present only for the submitting and verifying organisations. */
  evidenceNotes: z.string().nullable().optional(),
  verifications: z.array(Verification),
  /** 1 when first submitted; a correction by the submitting organisation is the next version. */
  version: z.number().int().optional(),
  /** Why this version corrected the previous one (null for a first version). */
  correctionReason: z.string().nullable().optional(),
  /** How many evidence files it has, for those who see evidence (null for others). */
  evidenceFiles: z.number().int().nullable().optional(),
});
export type Observation = z.infer<typeof Observation>;

export const ObservationBatchResult = z.object({ created: z.number().int(), unchanged: z.number().int() });

export const ObservationListQuery = z.strictObject({
  pcode: PCode.optional(),
  indicator: Code.optional(),
  period: Period.optional(),
  status: z.enum(OBSERVATION_STATUSES).optional(),
  /** Only what the caller's organisation may verify (submitted by another organisation, not yet decided). */
  queue: z.enum(['verify']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ObservationPage = z.object({ total: z.number().int(), items: z.array(Observation) });

export const VerifyObservationRequest = z
  .strictObject({
    decision: z.enum(VERIFICATION_DECISIONS),
    /** Required to reject or to ask for more evidence. */
    reason: z.string().trim().min(1).max(REASON_MAX).optional(),
  })
  .refine((body) => body.decision === 'confirm' || body.reason !== undefined, {
    message: 'give a reason to reject or to ask for more evidence',
    path: ['reason'],
  });

export const AddEvidenceRequest = z.strictObject({ evidenceNotes: z.string().trim().min(1).max(NOTES_MAX) });

/** The submitting organisation corrects its value: a new version, verified again; the old one stays on record. */
export const CorrectObservationRequest = z.strictObject({
  value: z.number().finite(),
  source: z.enum(OBSERVATION_SOURCES),
  method: z.string().trim().min(1).max(METHOD_MAX),
  /** The evidence notes of the new version; the previous version's notes stay when left out. */
  evidenceNotes: z.string().trim().max(NOTES_MAX).optional(),
  /** Why: what was wrong with the previous version. */
  reason: z.string().trim().min(1).max(REASON_MAX),
});
export type CorrectObservationRequest = z.infer<typeof CorrectObservationRequest>;

/** One version of an observation, with the decisions verifiers made while it was current. */
export const ObservationVersion = z.object({
  version: z.number().int(),
  current: z.boolean(),
  value: z.number(),
  source: z.enum(OBSERVATION_SOURCES),
  method: z.string(),
  /** Its status when it was replaced (the current version: its status now). */
  status: z.enum(OBSERVATION_STATUSES),
  correctionReason: z.string().nullable(),
  evidenceNotes: z.string().nullable(),
  submittedAt: Timestamp,
  replacedAt: Timestamp.nullable(),
  verifications: z.array(Verification),
});
export type ObservationVersion = z.infer<typeof ObservationVersion>;

export const EvidenceFile = z.object({
  id: Id,
  name: z.string(),
  mediaType: z.enum(EVIDENCE_FILE_TYPES),
  /** Bytes, after its metadata was removed. */
  size: z.number().int(),
  /** The observation's version when it was attached. */
  observationVersion: z.number().int(),
  uploadedAt: Timestamp,
  /** Where to download it (authorization checked on every download). */
  href: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** An observation with every version, newest first, and its evidence files for those who may see evidence. */
export const ObservationHistory = z.object({
  observation: Observation,
  versions: z.array(ObservationVersion),
  /** Whether the caller sees evidence (notes and files): the submitting organisation and verifiers. */
  seesEvidence: z.boolean(),
  files: z.array(EvidenceFile),
});
export type ObservationHistory = z.infer<typeof ObservationHistory>;

/** The file is the request body; its name comes in the query (the body is the file's bytes, nothing else). */
export const AttachEvidenceFileQuery = z.strictObject({ name: z.string().trim().min(1).max(FILE_NAME_MAX) });

// Classification

/** Why an indicator has its status, for the explanation. */
export const IndicatorAssessment = z.object({
  indicator: z.string(),
  status: z.enum(INDICATOR_STATUSES),
  hard: z.boolean(),
  /** The value that decided the status, with where it came from; null when missing. */
  value: z.number().nullable(),
  period: z.string().nullable(),
  source: z.enum(OBSERVATION_SOURCES).nullable(),
  organisationId: z.string().nullable(),
  observedAt: z.string().nullable(),
  /**
   * verified: a fresh confirmed value; stale_red: the last verified value was red and nothing fresh replaced
   * it; unverified_red: a report of danger not yet verified holds the zone back; missing: no fresh verified value.
   */
  basis: z.enum(INDICATOR_BASES),
  /** Observations behind this status (ids). */
  observationIds: z.array(z.string()),
});
export type IndicatorAssessment = z.infer<typeof IndicatorAssessment>;

export const CriterionAssessment = z.object({
  criterion: z.string(),
  kind: z.enum(CRITERION_KINDS),
  status: z.enum(CRITERION_STATUSES),
  indicators: z.array(IndicatorAssessment),
});
export type CriterionAssessment = z.infer<typeof CriterionAssessment>;

/** One reason the class is what it is: an indicator (or criterion) that decided it. */
export const DecidingReason = z.object({
  kind: z.enum(['hard_red', 'criterion_red', 'criterion_insufficient', 'criterion_amber', 'all_green']),
  criterion: z.string().nullable(),
  indicators: z.array(z.string()),
});
export type DecidingReason = z.infer<typeof DecidingReason>;

export const Classification = z.object({
  class: z.enum(ZONE_CLASSES),
  criteria: z.array(CriterionAssessment),
  deciding: z.array(DecidingReason),
  /** The explanation in plain English (screens render it in the reader's language from `deciding`). */
  summary: z.string(),
});
export type Classification = z.infer<typeof Classification>;

export const Assessment = Classification.extend({
  pcode: z.string(),
  period: z.string(),
  frameworkVersion: z.number().int(),
  computedAt: Timestamp,
});
export type Assessment = z.infer<typeof Assessment>;

// Review and publication

export const PeriodReview = z.object({
  period: z.string(),
  frameworkVersion: z.number().int(),
  counts: z.record(z.enum(ZONE_CLASSES), z.number().int()),
  /** Observations of the period still waiting for a verifier: publication is refused while any remain. */
  unverified: z.number().int(),
  /** Whether the period's month is over (UTC); publishing a month still running needs `confirmMonthNotEnded`. */
  monthEnded: z.boolean(),
  zones: z.array(
    z.object({
      pcode: z.string(),
      name: LocalizedText,
      class: z.enum(ZONE_CLASSES),
      previousClass: z.enum(ZONE_CLASSES).nullable(),
      summary: z.string(),
      /**
       * What the screen needs to explain the class in the reader's language: the deciding reasons, and of the
       * criteria only those they name, with only the indicators they name.
       */
      classification: Classification,
    }),
  ),
  publication: z.lazy(() => PublicationSummary).nullable(),
});
export type PeriodReview = z.infer<typeof PeriodReview>;

export const PublishPeriodRequest = z.strictObject({
  period: Period,
  /** A correction names the publication it replaces and why. */
  replaces: Id.optional(),
  reason: z.string().trim().min(1).max(REASON_MAX).optional(),
  /**
   * Publishing a month that has not ended (values may still come in for it) is refused without this: the
   * coordinator confirms it explicitly.
   */
  confirmMonthNotEnded: z.literal(true).optional(),
});

/** An observation that keeps a period from being published, with who can move it on. */
export const WaitingObservation = z.object({
  id: Id,
  pcode: z.string(),
  zoneName: LocalizedText,
  indicator: z.string(),
  period: z.string(),
  status: z.enum(['pending', 'more_evidence']),
  organisation: z.object({ id: Id, name: z.string() }),
  submittedAt: Timestamp,
  /**
   * Who can act: for `pending`, the organisations with a verifier other than the submitting one (nobody
   * verifies their own organisation's data); for `more_evidence`, the submitting organisation, which owes the
   * evidence. Empty when nobody can: the coordinator then has to find a verifier.
   */
  actors: z.array(z.object({ id: Id, name: z.string() })),
  /** The verifier's request, when it waits for evidence. */
  reason: z.string().nullable(),
});
export type WaitingObservation = z.infer<typeof WaitingObservation>;

export const WaitingObservationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const WaitingObservationPage = z.object({ total: z.number().int(), items: z.array(WaitingObservation) });
export type WaitingObservationPage = z.infer<typeof WaitingObservationPage>;

export const PublicationSummary = z.object({
  id: Id,
  period: z.string(),
  frameworkVersion: z.number().int(),
  publishedAt: Timestamp,
  contentHash: z.string(),
  /** Sequence number of the publication's entry in the transparency log. */
  auditSeq: z.number().int(),
  replaces: Id.nullable(),
  reason: z.string().nullable(),
  zoneCount: z.number().int(),
});
export type PublicationSummary = z.infer<typeof PublicationSummary>;

// Public

export const PublicZone = z.object({
  pcode: z.string(),
  parentPcode: z.string().nullable(),
  level: z.enum(ZONE_LEVELS),
  name: LocalizedText,
  class: z.enum(ZONE_CLASSES),
  period: z.string(),
  publicationId: Id,
  summary: z.string(),
});
export type PublicZone = z.infer<typeof PublicZone>;

/**
 * `json`: the published zones; `geojson`: the same with their outlines, for the map; `outlines`: the outlines
 * and names of the regions and districts (admin1, admin2), published or not, drawn on the map for context.
 */
export const PublicZonesQuery = z.strictObject({
  format: z.enum(['json', 'geojson', 'outlines']).default('json'),
});

export const PublicZoneHistoryEntry = z.object({
  period: z.string(),
  class: z.enum(ZONE_CLASSES),
  publication: PublicationSummary,
  classification: Classification,
});

export type PublicZoneHistoryEntry = z.infer<typeof PublicZoneHistoryEntry>;

/** A zone named on another's public page (a neighbour, or a locality inside it), with its class when published. */
export const PublicZoneLink = z.object({
  pcode: z.string(),
  level: z.enum(ZONE_LEVELS),
  name: LocalizedText,
  class: z.enum(ZONE_CLASSES).nullable(),
  period: z.string().nullable(),
});
export type PublicZoneLink = z.infer<typeof PublicZoneLink>;

/** A zone's public page: its current class and why, not its history (a separate, larger request). */
export const PublicZoneDetail = z.object({
  zone: Zone,
  current: PublicZoneHistoryEntry.nullable(),
  framework: FrameworkVersion.nullable(),
  /** The zone it lies in, named (its page links there). */
  parent: z.object({ pcode: z.string(), level: z.enum(ZONE_LEVELS), name: LocalizedText }).nullable(),
  /** The zones around it (same level; src/server/zones/rules/neighbours.ts says which), nearest first. */
  neighbours: z.array(PublicZoneLink),
  /** The zones inside it (a district's localities), by name. */
  children: z.array(PublicZoneLink),
});
export type PublicZoneDetail = z.infer<typeof PublicZoneDetail>;

/** Every class a zone was published with, newest period first. */
export const PublicZoneHistory = z.object({ history: z.array(PublicZoneHistoryEntry) });
export type PublicZoneHistory = z.infer<typeof PublicZoneHistory>;

/** What a later module (returns) asks before deciding a return: the zone's current published class. */
export interface CurrentZoneClass {
  pcode: string;
  class: ZoneClass;
  period: string | null;
  publicationId: string | null;
  /** Whether the published period is recent enough to decide on (HOMEWARD_ZONE_CLASS_FRESH_MONTHS). */
  fresh: boolean;
}

// Staff API: zone list and zone page

export const ZoneSummary = Zone.extend({
  /** The zone's latest assessment for the period asked (or the latest period assessed). */
  class: z.enum(ZONE_CLASSES).nullable(),
  period: z.string().nullable(),
  /** Its latest published class, if any. */
  publishedClass: z.enum(ZONE_CLASSES).nullable(),
});
export type ZoneSummary = z.infer<typeof ZoneSummary>;

export const ZonePage = z.object({ total: z.number().int(), items: z.array(ZoneSummary) });

export const ZoneDetail = z.object({
  zone: Zone,
  ancestors: z.array(Zone),
  children: z.array(Zone),
  /** Latest assessments, newest period first (up to 24). */
  assessments: z.array(Assessment),
  /** The latest published class and its publication. */
  published: z.object({ class: z.enum(ZONE_CLASSES), period: z.string(), publication: PublicationSummary }).nullable(),
  /** The framework version in use (for indicator names, units and thresholds). */
  framework: FrameworkVersion,
});
export type ZoneDetail = z.infer<typeof ZoneDetail>;

export const AssessPeriodRequest = z.strictObject({ period: Period });
