import { type SQL, sql } from 'drizzle-orm';
import { OPEN_CASE_STAGES, type VoluntarinessFileStatus } from '../../shared/cases/constants.ts';
import type { EligibilityRow } from '../../shared/cases/schemas.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { currentZoneClass } from '../zones/public-zones.ts';
import { checkEligibility, type EligibilityFacts, type FileFacts } from './rules/eligibility.ts';
import {
  caseConditionsAddressed,
  caseCounsellingSessions,
  caseHouseholds,
  casePeople,
  caseProtectionFlags,
  caseVoluntarinessFiles,
  caseZoneInformation,
} from './tables.ts';

export { checkEligibility, failedRules, isEligible } from './rules/eligibility.ts';

/** How fresh a zone's published class must be to decide a return on (months, counting the current one). */
export const FRESH_MONTHS = 3;
/** Households whose facts are read in one statement when given by id. */
const IDS_PER_STATEMENT = 1000;

/** Which households to check: some by id, or every open case. */
export type EligibilityScope = { householdIds: readonly string[] } | { open: true };

export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
/** Adults are the members born in or before this year: a member turning 18 this year is asked as an adult. */
export const adultBirthYear = (now: Date): number => now.getUTCFullYear() - 18;

/**
 * What the rules need for each household in scope, read in two statements per chunk (the household's counts,
 * then its required members' files) and one per destination zone (its class, from the zones module).
 */
export async function eligibilityFacts(
  db: Database,
  scope: EligibilityScope,
  now: Date = new Date(),
): Promise<Map<string, EligibilityFacts>> {
  const facts = new Map<string, EligibilityFacts>();
  if ('open' in scope) {
    await readFacts(db, sql`h.stage in ${OPEN_CASE_STAGES}`, now, facts);
  } else {
    for (let i = 0; i < scope.householdIds.length; i += IDS_PER_STATEMENT) {
      const ids = scope.householdIds.slice(i, i + IDS_PER_STATEMENT);
      await readFacts(db, sql`h.id in ${ids}`, now, facts);
    }
  }
  return facts;
}

interface HouseholdFactsRow extends Record<string, unknown> {
  id: string;
  pcode: string;
  required_files: number;
  needs_without_plan: number;
  documents_missing: number;
  open_flags: number;
  conditions_for: string | null;
}

interface FileFactsRow extends Record<string, unknown> {
  household_id: string;
  status: VoluntarinessFileStatus;
  intention_on: string | null;
  declaration_signed_on: string | null;
  cooling_off_ends_on: string | null;
  counselled: boolean;
  informed: boolean;
}

async function readFacts(db: Database, where: SQL, now: Date, into: Map<string, EligibilityFacts>): Promise<void> {
  const adultYear = adultBirthYear(now);
  const households = await queryRows<HouseholdFactsRow>(
    db,
    sql`select h.id, h.intended_pcode as pcode,
        (select count(*) from ${casePeople} p
          where p.household_id = h.id and (p.birth_year <= ${adultYear} or p.unaccompanied))::int as required_files,
        (select coalesce(sum(p.needs_without_plan), 0) from ${casePeople} p where p.household_id = h.id)::int
          as needs_without_plan,
        (select count(*) from ${casePeople} p where p.household_id = h.id and p.document_status = 'missing')::int
          as documents_missing,
        (select count(*) from ${caseProtectionFlags} f where f.household_id = h.id and f.status = 'open')::int
          as open_flags,
        (select c.publication_id from ${caseConditionsAddressed} c
          where c.household_id = h.id and c.pcode = h.intended_pcode order by c.created_at desc limit 1) as conditions_for
      from ${caseHouseholds} h where ${where}`,
  );
  if (households.length === 0) return;
  const files = await queryRows<FileFactsRow>(
    db,
    sql`select f.household_id, f.status, f.intention_on::text as intention_on,
        f.declaration_signed_on::text as declaration_signed_on, f.cooling_off_ends_on::text as cooling_off_ends_on,
        exists (select 1 from ${caseCounsellingSessions} s where s.file_id = f.id) as counselled,
        exists (select 1 from ${caseZoneInformation} z where z.file_id = f.id) as informed
      from ${caseVoluntarinessFiles} f
      join ${casePeople} p on p.id = f.person_id
      join ${caseHouseholds} h on h.id = f.household_id
      where (p.birth_year <= ${adultYear} or p.unaccompanied) and ${where}`,
  );
  const filesOf = new Map<string, FileFacts[]>();
  for (const file of files) {
    const list = filesOf.get(file.household_id) ?? [];
    list.push({
      status: file.status,
      intentionOn: file.intention_on,
      counselled: file.counselled,
      informed: file.informed,
      declarationSignedOn: file.declaration_signed_on,
      coolingOffEndsOn: file.cooling_off_ends_on,
    });
    filesOf.set(file.household_id, list);
  }
  const zoneClasses = new Map<string, Awaited<ReturnType<typeof currentZoneClass>>>();
  for (const pcode of new Set(households.map((household) => household.pcode))) {
    zoneClasses.set(pcode, await currentZoneClass(db, pcode, { freshMonths: FRESH_MONTHS, now }));
  }
  const today = dayOf(now);
  for (const household of households) {
    const zone = zoneClasses.get(household.pcode)!;
    into.set(household.id, {
      today,
      requiredFiles: household.required_files,
      files: filesOf.get(household.id) ?? [],
      openProtectionFlags: household.open_flags,
      needsWithoutPlan: household.needs_without_plan,
      documentsMissing: household.documents_missing,
      destination: {
        pcode: household.pcode,
        class: zone.class,
        period: zone.period,
        publicationId: zone.publicationId,
        fresh: zone.fresh,
        conditionsAddressedFor: household.conditions_for,
      },
    });
  }
}

/** The eligibility rows of one household, as of `now`. Callers check the household's reach first. */
export async function evaluateEligibility(
  db: Database,
  householdId: string,
  now: Date = new Date(),
): Promise<EligibilityRow[]> {
  const facts = (await eligibilityFacts(db, { householdIds: [householdId] }, now)).get(householdId);
  if (!facts) throw new Error(`household ${householdId} not found for eligibility`);
  return checkEligibility(facts);
}

/** Every open case's rows, by household id: what a coordinator's review, and the benchmark, run. */
export async function evaluateOpenCases(db: Database, now: Date = new Date()): Promise<Map<string, EligibilityRow[]>> {
  const facts = await eligibilityFacts(db, { open: true }, now);
  return new Map([...facts].map(([id, householdFacts]) => [id, checkEligibility(householdFacts)]));
}
