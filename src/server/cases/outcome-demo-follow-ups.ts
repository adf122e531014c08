import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../platform/db/client.ts';
import { caseArrivals, caseFollowUps, caseHouseholds, casePeople } from './tables.ts';

/**
 * The scheduled outcome follow-ups of arrived households due by a day, for the outcome-monitoring demo, which
 * opens them with their rounds: the household's reference (it names nobody; the demo's story is seeded by it),
 * owner, zone, day of arrival and head of household's sex and birth year. No personal field.
 */
export interface DemoFollowUpDue {
  caseFollowUpId: string;
  householdId: string;
  reference: string;
  organisationId: string;
  pcode: string;
  stateCode: string;
  arrivedOn: string;
  monthsAfterArrival: number;
  dueOn: string;
  headSex: string;
  headBirthYear: number;
  members: number;
}

export async function demoFollowUpsDue(db: Database, dueBy: string): Promise<DemoFollowUpDue[]> {
  const h = caseHouseholds;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select f.id as case_follow_up_id, f.household_id, ${h.reference} as reference,
          ${h.organisationId} as organisation_id, a.pcode, ${h.stateCode} as state_code,
          a.arrived_on::text as arrived_on, f.months_after_arrival, f.due_on::text as due_on,
          ${h.memberCount} as members,
          (select p.sex from ${casePeople} p where p.household_id = f.household_id
             order by (p.relationship = 'head') desc, p.position limit 1) as head_sex,
          (select p.birth_year from ${casePeople} p where p.household_id = f.household_id
             order by (p.relationship = 'head') desc, p.position limit 1) as head_birth_year
        from ${caseFollowUps} f
        join ${caseArrivals} a on a.id = f.arrival_id
        join ${h} on ${h.id} = f.household_id
        where f.status = 'scheduled' and f.due_on <= ${dueBy}::date
        order by ${h.reference}, f.months_after_arrival`,
  );
  return rows.map((row) => ({
    caseFollowUpId: row.case_follow_up_id as string,
    householdId: row.household_id as string,
    reference: row.reference as string,
    organisationId: row.organisation_id as string,
    pcode: row.pcode as string,
    stateCode: row.state_code as string,
    arrivedOn: row.arrived_on as string,
    monthsAfterArrival: Number(row.months_after_arrival),
    dueOn: row.due_on as string,
    headSex: (row.head_sex as string | null) ?? 'female',
    headBirthYear: Number(row.head_birth_year ?? 1980),
    members: Number(row.members ?? 1),
  }));
}
