import { type SQL, sql } from 'drizzle-orm';
import { OPEN_CASE_STAGES } from '../../shared/cases/constants.ts';
import type { EligibilityResult, EligibilityRow } from '../../shared/cases/schemas.ts';
import type { RequestContext } from '../platform/context.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { authorize } from '../platform/policy/policy.ts';
import { currentZoneClasses } from '../zones/public-zones.ts';
import { reachableHousehold } from './access.ts';
import { checkEligibility, type EligibilityFacts, isEligible } from './rules/eligibility.ts';
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

/**
 * When to check, and how fresh a zone's published class must be to decide a return on (months, counting the
 * current one): `config.zoneClassFreshMonths`, HOMEWARD_ZONE_CLASS_FRESH_MONTHS.
 */
export interface EligibilityOptions {
  freshMonths: number;
  now?: Date;
}
/** Households whose facts are read in one statement when given by id. */
const IDS_PER_STATEMENT = 1000;

/** Which households to check: some by id, or every open case. */
export type EligibilityScope = { householdIds: readonly string[] } | { open: true };

export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);
/** Adults are the members born in or before this year: a member turning 18 this year is asked as an adult. */
export const adultBirthYear = (now: Date): number => now.getUTCFullYear() - 18;

/**
 * What the rules need for each household in scope: one statement per chunk, which reads each table once and
 * groups it by household (people, voluntariness files, protection flags, addressed conditions), then one for
 * the destination zones' classes (from the zones module).
 */
export async function eligibilityFacts(
  db: Database,
  scope: EligibilityScope,
  { freshMonths, now = new Date() }: EligibilityOptions,
): Promise<Map<string, EligibilityFacts>> {
  // Not `push(...rows)`: a region's open cases are more arguments than a call can take.
  let rows: HouseholdFactsRow[] = [];
  if ('open' in scope) {
    rows = await readFacts(db, sql`h.stage in ${OPEN_CASE_STAGES}`, sql`true`, now);
  } else {
    for (let i = 0; i < scope.householdIds.length; i += IDS_PER_STATEMENT) {
      const ids = scope.householdIds.slice(i, i + IDS_PER_STATEMENT);
      rows = rows.concat(await readFacts(db, sql`h.id in ${ids}`, sql`household_id in ${ids}`, now));
    }
  }
  const zones = await currentZoneClasses(
    db,
    rows.map((row) => row.pcode),
    { freshMonths, now },
  );
  const today = dayOf(now);
  const facts = new Map<string, EligibilityFacts>();
  for (const row of rows) {
    const zone = zones.get(row.pcode)!;
    facts.set(row.id, {
      today,
      requiredFiles: row.required_files,
      files: {
        count: row.files,
        withdrawn: row.withdrawn,
        lacking: {
          intention: row.without_intention,
          counselling: row.without_counselling,
          zone_information: row.without_information,
          declaration: row.without_declaration,
        },
        coolingOffEnds: row.cooling_off_ends,
      },
      openProtectionFlags: row.open_flags,
      needsWithoutPlan: row.needs_without_plan,
      documentsMissing: row.documents_missing,
      destination: {
        pcode: row.pcode,
        class: zone.class,
        period: zone.period,
        publicationId: zone.publicationId,
        fresh: zone.fresh,
        conditionsAddressedFor: row.conditions_for,
      },
    });
  }
  return facts;
}

interface HouseholdFactsRow extends Record<string, unknown> {
  id: string;
  pcode: string;
  required_files: number;
  needs_without_plan: number;
  documents_missing: number;
  files: number;
  withdrawn: number;
  without_intention: number;
  without_counselling: number;
  without_information: number;
  without_declaration: number;
  cooling_off_ends: string | null;
  open_flags: number;
  conditions_for: string | null;
}

/**
 * The counts of the households `where` selects (as `h`); `within` narrows the grouped tables by `household_id`
 * (all of them for every open case, which most households are, so each is read once in full). A file is counselled, and its zone information given,
 * by a session or a record on or after the intention it follows (a new intention asks for them again).
 */
function readFacts(db: Database, where: SQL, within: SQL, now: Date): Promise<HouseholdFactsRow[]> {
  const adultYear = adultBirthYear(now);
  return queryRows<HouseholdFactsRow>(
    db,
    sql`select h.id, h.intended_pcode as pcode, p.required_files, p.needs_without_plan, p.documents_missing,
        coalesce(v.files, 0)::int as files, coalesce(v.withdrawn, 0)::int as withdrawn,
        coalesce(v.without_intention, 0)::int as without_intention,
        coalesce(v.without_counselling, 0)::int as without_counselling,
        coalesce(v.without_information, 0)::int as without_information,
        coalesce(v.without_declaration, 0)::int as without_declaration,
        v.cooling_off_ends::text as cooling_off_ends, coalesce(fl.open_flags, 0)::int as open_flags, c.conditions_for
      from ${caseHouseholds} h
      join (select household_id,
          count(*) filter (where birth_year <= ${adultYear} or unaccompanied)::int as required_files,
          coalesce(sum(needs_without_plan), 0)::int as needs_without_plan,
          count(*) filter (where document_status = 'missing')::int as documents_missing
        from ${casePeople} where ${within} group by household_id) p on p.household_id = h.id
      left join (select f.household_id, count(*) as files, count(*) filter (where f.status = 'withdrawn') as withdrawn,
          count(*) filter (where f.intention_on is null) as without_intention,
          count(*) filter (where not exists (select 1 from ${caseCounsellingSessions} s
            where s.file_id = f.id and s.held_on >= f.intention_on)) as without_counselling,
          count(*) filter (where not exists (select 1 from ${caseZoneInformation} z
            where z.file_id = f.id and z.given_on >= f.intention_on)) as without_information,
          count(*) filter (where f.declaration_signed_on is null) as without_declaration,
          max(f.cooling_off_ends_on) as cooling_off_ends
        from (select * from ${caseVoluntarinessFiles} where ${within}) f join ${casePeople} fp on fp.id = f.person_id
        where fp.birth_year <= ${adultYear} or fp.unaccompanied
        group by f.household_id) v on v.household_id = h.id
      left join (select household_id, count(*) as open_flags from ${caseProtectionFlags}
        where status = 'open' and ${within} group by household_id) fl on fl.household_id = h.id
      left join (select distinct on (household_id, pcode) household_id, pcode, publication_id as conditions_for
        from ${caseConditionsAddressed} where ${within}
        order by household_id, pcode, created_at desc) c on c.household_id = h.id and c.pcode = h.intended_pcode
      where ${where}`,
  );
}

/** The eligibility rows of one household, as of `now`. Callers check the household's reach first. */
export async function evaluateEligibility(
  db: Database,
  householdId: string,
  options: EligibilityOptions,
): Promise<EligibilityRow[]> {
  const facts = (await eligibilityFacts(db, { householdIds: [householdId] }, options)).get(householdId);
  if (!facts) throw new Error(`household ${householdId} not found for eligibility`);
  return checkEligibility(facts);
}

/** Every open case's rows, by household id: what a coordinator's review, and the benchmark, run. */
export async function evaluateOpenCases(
  db: Database,
  options: EligibilityOptions,
): Promise<Map<string, EligibilityRow[]>> {
  const facts = await eligibilityFacts(db, { open: true }, options);
  return new Map([...facts].map(([id, householdFacts]) => [id, checkEligibility(householdFacts)]));
}

/** A household's eligibility today, rule by rule, for the household page (`config.zoneClassFreshMonths`). */
export async function householdEligibility(ctx: RequestContext, householdId: string): Promise<EligibilityResult> {
  authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId);
  const now = new Date();
  const rows = await evaluateEligibility(ctx.db, household.id, {
    freshMonths: ctx.platform.config.zoneClassFreshMonths,
    now,
  });
  return { householdId: household.id, checkedOn: dayOf(now), eligible: isEligible(rows), rows };
}
