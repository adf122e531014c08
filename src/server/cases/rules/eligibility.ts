import type { VoluntarinessFileStatus } from '../../../shared/cases/constants.ts';
import type { EligibilityRow } from '../../../shared/cases/schemas.ts';
import type { ZoneClass } from '../../../shared/zones/constants.ts';

/**
 * Whether a household may return, rule by rule, and why. Pure: everything it needs is in the facts, gathered by
 * eligibility.ts from the case and the zones module. Each rule gives one row, passed or failed, with a reason
 * code and its parameters, which a screen or a decision shows in the reader's language.
 *
 * The last rule is the non-refoulement guard: the destination zone's current published class must be
 * conducive, or conditionally conducive with its conditions addressed for this household (for the very
 * publication in force), and the class must be fresh. It can never be overridden.
 */

/** One member's voluntariness file, as far as eligibility asks. */
export interface FileFacts {
  status: VoluntarinessFileStatus;
  intentionOn: string | null;
  counselled: boolean;
  informed: boolean;
  declarationSignedOn: string | null;
  coolingOffEndsOn: string | null;
}

/** The steps a file needs before it is complete, in order. */
export const FILE_STEPS = ['intention', 'counselling', 'zone_information', 'declaration'] as const;
export type FileStep = (typeof FILE_STEPS)[number];

/**
 * The files of a household's required members, counted: all the voluntariness rule asks. The reader computes
 * these counts in SQL (eligibility.ts); `countFiles` computes the same from single files.
 */
export interface FilesFacts {
  count: number;
  withdrawn: number;
  /** How many files lack each step. */
  lacking: Record<FileStep, number>;
  /** The latest end of a cooling-off period among the files, `YYYY-MM-DD`; null when none has begun. */
  coolingOffEnds: string | null;
}

const stepDone: Record<FileStep, (file: FileFacts) => boolean> = {
  intention: (file) => file.intentionOn !== null,
  counselling: (file) => file.counselled,
  zone_information: (file) => file.informed,
  declaration: (file) => file.declarationSignedOn !== null,
};

export function countFiles(files: readonly FileFacts[]): FilesFacts {
  const lacking = Object.fromEntries(
    FILE_STEPS.map((step) => [step, files.filter((file) => !stepDone[step](file)).length]),
  ) as Record<FileStep, number>;
  const coolingOffEnds = files
    .map((file) => file.coolingOffEndsOn)
    .reduce<string | null>((latest, day) => (day !== null && (latest === null || day > latest) ? day : latest), null);
  return {
    count: files.length,
    withdrawn: files.filter((file) => file.status === 'withdrawn').length,
    lacking,
    coolingOffEnds,
  };
}

export interface DestinationFacts {
  pcode: string;
  class: ZoneClass;
  /** The published period the class comes from; null when the zone was never published. */
  period: string | null;
  publicationId: string | null;
  fresh: boolean;
  /** The publication whose conditions were addressed for this household, if any. */
  conditionsAddressedFor: string | null;
}

export interface EligibilityFacts {
  /** The day the check is for, `YYYY-MM-DD` (UTC). */
  today: string;
  /** Members who must have a voluntariness file of their own: every adult and every unaccompanied child. */
  requiredFiles: number;
  /** The files of those members, counted (a member without a file is not counted). */
  files: FilesFacts;
  openProtectionFlags: number;
  /** Specific needs, across the members, that have no plan yet. */
  needsWithoutPlan: number;
  /** Members whose documents are neither available nor being replaced. */
  documentsMissing: number;
  destination: DestinationFacts;
}

export function voluntarinessRow(facts: EligibilityFacts): EligibilityRow {
  const row = (passed: boolean, reason: string, params?: EligibilityRow['params']): EligibilityRow => ({
    rule: 'voluntariness_complete',
    passed,
    reason,
    ...(params ? { params } : {}),
    overridable: false,
  });
  const { withdrawn, count, lacking, coolingOffEnds } = facts.files;
  if (withdrawn > 0) return row(false, 'withdrawn', { files: withdrawn });
  const missing = facts.requiredFiles - count;
  if (missing > 0) return row(false, 'files_missing', { missing, required: facts.requiredFiles });
  for (const step of FILE_STEPS) {
    if (lacking[step] > 0) return row(false, 'step_missing', { step, files: lacking[step] });
  }
  if (coolingOffEnds === null) return row(false, 'step_missing', { step: 'declaration', files: count });
  if (facts.today < coolingOffEnds) return row(false, 'cooling_off', { until: coolingOffEnds });
  return row(true, 'complete', { files: count, coolingOffEndedOn: coolingOffEnds });
}

export function protectionRow(facts: EligibilityFacts): EligibilityRow {
  const open = facts.openProtectionFlags;
  return open > 0
    ? {
        rule: 'no_open_protection_flag',
        passed: false,
        reason: 'open_flags',
        params: { count: open },
        overridable: false,
      }
    : { rule: 'no_open_protection_flag', passed: true, reason: 'none_open', overridable: false };
}

export function needsRow(facts: EligibilityFacts): EligibilityRow {
  const unplanned = facts.needsWithoutPlan;
  return unplanned > 0
    ? {
        rule: 'needs_planned',
        passed: false,
        reason: 'needs_without_plan',
        params: { count: unplanned },
        overridable: false,
      }
    : { rule: 'needs_planned', passed: true, reason: 'all_planned', overridable: false };
}

export function documentsRow(facts: EligibilityFacts): EligibilityRow {
  const missing = facts.documentsMissing;
  return missing > 0
    ? {
        rule: 'documents_ready',
        passed: false,
        reason: 'documents_missing',
        params: { count: missing },
        overridable: false,
      }
    : { rule: 'documents_ready', passed: true, reason: 'documents_ready', overridable: false };
}

/** The non-refoulement guard. */
export function destinationRow(destination: DestinationFacts): EligibilityRow {
  const params = { pcode: destination.pcode, zoneClass: destination.class, period: destination.period };
  const row = (passed: boolean, reason: string): EligibilityRow => ({
    rule: 'destination_safe',
    passed,
    reason,
    params,
    overridable: false,
  });
  if (destination.period === null) return row(false, 'not_published');
  if (destination.class === 'not_conducive') return row(false, 'not_conducive');
  if (destination.class === 'insufficient_data') return row(false, 'insufficient_data');
  if (!destination.fresh) return row(false, 'class_stale');
  if (destination.class === 'conducive') return row(true, 'conducive');
  // Conditionally conducive: only with the conditions of the publication in force addressed for this household.
  if (destination.conditionsAddressedFor !== null && destination.conditionsAddressedFor === destination.publicationId) {
    return row(true, 'conditions_addressed');
  }
  return row(
    false,
    destination.conditionsAddressedFor === null ? 'conditions_not_addressed' : 'conditions_addressed_for_earlier_class',
  );
}

/** Every rule's row, in the order of ELIGIBILITY_RULES. */
export function checkEligibility(facts: EligibilityFacts): EligibilityRow[] {
  return [
    voluntarinessRow(facts),
    protectionRow(facts),
    needsRow(facts),
    documentsRow(facts),
    destinationRow(facts.destination),
  ];
}

export const isEligible = (rows: readonly EligibilityRow[]): boolean => rows.every((row) => row.passed);

/** The rows that failed, for a refusal that names its rules. */
export const failedRules = (rows: readonly EligibilityRow[]) =>
  rows.filter((row) => !row.passed).map((row) => row.rule);
