/**
 * The return-zones vocabulary as plain constants: the words and limits the server validates with and the web
 * application shows. No schema library here, so that a screen importing a list does not carry it to the
 * browser; the API schemas (schemas.ts) are built from these.
 */

/** Gazetteer levels, outermost first: the state (country, admin0), admin1 to admin4, then locations. */
export const ZONE_LEVELS = ['state', 'admin1', 'admin2', 'admin3', 'admin4', 'location'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

/**
 * A P-code as OCHA's common operational datasets publish them: a two- or three-letter country prefix then
 * digits and letters in any order (QM0101, IQG07Q02, MMR001D001, BDI001001, MG11101001A), or digits only
 * (3501000). Upper case; at most 24 characters. Which unit contains which comes from the gazetteer's parent
 * column, not from the code: codes need not nest by prefix.
 */
export const PCODE = /^(?:[A-Z]{2}[A-Z0-9]{0,22}|[0-9]{1,24})$/;

/** What a P-code looks like, for messages that refuse one. */
export const PCODE_RULE =
  'a P-code is a two- or three-letter country code then digits and letters (IQG07Q02, MMR001D001, MG11101001A), or digits only (3501000)';

export const ZONE_CLASSES = ['conducive', 'conditionally_conducive', 'insufficient_data', 'not_conducive'] as const;
export type ZoneClass = (typeof ZONE_CLASSES)[number];
export const isZoneClass = (value: unknown): value is ZoneClass => ZONE_CLASSES.includes(value as ZoneClass);

/** Safety order used by the properties: a higher rank means return looks better supported. */
export const ZONE_CLASS_RANK: Record<ZoneClass, number> = {
  not_conducive: 0,
  insufficient_data: 1,
  conditionally_conducive: 2,
  conducive: 3,
};

/** Status of one indicator or criterion. `missing` means no verified, fresh value (criteria: `insufficient`). */
export const INDICATOR_STATUSES = ['red', 'missing', 'amber', 'green'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export const CRITERION_STATUSES = ['red', 'insufficient', 'amber', 'green'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Units of measure and the values each admits. */
export const UNITS = {
  count: { min: 0, max: 1_000_000_000, integer: true },
  percent: { min: 0, max: 100, integer: false },
  rate_per_10000: { min: 0, max: 10_000, integer: false },
  score_1_5: { min: 1, max: 5, integer: false },
  yes_no: { min: 0, max: 1, integer: true },
  days: { min: 0, max: 3650, integer: false },
  hours_per_day: { min: 0, max: 24, integer: false },
  km: { min: 0, max: 10_000, integer: false },
} as const;
export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const OBSERVATION_SOURCES = ['monitoring_visit', 'key_informant_interview', 'partner_report', 'survey'] as const;
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];

/** pending: awaiting a verifier; more_evidence: the verifier asked for more; confirmed or rejected: decided. */
export const OBSERVATION_STATUSES = ['pending', 'more_evidence', 'confirmed', 'rejected'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export const VERIFICATION_DECISIONS = ['confirm', 'reject', 'request_evidence'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const CRITERION_KINDS = ['criterion', 'precondition'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Each indicator's value is verified, a stale red, an unverified red or worse value, or missing. */
export const INDICATOR_BASES = ['verified', 'stale_red', 'unverified_red', 'unverified_worse', 'missing'] as const;
export type IndicatorBasis = (typeof INDICATOR_BASES)[number];

export const FRAMEWORK_STATUSES = ['draft', 'published'] as const;

/** Indicator and criterion codes: lower-case letters, digits and _, starting with a letter. */
export const CODE = /^[a-z][a-z0-9_]{1,63}$/;

/** Limits of the framework's fields: weight in (0, WEIGHT_MAX], freshness in whole months. */
export const WEIGHT_MAX = 100;
export const FRESHNESS_MIN = 1;
export const FRESHNESS_MAX = 36;

/** Lengths of the free text a person writes: how an observation was made, evidence notes, a reason. */
export const METHOD_MAX = 500;
export const NOTES_MAX = 4000;
export const REASON_MAX = 2000;

/** The module's audit event types; their detail schemas are in src/server/zones/events.ts, held to this list. */
export const ZONE_AUDIT_EVENTS = [
  'zones.gazetteer_imported',
  'zones.framework_drafted',
  'zones.framework_published',
  'zones.observation_recorded',
  'zones.observations_imported',
  'zones.observation_verified',
  'zones.evidence_added',
  'zones.observation_corrected',
  'zones.evidence_file_attached',
  'zones.period_assessed',
  'zones.period_published',
] as const;
export type ZoneAuditEventType = (typeof ZONE_AUDIT_EVENTS)[number];

/**
 * Evidence files: photos and scans, cleaned of their metadata and stored encrypted. Only types whose metadata
 * Homeward removes are accepted (a PDF is refused: its author, software and places cannot be removed reliably).
 */
export const EVIDENCE_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const EVIDENCE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_FILES_PER_OBSERVATION = 10;
export const FILE_NAME_MAX = 200;
