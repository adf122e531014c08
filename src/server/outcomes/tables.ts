import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FormDefinition, LocalizedLabel } from '../../shared/outcomes/form.ts';
import { caseConsents, caseFollowUps, caseHouseholds } from '../cases/tables.ts';
import { organisations, users } from '../platform/accounts/schema.ts';
import { createdAt, id } from '../platform/db/columns.ts';
import { dataSharingAgreements } from '../platform/policy/schema.ts';
import { zones } from '../zones/tables.ts';

/**
 * The outcome-monitoring module's tables. Answers are personal data (health, distress, family members) and are
 * stored only as an encrypted envelope (`answers_enc`, purpose `outcome`). What stays in clear names nobody and is
 * what rules and counts need: the coded values the scores read (`indicators`: numbers and choice codes, never
 * free text), the scores themselves, and the disaggregation of the head of household (sex, age group,
 * disability), as the cases module keeps sex and birth year in clear.
 */

/** A version of a survey instrument, imported from an XLSForm. */
export const outcomeInstruments = pgTable(
  'outcome_instruments',
  {
    id: id(),
    formId: text('form_id').notNull(),
    version: text('version').notNull(),
    title: jsonb('title').$type<LocalizedLabel>().notNull(),
    defaultLanguage: text('default_language').notNull(),
    languages: jsonb('languages').$type<string[]>().notNull(),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    /** The SHA-256 of the imported file, so that importing the same file twice is recognised. */
    sourceHash: text('source_hash').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.formId, t.version)],
);

/**
 * A follow-up round of a returned household, opened from the cases module's schedule when it comes due. The
 * household's owner is its registering organisation; the field organisation assigned does it.
 */
export const outcomeFollowUps = pgTable(
  'outcome_follow_ups',
  {
    id: id(),
    caseFollowUpId: uuid('case_follow_up_id')
      .notNull()
      .unique()
      .references(() => caseFollowUps.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    /** The household's registering organisation, which owns its records. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    assignedOrganisationId: uuid('assigned_organisation_id').references(() => organisations.id),
    assignedTo: uuid('assigned_to').references(() => users.id),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    stateCode: text('state_code').notNull(),
    /** The month of return, `YYYY-MM`. */
    cohort: text('cohort').notNull(),
    /** Months after arrival: 1, 3, 6 or 12. */
    round: smallint('round').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
    mode: text('mode'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptOn: date('next_attempt_on'),
    lostReason: text('lost_reason'),
    /** The household's own secure link: a keyed hash of its token, and when it stops working. */
    linkTokenHash: text('link_token_hash').unique(),
    linkExpiresAt: timestamp('link_expires_at', { withTimezone: true }),
    responseId: uuid('response_id'),
    headSex: text('head_sex').notNull(),
    headAgeGroup: text('head_age_group').notNull(),
    disability: boolean('disability').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.status, t.dueOn),
    index().on(t.assignedOrganisationId, t.status),
    index().on(t.organisationId, t.status),
    index().on(t.householdId),
  ],
);

/**
 * One answered round: a returned household's follow-up, or a resident household's answers for the comparison.
 * Unique per instrument on the submission id (`_uuid` from Kobo, `meta-instanceID` from ODK Central, or the id
 * Homeward gave it), so an import can be repeated.
 */
export const outcomeResponses = pgTable(
  'outcome_responses',
  {
    id: id(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => outcomeInstruments.id),
    submissionId: text('submission_id').notNull(),
    population: text('population').notNull(),
    followUpId: uuid('follow_up_id')
      .unique()
      .references(() => outcomeFollowUps.id),
    householdId: uuid('household_id').references(() => caseHouseholds.id),
    /** The organisation that collected it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    stateCode: text('state_code').notNull(),
    /** Returnees: the month of return, `YYYY-MM`; residents: null. */
    cohort: text('cohort'),
    /** Returnees: months after arrival; residents: the round of the resident survey it sits beside (1, 3, 6, 12). */
    round: smallint('round').notNull(),
    collectedOn: date('collected_on').notNull(),
    source: text('source').notNull(),
    /** Every answer as JSON, encrypted (purpose `outcome`). */
    answersEnc: text('answers_enc').notNull(),
    /** The coded values the scores and alerts read (numbers and choice codes, never free text). */
    indicators: jsonb('indicators').$type<Record<string, number | string | null>>().notNull(),
    economic: real('economic'),
    social: real('social'),
    psychosocial: real('psychosocial'),
    composite: real('composite'),
    familyUnity: real('family_unity'),
    servicesAccess: real('services_access'),
    headSex: text('head_sex').notNull(),
    headAgeGroup: text('head_age_group').notNull(),
    disability: boolean('disability').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.instrumentId, t.submissionId),
    index().on(t.population, t.pcode, t.round),
    index().on(t.householdId, t.round),
    index().on(t.stateCode, t.cohort),
  ],
);

/** A household that crossed a threshold in a round. One alert per response and kind. */
export const outcomeAlerts = pgTable(
  'outcome_alerts',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    responseId: uuid('response_id')
      .notNull()
      .references(() => outcomeResponses.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    /** Codes and numbers that explain it (the score before and after, the threshold), never free text. */
    detail: jsonb('detail').$type<Record<string, number | string | null>>().notNull(),
    status: text('status').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    closeReason: text('close_reason'),
  },
  (t) => [uniqueIndex().on(t.responseId, t.kind), index().on(t.organisationId, t.status), index().on(t.householdId)],
);

/**
 * A referral to a service, with the household's consent for it (a cases consent record) and the data-sharing
 * agreement under which the receiving organisation may see the household; followed to its outcome.
 */
export const outcomeReferrals = pgTable(
  'outcome_referrals',
  {
    id: id(),
    alertId: uuid('alert_id').references(() => outcomeAlerts.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    service: text('service').notNull(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => caseConsents.id),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => dataSharingAgreements.id),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
    /** What the referring worker wrote for the receiving one, encrypted (purpose `outcome`). */
    noteEnc: text('note_enc'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index().on(t.toOrganisationId, t.status),
    index().on(t.fromOrganisationId, t.status),
    index().on(t.householdId),
  ],
);

/** Each step of a referral, with what was said (encrypted). */
export const outcomeReferralUpdates = pgTable(
  'outcome_referral_updates',
  {
    id: id(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => outcomeReferrals.id),
    status: text('status').notNull(),
    noteEnc: text('note_enc'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    by: uuid('by')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.referralId)],
);

/** A zone-level outcome aggregate entered in the zones module as an observation (livelihoods, services). */
export const outcomeZoneEntries = pgTable(
  'outcome_zone_entries',
  {
    id: id(),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    /** `YYYY-MM`. */
    period: text('period').notNull(),
    indicator: text('indicator').notNull(),
    value: real('value').notNull(),
    respondents: smallint('respondents').notNull(),
    observationId: uuid('observation_id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.pcode, t.period, t.indicator, t.organisationId)],
);
