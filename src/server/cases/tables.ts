import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EligibilityRow } from '../../shared/cases/schemas.ts';
import { organisations, users } from '../platform/accounts/schema.ts';
import { createdAt, id } from '../platform/db/columns.ts';
import { dataSharingAgreements } from '../platform/policy/schema.ts';
import { zones } from '../zones/tables.ts';

/**
 * The returnee-cases module's tables. Every personal field is an encrypted envelope (`*_enc`, platform/crypto,
 * purpose `person` or `contact`), searchable only through keyed blind indexes (`case_person_indexes`). What
 * stays in clear is what rules and counts need and names nobody: codes, dates of steps, counts, sex and birth
 * year (for disaggregation and the adult rule).
 */

/** A household: the unit a return is decided and travels for. Its registering organisation owns it. */
export const caseHouseholds = pgTable(
  'case_households',
  {
    id: id(),
    /** Read aloud and printed on the registration slip: `HW-7K3M-9QXD`. */
    reference: text('reference').notNull().unique(),
    /** The secret code printed on the slip, as a keyed hash bound to the reference (references.ts): the public status page asks for it. */
    statusCodeHash: text('status_code_hash').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The state of asylum (two letters) and the zone of intended return. */
    asylumStateCode: text('asylum_state_code').notNull(),
    intendedPcode: text('intended_pcode')
      .notNull()
      .references(() => zones.pcode),
    /** The intended zone's state, for distribution by state and the public timelines. */
    stateCode: text('state_code').notNull(),
    stage: text('stage').notNull(),
    /** Another household this one looks like (same document, or same name and date of birth), until reviewed. */
    possibleDuplicateOf: uuid('possible_duplicate_of'),
    /** `pending` while flagged and unreviewed; `distinct` when a reviewer found it is another household. */
    duplicateReview: text('duplicate_review'),
    memberCount: smallint('member_count').notNull(),
    /** The case officer following the household, if assigned. */
    caseOfficerId: uuid('case_officer_id').references(() => users.id),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index().on(t.organisationId, t.stage),
    index().on(t.intendedPcode),
    index().on(t.possibleDuplicateOf),
    index().on(t.stateCode, t.registeredAt),
  ],
);

/** A member of a household. Names, date of birth, documents and phones are encrypted. */
export const casePeople = pgTable(
  'case_people',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    /** Order in the household, the head first. */
    position: smallint('position').notNull(),
    relationship: text('relationship').notNull(),
    sex: text('sex').notNull(),
    birthYear: smallint('birth_year').notNull(),
    /** `{ given, family, other? }` as JSON, encrypted (purpose `person`). */
    nameEnc: text('name_enc').notNull(),
    /** ISO date, encrypted (purpose `person`). */
    dateOfBirthEnc: text('date_of_birth_enc').notNull(),
    /** `[{ kind, number }]` as JSON, encrypted (purpose `person`). */
    documentsEnc: text('documents_enc').notNull(),
    /** `["+964…"]` as JSON, encrypted (purpose `contact`). */
    phonesEnc: text('phones_enc').notNull(),
    documentStatus: text('document_status').notNull(),
    /** `[{ need, plan? }]` as JSON, encrypted (purpose `person`): specific needs are protection data. */
    needsEnc: text('needs_enc').notNull(),
    /** How many of the person's specific needs have no plan yet (the eligibility rule reads this). */
    needsWithoutPlan: smallint('needs_without_plan').notNull().default(0),
    /** Whether the person has specific needs at all (for counts; which ones stays encrypted). */
    hasSpecificNeeds: boolean('has_specific_needs').notNull().default(false),
    /** Unaccompanied or separated child: has a voluntariness file of their own. */
    unaccompanied: boolean('unaccompanied').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.householdId)],
);

/**
 * Blind indexes of a person's searchable fields: the exact name, each document number, each phone, and the
 * name with the date of birth (for possible duplicates). Keyed HMACs of normalised values (keyring.blindIndex).
 */
export const casePersonIndexes = pgTable(
  'case_person_indexes',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    /** `name`, `document`, `phone` or `name_dob`. */
    kind: text('kind').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.value, t.personId] }), index().on(t.personId)],
);

/** A person's consent to share their case for one purpose (SHARING_PURPOSES), until withdrawn. */
export const caseConsents = pgTable(
  'case_consents',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    purpose: text('purpose').notNull(),
    givenOn: date('given_on').notNull(),
    channel: text('channel').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnChannel: text('withdrawn_channel'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
  },
  (t) => [index().on(t.householdId, t.purpose), index().on(t.personId)],
);

/**
 * A household's case shared with another organisation for a purpose, under a data-sharing agreement. It
 * gives access only while the agreement is in force and every member's consent for the purpose stands.
 */
export const caseShares = pgTable(
  'case_shares',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    purpose: text('purpose').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => dataSharingAgreements.id),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [index().on(t.householdId), index().on(t.toOrganisationId)],
);

/** The voluntariness file of one adult or unaccompanied child: its steps are rows of the tables below. */
export const caseVoluntarinessFiles = pgTable(
  'case_voluntariness_files',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id)
      .unique(),
    status: text('status').notNull(),
    /** The return intention: when it was expressed, and in the person's words (encrypted). */
    intentionOn: date('intention_on'),
    intentionEnc: text('intention_enc'),
    /** The signed voluntary repatriation form. */
    declarationSignedOn: date('declaration_signed_on'),
    declarationWitnessEnc: text('declaration_witness_enc'),
    declarationLanguage: text('declaration_language'),
    /** An optional scanned copy, encrypted whole (purpose `person`). */
    declarationScanEnc: text('declaration_scan_enc'),
    coolingOffDays: smallint('cooling_off_days').notNull(),
    /** The first day a departure may be scheduled: the declaration's date plus the cooling-off days. */
    coolingOffEndsOn: date('cooling_off_ends_on'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalEnc: text('withdrawal_enc'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.householdId)],
);

/** A counselling session of a voluntariness file. */
export const caseCounsellingSessions = pgTable(
  'case_counselling_sessions',
  {
    id: id(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => caseVoluntarinessFiles.id),
    heldOn: date('held_on').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    counsellorId: uuid('counsellor_id')
      .notNull()
      .references(() => users.id),
    language: text('language').notNull(),
    /** Held privately, without family members or officials present. */
    private: boolean('private').notNull(),
    notesEnc: text('notes_enc'),
    /** Coercion indicators the counsellor recorded in this session (codes). */
    coercionIndicators: text('coercion_indicators').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.fileId)],
);

/** What the person was told about the intended zone: its published class and explanation as shown that day. */
export const caseZoneInformation = pgTable(
  'case_zone_information',
  {
    id: id(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => caseVoluntarinessFiles.id),
    givenOn: date('given_on').notNull(),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    zoneClass: text('zone_class').notNull(),
    period: text('period'),
    publicationId: uuid('publication_id'),
    /** The class's explanation exactly as shown (the public zone page's words in that language). */
    shown: jsonb('shown').notNull(),
    language: text('language').notNull(),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.fileId)],
);

/** An optional go-and-see visit to the zone of return. */
export const caseGoAndSeeVisits = pgTable(
  'case_go_and_see_visits',
  {
    id: id(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => caseVoluntarinessFiles.id),
    visitedOn: date('visited_on').notNull(),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    notesEnc: text('notes_enc'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.fileId)],
);

/** A protection flag: raised by coercion indicators (or by hand), open until a protection officer closes it. */
export const caseProtectionFlags = pgTable(
  'case_protection_flags',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    personId: uuid('person_id').references(() => casePeople.id),
    indicators: text('indicators').array().notNull(),
    status: text('status').notNull(),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    resolutionEnc: text('resolution_enc'),
  },
  (t) => [index().on(t.householdId, t.status)],
);

/**
 * The conditions of a conditionally conducive class, addressed for one household: which publication's
 * conditions, by whom, and how (encrypted). The destination rule accepts only the class it was recorded for.
 */
export const caseConditionsAddressed = pgTable(
  'case_conditions_addressed',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    publicationId: uuid('publication_id').notNull(),
    howEnc: text('how_enc').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.householdId)],
);

/** A decision on a case, opened with its responsible organisation and due date, then decided with reasons. */
export const caseDecisions = pgTable(
  'case_decisions',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    kind: text('kind').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    /** The written rationale, encrypted: it may speak of the person. */
    rationaleEnc: text('rationale_enc'),
    /** The eligibility rows the decision rests on (rule, passed, reason code and parameters; no personal data). */
    eligibility: jsonb('eligibility').$type<EligibilityRow[]>(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index().on(t.householdId), index().on(t.status, t.dueOn), index().on(t.organisationId, t.status)],
);

/** An appeal of a decision, reviewed by another organisation than the one that decided. */
export const caseAppeals = pgTable(
  'case_appeals',
  {
    id: id(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => caseDecisions.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    lodgedBy: text('lodged_by').notNull(),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }).notNull().defaultNow(),
    groundsEnc: text('grounds_enc').notNull(),
    reviewerOrganisationId: uuid('reviewer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    outcomeEnc: text('outcome_enc'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index().on(t.householdId), index().on(t.reviewerOrganisationId, t.status)],
);

/** A transit point on the way home, run by an organisation; closing it suspends the movements through it. */
export const caseTransitPoints = pgTable('case_transit_points', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  pcode: text('pcode').references(() => zones.pcode),
  operatorOrganisationId: uuid('operator_organisation_id')
    .notNull()
    .references(() => organisations.id),
  status: text('status').notNull(),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A corridor: an ordered list of transit points from a state of asylum towards the zones of return. */
export const caseCorridors = pgTable('case_corridors', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  fromStateCode: text('from_state_code').notNull(),
  toStateCode: text('to_state_code').notNull(),
  status: text('status').notNull(),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const caseCorridorPoints = pgTable(
  'case_corridor_points',
  {
    corridorId: uuid('corridor_id')
      .notNull()
      .references(() => caseCorridors.id),
    position: smallint('position').notNull(),
    transitPointId: uuid('transit_point_id')
      .notNull()
      .references(() => caseTransitPoints.id),
  },
  (t) => [primaryKey({ columns: [t.corridorId, t.position] }), index().on(t.transitPointId)],
);

/** A shelter with its capacity in people per night, at a transit point. */
export const caseShelters = pgTable(
  'case_shelters',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    transitPointId: uuid('transit_point_id')
      .notNull()
      .references(() => caseTransitPoints.id),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index().on(t.transitPointId)],
);

/** A convoy or an individual departure on a date along a corridor, with an overnight shelter if any. */
export const caseMovements = pgTable(
  'case_movements',
  {
    id: id(),
    kind: text('kind').notNull(),
    corridorId: uuid('corridor_id')
      .notNull()
      .references(() => caseCorridors.id),
    departsOn: date('departs_on').notNull(),
    shelterId: uuid('shelter_id').references(() => caseShelters.id),
    status: text('status').notNull(),
    suspendedReason: text('suspended_reason'),
    /** What the reason refers to: the zone's P-code and classes, or the transit point or corridor (codes and ids). */
    suspendedDetail: jsonb('suspended_detail'),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    plannedBy: uuid('planned_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    departedAt: timestamp('departed_at', { withTimezone: true }),
  },
  (t) => [index().on(t.status, t.departsOn), index().on(t.corridorId), index().on(t.shelterId, t.departsOn)],
);

/** A household on a movement, with its destination zone and people counted (for shelter capacity). */
export const caseMovementHouseholds = pgTable(
  'case_movement_households',
  {
    movementId: uuid('movement_id')
      .notNull()
      .references(() => caseMovements.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    destinationPcode: text('destination_pcode')
      .notNull()
      .references(() => zones.pcode),
    people: smallint('people').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movementId, t.householdId] }),
    index().on(t.destinationPcode, t.status),
    index().on(t.householdId),
  ],
);

/** A household's arrival at its destination. */
export const caseArrivals = pgTable(
  'case_arrivals',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id)
      .unique(),
    movementId: uuid('movement_id').references(() => caseMovements.id),
    arrivedOn: date('arrived_on').notNull(),
    pcode: text('pcode')
      .notNull()
      .references(() => zones.pcode),
    people: smallint('people').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.arrivedOn)],
);

/** The outcome follow-ups an arrival schedules (1, 3, 6 and 12 months), for the outcome-monitoring module. */
export const caseFollowUps = pgTable(
  'case_follow_ups',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    arrivalId: uuid('arrival_id')
      .notNull()
      .references(() => caseArrivals.id),
    monthsAfterArrival: smallint('months_after_arrival').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(),
  },
  (t) => [uniqueIndex().on(t.householdId, t.monthsAfterArrival), index().on(t.dueOn)],
);

/**
 * What a household's case officers must know and did not do themselves: a movement suspended, a zone
 * downgraded. Shown on the household page and in their pending work until read.
 */
export const caseNotices = pgTable(
  'case_notices',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => caseHouseholds.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    /** Codes and ids that explain it (reason, P-code, classes, movement), never personal data. */
    detail: jsonb('detail').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by').references(() => users.id),
  },
  (t) => [index().on(t.organisationId, t.readAt), index().on(t.householdId)],
);
