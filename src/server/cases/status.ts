import { and, asc, eq, sql } from 'drizzle-orm';
import type { PublicCaseStatus, PublicCaseStatusRequest } from '../../shared/cases/schemas.ts';
import { clearAccountFailures, openThrottle, recordFailure } from '../platform/auth/throttle.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { presentPublicStatus } from './presenters/appeals.ts';
import { hashStatusCode, normaliseReference, verifyStatusCode } from './references.ts';
import { caseAppeals, caseDecisions, caseHouseholds } from './tables.ts';

/**
 * The public status page's lookup: a case reference and the code printed on its slip give the case's stage,
 * its next decision and an open appeal with their due dates, and nothing else.
 *
 * Guessing is limited as the sign-in limits it, with the sign-in's own counters (platform/auth/throttle.ts):
 * every wrong code counts against the reference (as against an account) and against the caller's address
 * (under a daily keyed hash, never stored in clear), up to `loginMaxAttempts` and four times that, then 429
 * with backoff. Both counters are scoped to the status page, so a guesser here never locks anyone out of
 * signing in. An unknown reference costs the same work and gives the same answer as a wrong code.
 */
export async function publicCaseStatus(
  ctx: Pick<RequestContext, 'db' | 'platform'>,
  input: PublicCaseStatusRequest,
  client: { address: string },
): Promise<PublicCaseStatus> {
  const { db, platform } = ctx;
  const now = new Date();
  const reference = normaliseReference(input.reference);
  const keys = await openThrottle(
    db,
    platform.keyring,
    `case-status:${reference}`,
    { address: `case-status:${client.address}` },
    now,
  );
  const [household] = await db
    .select({
      id: caseHouseholds.id,
      reference: caseHouseholds.reference,
      stage: caseHouseholds.stage,
      statusCodeHash: caseHouseholds.statusCodeHash,
    })
    .from(caseHouseholds)
    .where(eq(caseHouseholds.reference, reference));
  // An unknown reference is checked against a hash of its own, so it takes as long as a wrong code.
  const stored = household?.statusCodeHash ?? (await hashStatusCode(db, platform.keyring, reference, 'none'));
  const matches = await verifyStatusCode(db, platform.keyring, reference, input.code, stored);
  if (!household || !matches) {
    await recordFailure(db, keys, platform.config.loginMaxAttempts, now);
    throw new AppError('not_found', { params: { reason: 'case_status' } });
  }
  await clearAccountFailures(db, keys);
  const [next] = await db
    .select({ kind: caseDecisions.kind, dueOn: caseDecisions.dueOn })
    .from(caseDecisions)
    .where(and(eq(caseDecisions.householdId, household.id), eq(caseDecisions.status, 'pending')))
    .orderBy(asc(caseDecisions.dueOn))
    .limit(1);
  const [appeal] = await db
    .select({ dueOn: caseAppeals.dueOn })
    .from(caseAppeals)
    .where(and(eq(caseAppeals.householdId, household.id), eq(caseAppeals.status, 'pending')))
    .orderBy(asc(caseAppeals.dueOn))
    .limit(1);
  const [appealable] = await db
    .select({ id: caseDecisions.id })
    .from(caseDecisions)
    .where(
      and(
        eq(caseDecisions.householdId, household.id),
        eq(caseDecisions.status, 'decided'),
        sql`not exists (select 1 from ${caseAppeals} a where a.decision_id = ${caseDecisions.id} and a.status = 'pending')`,
      ),
    )
    .limit(1);
  return presentPublicStatus(household, next, appeal, appealable !== undefined && household.stage !== 'closed', now);
}
