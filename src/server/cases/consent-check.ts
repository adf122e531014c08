import { type AnyColumn, and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { SharingPurpose } from '../../shared/vocabulary.ts';
import type { Database } from '../platform/db/client.ts';
import { caseConsents, caseHouseholds, casePeople } from './tables.ts';

/**
 * What another module may ask the cases module about a household without reading its tables: whether a consent
 * record of the household for a purpose stands (outcome monitoring refers a household to a service only with its
 * `service_referral` consent), the same as a query condition (so that a withdrawn consent ends a receiving
 * organisation's view at its next read), and the households' spoken references.
 */

/** Whether `consentId` is a consent record of the household for `purpose` that has not been withdrawn. */
export async function consentStands(
  db: Database,
  householdId: string,
  consentId: string,
  purpose: SharingPurpose,
): Promise<boolean> {
  const [row] = await db
    .select({ id: caseConsents.id })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.id, consentId),
        eq(caseConsents.householdId, householdId),
        eq(caseConsents.purpose, purpose),
        isNull(caseConsents.withdrawnAt),
      ),
    );
  return row !== undefined;
}

/** The same, as a condition on a column holding the consent's id (true while it stands). */
export function consentStandsCondition(consentId: AnyColumn | SQL, purpose: SharingPurpose): SQL {
  return sql`exists (select 1 from ${caseConsents} c
    where c.id = ${consentId} and c.purpose = ${purpose} and c.withdrawn_at is null)`;
}

/** The standing consent records of a household for `purpose` (ids and dates, nothing personal). */
export async function standingConsents(
  db: Database,
  householdId: string,
  purpose: SharingPurpose,
): Promise<{ id: string; personId: string; givenOn: string }[]> {
  return db
    .select({ id: caseConsents.id, personId: caseConsents.personId, givenOn: caseConsents.givenOn })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.householdId, householdId),
        eq(caseConsents.purpose, purpose),
        isNull(caseConsents.withdrawnAt),
      ),
    )
    .orderBy(caseConsents.recordedAt);
}

/** The spoken references (`HW-7K3M-9QXD`) of the households given, by id. */
export async function householdReferences(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: caseHouseholds.id, reference: caseHouseholds.reference })
    .from(caseHouseholds)
    .where(inArray(caseHouseholds.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.reference]));
}

/** The id of the household's head (or first member), to whom a household-level consent is recorded. */
export async function householdHeadId(db: Database, householdId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: casePeople.id })
    .from(casePeople)
    .where(eq(casePeople.householdId, householdId))
    .orderBy(sql`${casePeople.relationship} <> 'head'`, casePeople.position)
    .limit(1);
  return row?.id;
}
