import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type Database, queryRows } from '../platform/db/client.ts';
import { caseArrivals, caseFollowUps, caseHouseholds, casePeople } from './tables.ts';

/**
 * What the outcome-monitoring module needs from the follow-up schedule an arrival makes (arrivals.ts): the
 * scheduled follow-ups coming due, with what a follow-up copies about its household (where it returned, when,
 * who owns it, and the head of household's sex, birth year and disability), a household found by the reference
 * printed on its slip, and the schedule's status kept in step (`open` once opened, then `done` or `lost`), so
 * that the household's page shows where each follow-up stands.
 */

/** Where a scheduled follow-up stands, as the household's page shows it. */
export const CASE_FOLLOW_UP_STATUSES = ['scheduled', 'open', 'done', 'lost'] as const;
export type CaseFollowUpStatus = (typeof CASE_FOLLOW_UP_STATUSES)[number];

export interface DueFollowUp {
  caseFollowUpId: string;
  householdId: string;
  /** The household's registering organisation, which owns its records. */
  organisationId: string;
  /** The zone it returned to, and that zone's state. */
  pcode: string;
  stateCode: string;
  arrivedOn: string;
  monthsAfterArrival: number;
  dueOn: string;
  headSex: string;
  headBirthYear: number;
  /**
   * Whether any member of the household has `disability` among their recorded specific needs (read from the
   * sealed needs). The broader "has specific needs" flag is not used: a serious medical condition or a single
   * parent is not a disability, and the disaggregation asks about disability.
   */
  disability: boolean;
}

/**
 * The follow-ups still `scheduled` and due on or before `dueBy` (YYYY-MM-DD), earliest first, at most `limit`.
 * Reads the sealed needs of the households' members to tell disability; nothing personal is returned.
 */
export async function scheduledFollowUpsDue(
  db: Database,
  keyring: Keyring,
  dueBy: string,
  limit = 1000,
): Promise<DueFollowUp[]> {
  const rows = await queryRows<{
    case_follow_up_id: string;
    household_id: string;
    organisation_id: string;
    pcode: string;
    state_code: string;
    arrived_on: string;
    months_after_arrival: number;
    due_on: string;
    head_sex: string | null;
    head_birth_year: number | null;
  }>(
    db,
    sql`select f.id as case_follow_up_id, f.household_id, ${caseHouseholds.organisationId} as organisation_id,
        a.pcode, ${caseHouseholds.stateCode} as state_code, a.arrived_on::text as arrived_on,
        f.months_after_arrival, f.due_on::text as due_on,
        head.sex as head_sex, head.birth_year as head_birth_year
      from ${caseFollowUps} f
      join ${caseArrivals} a on a.id = f.arrival_id
      join ${caseHouseholds} on ${caseHouseholds.id} = f.household_id
      left join lateral (select p.sex, p.birth_year from ${casePeople} p where p.household_id = f.household_id
        order by (p.relationship = 'head') desc, p.position limit 1) head on true
      where f.status = 'scheduled' and f.due_on <= ${dueBy}::date
      order by f.due_on, f.id
      limit ${limit}`,
  );
  if (rows.length === 0) return [];
  const disabled = await householdsWithDisability(db, keyring, [...new Set(rows.map((row) => row.household_id))]);
  return rows.map((row) => ({
    caseFollowUpId: row.case_follow_up_id,
    householdId: row.household_id,
    organisationId: row.organisation_id,
    pcode: row.pcode,
    stateCode: row.state_code,
    arrivedOn: row.arrived_on,
    monthsAfterArrival: row.months_after_arrival,
    dueOn: row.due_on,
    headSex: row.head_sex ?? 'unknown',
    headBirthYear: row.head_birth_year ?? 0,
    disability: disabled.has(row.household_id),
  }));
}

/** The households among these that have a member with `disability` among their specific needs. */
async function householdsWithDisability(
  db: Database,
  keyring: Keyring,
  householdIds: readonly string[],
): Promise<Set<string>> {
  const members = await db
    .select({ householdId: casePeople.householdId, needsEnc: casePeople.needsEnc })
    .from(casePeople)
    .where(and(inArray(casePeople.householdId, [...householdIds]), eq(casePeople.hasSpecificNeeds, true)));
  const found = new Set<string>();
  for (const member of members) {
    if (found.has(member.householdId)) continue;
    const needs = JSON.parse(await keyring.decrypt(db, member.needsEnc, 'person')) as { need: string }[];
    if (needs.some((need) => need.need === 'disability')) found.add(member.householdId);
  }
  return found;
}

/** Sets where scheduled follow-ups stand (in the caller's transaction): `open`, `done` or `lost`. */
export async function setCaseFollowUpStatus(
  db: Database,
  caseFollowUpIds: readonly string[],
  status: CaseFollowUpStatus,
): Promise<void> {
  if (caseFollowUpIds.length === 0) return;
  await db
    .update(caseFollowUps)
    .set({ status })
    .where(inArray(caseFollowUps.id, [...caseFollowUpIds]));
}

/**
 * A household by the reference printed on its slip (`HW-7K3M-9QXD`, spaces and case forgiven), with its owner
 * and zone, for answer files that name households by reference. No personal field.
 */
export async function householdByReference(
  db: Database,
  reference: string,
): Promise<{ id: string; organisationId: string; pcode: string; stateCode: string } | null> {
  const normalised = reference.toUpperCase().replaceAll(/\s+/g, '');
  const [row] = await db
    .select({
      id: caseHouseholds.id,
      organisationId: caseHouseholds.organisationId,
      pcode: caseHouseholds.intendedPcode,
      stateCode: caseHouseholds.stateCode,
    })
    .from(caseHouseholds)
    .where(eq(caseHouseholds.reference, normalised));
  return row ?? null;
}

/**
 * A household's reference as an expression on a household id column, so that another module's list reads it in
 * its own statement without reaching into the cases tables. The reference names nobody; it finds the case.
 */
export function householdReferenceOf(householdId: AnyPgColumn): SQL<string | null> {
  return sql<string | null>`(select ${caseHouseholds.reference} from ${caseHouseholds}
    where ${caseHouseholds.id} = ${householdId})`;
}
