import { eq } from 'drizzle-orm';
import type { Database } from '../platform/db/client.ts';
import { followUpSchedule } from './arrivals.ts';
import { caseArrivals, caseFollowUps, caseHouseholds } from './tables.ts';

/**
 * Records a household's arrival on `arrivedOn` straight into the tables, with the follow-up schedule the arrival
 * makes (1, 3, 6 and 12 months), for tests of what comes after return. Answers the schedule's ids by month.
 */
export async function insertTestArrival(
  db: Database,
  household: { id: string; pcode?: string },
  arrivedOn: string,
  recordedBy: string,
): Promise<Map<number, string>> {
  const [arrival] = await db
    .insert(caseArrivals)
    .values({ householdId: household.id, arrivedOn, pcode: household.pcode ?? 'QM0101', people: 2, recordedBy })
    .returning();
  const rows = await db
    .insert(caseFollowUps)
    .values(
      followUpSchedule(arrivedOn).map((row) => ({
        ...row,
        householdId: household.id,
        arrivalId: arrival!.id,
        status: 'scheduled',
      })),
    )
    .returning();
  await db.update(caseHouseholds).set({ stage: 'arrived' }).where(eq(caseHouseholds.id, household.id));
  return new Map(rows.map((row) => [row.monthsAfterArrival, row.id]));
}

/** Where each of a household's scheduled follow-ups stands, by months after arrival. */
export async function caseFollowUpStatuses(db: Database, householdId: string): Promise<Map<number, string>> {
  const rows = await db.select().from(caseFollowUps).where(eq(caseFollowUps.householdId, householdId));
  return new Map(rows.map((row) => [row.monthsAfterArrival, row.status]));
}
