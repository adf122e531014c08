import type { Answers } from '../../shared/outcomes/form.ts';
import { caseArrivals, caseConsents, caseFollowUps } from '../cases/tables.ts';
import { insertTestHousehold } from '../cases/test-support.ts';
import { inTransaction } from '../platform/audit/head.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { type StoredResponse, writeResponses } from './response-writer.ts';
import { outcomeFollowUps, outcomeInstruments } from './tables.ts';

/**
 * Test set-up for alerts and referrals: a returned household with its four follow-ups, an instrument, rounds
 * written through the one writer (so alerts are raised as in production), and consent records.
 */

/** A household doing well on every answer, which each round changes. */
export const GOOD_ANSWERS: Answers = {
  consent_interview: 'yes',
  income_source: 'regular_job',
  income_enough: 'always',
  debt: 'none',
  food_days_reduced: 0,
  productive_assets: 'yes',
  housing: 'own',
  documents: 'all',
  health_access: 'yes',
  school_age_children: 1,
  children_out_of_school: 0,
  participation: 'always',
  feels_safe: 'always',
  discrimination: 'no',
  distress: 'none',
  belonging: 'always',
  migrate_again: 'no',
  support_network: 'yes',
  members_separated: 0,
  member_missing: 'no',
  water_access: 'yes',
  electricity_access: 'yes',
  service_barriers: ['none'],
};

/** The same household after losing its income and falling into debt and distress. */
export const FALLING_ANSWERS: Answers = {
  ...GOOD_ANSWERS,
  income_source: 'none',
  income_enough: 'never',
  debt: 'unmanageable',
  food_days_reduced: 5,
  distress: 'moderate',
  belonging: 'sometimes',
};

export async function insertTestInstrument(db: Database): Promise<string> {
  const [row] = await db
    .insert(outcomeInstruments)
    .values({
      formId: 'homeward_reintegration',
      version: `test-${newId().slice(0, 8)}`,
      title: { en: 'Reintegration' },
      defaultLanguage: 'en',
      languages: ['en'],
      definition: {
        formId: 'homeward_reintegration',
        version: 'test',
        title: { en: 'Reintegration' },
        defaultLanguage: 'en',
        languages: ['en'],
        children: [],
        choices: {},
      },
      sourceHash: newId(),
    })
    .returning({ id: outcomeInstruments.id });
  return row!.id;
}

export interface FollowedHousehold {
  householdId: string;
  reference: string;
  personIds: string[];
  /** Outcome follow-up ids by round (1, 3, 6, 12). */
  followUps: Record<number, string>;
}

/** A returned household of `organisationId` with its arrival and four follow-ups, `assignedOrganisationId` doing them. */
export async function insertFollowedHousehold(
  db: Database,
  keyring: Keyring,
  options: { organisationId: string; userId: string; assignedOrganisationId?: string; pcode?: string },
): Promise<FollowedHousehold> {
  const household = await insertTestHousehold(db, keyring, {
    organisationId: options.organisationId,
    registeredBy: options.userId,
    stage: 'arrived',
    ...(options.pcode ? { intendedPcode: options.pcode } : {}),
  });
  const pcode = options.pcode ?? 'QM0101';
  const [arrival] = await db
    .insert(caseArrivals)
    .values({ householdId: household.id, arrivedOn: '2026-01-10', pcode, people: 2, recordedBy: options.userId })
    .returning({ id: caseArrivals.id });
  const followUps: Record<number, string> = {};
  for (const round of [1, 3, 6, 12]) {
    const dueOn = `2026-${String(1 + round).padStart(2, '0')}-10`.replace('2026-13', '2027-01');
    const [caseFollowUp] = await db
      .insert(caseFollowUps)
      .values({ householdId: household.id, arrivalId: arrival!.id, monthsAfterArrival: round, dueOn, status: 'open' })
      .returning({ id: caseFollowUps.id });
    const [followUp] = await db
      .insert(outcomeFollowUps)
      .values({
        caseFollowUpId: caseFollowUp!.id,
        householdId: household.id,
        organisationId: options.organisationId,
        assignedOrganisationId: options.assignedOrganisationId ?? null,
        pcode,
        stateCode: pcode.slice(0, 2),
        cohort: '2026-01',
        round,
        dueOn,
        status: options.assignedOrganisationId ? 'assigned' : 'due',
        headSex: 'female',
        headAgeGroup: '40-59',
        disability: false,
      })
      .returning({ id: outcomeFollowUps.id });
    followUps[round] = followUp!.id;
  }
  return { householdId: household.id, reference: household.reference, personIds: household.personIds, followUps };
}

/** Writes a round of the household through the response writer, as the form and the imports do. */
export async function writeTestRound(
  db: Database,
  keyring: Keyring,
  household: FollowedHousehold,
  options: { instrumentId: string; organisationId: string; round: number; answers: Answers },
): Promise<StoredResponse | undefined> {
  const { created } = await inTransaction(db, (tx) =>
    writeResponses(tx, keyring, [
      {
        instrumentId: options.instrumentId,
        submissionId: newId(),
        population: 'returnee',
        followUpId: household.followUps[options.round] ?? null,
        householdId: household.householdId,
        organisationId: options.organisationId,
        pcode: 'QM0101',
        stateCode: 'QM',
        cohort: '2026-01',
        round: options.round,
        collectedOn: `2026-${String(1 + options.round).padStart(2, '0')}-12`.replace('2026-13', '2027-01'),
        source: 'web',
        answers: options.answers,
        headSex: 'female',
        headAgeGroup: '40-59',
        disability: false,
        recordedBy: null,
      },
    ]),
  );
  return created[0];
}

/** A consent record of the household's first member for `purpose`. */
export async function insertTestConsent(
  db: Database,
  household: FollowedHousehold,
  recordedBy: string,
  purpose = 'service_referral',
): Promise<string> {
  const [row] = await db
    .insert(caseConsents)
    .values({
      personId: household.personIds[0]!,
      householdId: household.householdId,
      purpose,
      givenOn: '2026-01-05',
      channel: 'in_person',
      recordedBy,
    })
    .returning({ id: caseConsents.id });
  return row!.id;
}
