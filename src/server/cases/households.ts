import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DuplicateReviewRequest,
  HouseholdDetail,
  HouseholdListQuery,
  HouseholdPage,
  RegisteredHousehold,
  RegisterHouseholdRequest,
  UpdateHouseholdRequest,
} from '../../shared/cases/schemas.ts';
import type { SharingPurpose } from '../../shared/vocabulary.ts';
import { isUniqueViolation } from '../platform/accounts/provisioning.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AuditActor, appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { countOf } from '../platform/db/count.ts';
import { AppError, conflict, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { findZone, zoneNames, zoneNamesOf } from '../zones/gazetteer.ts';
import { type HouseholdRow, ownsHousehold, reachableHousehold, reachableHouseholds } from './access.ts';
import { openDecision } from './decisions.ts';
import './events.ts';
import { openPerson, type PersonalFields, sealPerson } from './person-fields.ts';
import {
  presentConsent,
  presentHousehold,
  presentHouseholdSummary,
  presentPerson,
  presentShare,
} from './presenters/households.ts';
import { hashStatusCode, newCaseReference, newStatusCode } from './references.ts';
import { householdProblems } from './rules/household.ts';
import { caseConsents, caseHouseholds, casePeople, casePersonIndexes, caseShares } from './tables.ts';

/**
 * Households and their members: registration (sealed personal fields, blind indexes, possible duplicates, the
 * slip's code and the registration decision, in one transaction), reading with every open written to the access
 * log, the list, updates and the review of a possible duplicate.
 */

const REFERENCE_ATTEMPTS = 5;

export const auditActor = (actor: Actor): AuditActor => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

const today = (now: Date): string => now.toISOString().slice(0, 10);

/** The contradictions that a relationship is at fault for; the others point at the date of birth. */
const RELATIONSHIP_PROBLEMS: ReadonlySet<string> = new Set(['no_head', 'several_heads']);

/** 409 `household_inconsistent` naming the first contradiction, with every contradiction as a field error. */
function inconsistent(problems: ReturnType<typeof householdProblems>): AppError {
  const first = problems[0]!;
  return new AppError('conflict', {
    params: { reason: 'household_inconsistent', member: first.member + 1, rule: first.reason },
    errors: problems.map((problem) => ({
      field: `body.members.${problem.member}.${RELATIONSHIP_PROBLEMS.has(problem.reason) ? 'relationship' : 'dateOfBirth'}`,
      code: problem.reason,
      message: `member ${problem.member + 1}: ${problem.reason}`,
    })),
  });
}

/** The intended zone, which must be in the gazetteer: its state is the household's. */
async function intendedZone(db: Database, pcode: string) {
  const zone = await findZone(db, pcode);
  if (!zone) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.intendedPcode', code: 'unknown_zone', message: 'No zone has this P-code.' }],
    });
  }
  return zone;
}

/**
 * The oldest other household with a member holding one of these document or name-and-birth-date indexes: the
 * registration it may repeat, whoever registered it.
 */
async function findPossibleDuplicate(
  db: Database,
  indexes: readonly { kind: string; value: string }[],
  excludeHouseholdId?: string,
): Promise<string | null> {
  const telling = indexes.filter((index) => index.kind === 'document' || index.kind === 'name_dob');
  if (telling.length === 0) return null;
  const [found] = await db
    .select({ householdId: casePersonIndexes.householdId })
    .from(casePersonIndexes)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, casePersonIndexes.householdId))
    .where(
      and(
        or(
          ...telling.map((index) =>
            and(eq(casePersonIndexes.kind, index.kind), eq(casePersonIndexes.value, index.value)),
          ),
        ),
        excludeHouseholdId ? sql`${casePersonIndexes.householdId} <> ${excludeHouseholdId}` : undefined,
      ),
    )
    .orderBy(asc(caseHouseholds.registeredAt))
    .limit(1);
  return found?.householdId ?? null;
}

/** Inserts the household under a new reference, drawing again on the rare clash with an existing one. */
async function insertWithReference(
  tx: Database,
  values: Omit<typeof caseHouseholds.$inferInsert, 'reference' | 'statusCodeHash'>,
  hash: (reference: string) => Promise<string>,
): Promise<HouseholdRow> {
  for (let attempt = 1; ; attempt++) {
    const reference = newCaseReference();
    const statusCodeHash = await hash(reference);
    try {
      // A savepoint, so that a clash leaves the transaction usable for the next draw.
      return await tx.transaction(async (savepoint) => {
        const [row] = await savepoint
          .insert(caseHouseholds)
          .values({ ...values, reference, statusCodeHash })
          .returning();
        return row!;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

/** Writes a person's blind indexes (none are kept for a value no longer held). */
async function writeIndexes(
  tx: Database,
  personId: string,
  householdId: string,
  indexes: readonly { kind: string; value: string }[],
): Promise<void> {
  await tx.delete(casePersonIndexes).where(eq(casePersonIndexes.personId, personId));
  if (indexes.length > 0) {
    await tx.insert(casePersonIndexes).values(indexes.map((index) => ({ ...index, personId, householdId })));
  }
}

export async function registerHousehold(
  ctx: RequestContext,
  input: z.infer<typeof RegisterHouseholdRequest>,
  now = new Date(),
): Promise<RegisteredHousehold> {
  const actor = authorize(ctx, 'case:register');
  const problems = householdProblems(input.members, today(now));
  if (problems.length > 0) throw inconsistent(problems);
  const { keyring, config } = ctx.platform;
  const zone = await intendedZone(ctx.db, input.intendedPcode);
  const statusCode = newStatusCode();
  return inTransaction(ctx.db, async (tx) => {
    const sealed = await Promise.all(input.members.map((member) => sealPerson(tx, keyring, member)));
    const possibleDuplicateOf = await findPossibleDuplicate(
      tx,
      sealed.flatMap((person) => person.indexes),
    );
    const household = await insertWithReference(
      tx,
      {
        id: newId(),
        organisationId: actor.organisationId,
        asylumStateCode: input.asylumStateCode,
        intendedPcode: zone.pcode,
        stateCode: zone.stateCode,
        stage: 'registered',
        possibleDuplicateOf,
        duplicateReview: possibleDuplicateOf ? 'pending' : null,
        memberCount: input.members.length,
        registeredBy: actor.userId,
        registeredAt: now,
        updatedAt: now,
      },
      (reference) => hashStatusCode(tx, keyring, reference, statusCode),
    );
    const people = [];
    for (const [position, member] of input.members.entries()) {
      const { indexes, ...stored } = sealed[position]!;
      const [person] = await tx
        .insert(casePeople)
        .values({
          householdId: household.id,
          position,
          relationship: member.relationship,
          sex: member.sex,
          documentStatus: member.documentStatus,
          unaccompanied: member.unaccompanied,
          ...stored,
        })
        .returning();
      await writeIndexes(tx, person!.id, household.id, indexes);
      people.push(presentPerson(person!, member));
    }
    await openDecision(tx, {
      household,
      kind: 'registration',
      organisationId: actor.organisationId,
      levels: config.serviceLevels,
      actor: auditActor(actor),
      now,
    });
    await appendAudit(tx, {
      type: 'cases.household_registered',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        members: input.members.length,
        intendedPcode: zone.pcode,
        possibleDuplicateOf,
      },
    });
    const duplicateOf = possibleDuplicateOf ? await reachableReference(tx, actor, possibleDuplicateOf) : null;
    return {
      household: presentHousehold(actor, household, {
        members: people,
        consents: [],
        shares: [],
        duplicateOf,
        intendedZoneName: zone.names,
      }),
      statusCode,
    };
  });
}

/** The other household's id and reference when the actor may reach it; null otherwise (it is not revealed). */
async function reachableReference(db: Database, actor: Actor, householdId: string) {
  const [row] = await db
    .select({ id: caseHouseholds.id, reference: caseHouseholds.reference })
    .from(caseHouseholds)
    .where(sql`${eq(caseHouseholds.id, householdId)} and ${reachableHouseholds(actor)}`);
  return row ?? null;
}

/** The household's people in order, decrypted; the caller records the access. */
async function openMembers(ctx: Pick<RequestContext, 'db' | 'platform'>, householdId: string) {
  const rows = await ctx.db
    .select()
    .from(casePeople)
    .where(eq(casePeople.householdId, householdId))
    .orderBy(asc(casePeople.position));
  return Promise.all(rows.map(async (row) => ({ row, fields: await openPerson(ctx.db, ctx.platform.keyring, row) })));
}

/** The household page's data, every member's opening written to the access log for `purpose`. */
export async function readHousehold(
  ctx: RequestContext,
  householdId: string,
  purpose: SharingPurpose = 'case_management',
): Promise<HouseholdDetail> {
  const actor = authorize(ctx, 'case:read');
  const household = await reachableHousehold(ctx, householdId, purpose);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const members = await openMembers(txCtx, household.id);
    await recordAccess(tx, {
      actor: auditActor(actor),
      recordType: 'person',
      recordId: members.map((member) => member.row.id),
      purpose,
    });
    const [consents, shares, duplicateOf, zoneName] = await Promise.all([
      tx
        .select()
        .from(caseConsents)
        .where(eq(caseConsents.householdId, household.id))
        .orderBy(asc(caseConsents.recordedAt)),
      tx.select().from(caseShares).where(eq(caseShares.householdId, household.id)).orderBy(asc(caseShares.createdAt)),
      household.possibleDuplicateOf ? reachableReference(tx, actor, household.possibleDuplicateOf) : null,
      zoneNames(tx, household.intendedPcode),
    ]);
    return presentHousehold(actor, household, {
      intendedZoneName: zoneName,
      members: members.map((member) => presentPerson(member.row, member.fields)),
      consents: consents.map(presentConsent),
      // Whom the owner shares with is the owner's business; a recipient sees only its own shares.
      shares: shares
        .filter((share) => ownsHousehold(actor, household) || share.toOrganisationId === actor.organisationId)
        .map(presentShare),
      duplicateOf,
    });
  });
}

/** The households the actor may reach, newest first: references, stages, sizes and zones, no personal field. */
export async function listHouseholds(
  ctx: RequestContext,
  query: z.infer<typeof HouseholdListQuery>,
): Promise<HouseholdPage> {
  const actor = authorize(ctx, 'case:read');
  const where = sql`${reachableHouseholds(actor)}${query.stage ? sql` and ${eq(caseHouseholds.stage, query.stage)}` : sql``}`;
  const rows = await ctx.db
    .select({
      household: caseHouseholds,
      zoneName: zoneNamesOf(caseHouseholds.intendedPcode),
      total: countOf(caseHouseholds, where),
    })
    .from(caseHouseholds)
    .where(where)
    .orderBy(desc(caseHouseholds.registeredAt), desc(caseHouseholds.id))
    .limit(query.limit)
    .offset(query.offset);
  const total = rows[0]?.total ?? (query.offset > 0 ? await countHouseholds(ctx.db, where) : 0);
  return { total, items: rows.map((row) => presentHouseholdSummary(row.household, row.zoneName)) };
}

async function countHouseholds(db: Database, where: SQL): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(caseHouseholds)
    .where(where);
  return row?.total ?? 0;
}

/**
 * The household for a change only its owner makes: 404 when out of reach, 403 `not_owner` when only shared,
 * 409 `case_closed` once closed (unless the change is one a closed case still takes, such as ending a share).
 */
export async function ownedHousehold(
  ctx: RequestContext,
  actor: Actor,
  householdId: string,
  options: { closed?: boolean } = {},
): Promise<HouseholdRow> {
  const household = await reachableHousehold(ctx, householdId);
  if (!ownsHousehold(actor, household)) throw new AppError('forbidden', { params: { reason: 'not_owner' } });
  if (household.closedAt && !options.closed) throw conflict('case_closed');
  return household;
}

/** Member fields an update may change, each audited as its code. */
const MEMBER_FIELDS = {
  documents: 'member.documents',
  documentStatus: 'member.document_status',
  phones: 'member.phones',
  needs: 'member.needs',
  unaccompanied: 'member.unaccompanied',
} as const;

export async function updateHousehold(
  ctx: RequestContext,
  householdId: string,
  input: z.infer<typeof UpdateHouseholdRequest>,
  now = new Date(),
): Promise<HouseholdDetail> {
  const actor = authorize(ctx, 'case:register');
  const household = await ownedHousehold(ctx, actor, householdId);
  const zone = input.intendedPcode ? await intendedZone(ctx.db, input.intendedPcode) : undefined;
  const { keyring } = ctx.platform;
  await inTransaction(ctx.db, async (tx) => {
    const fields = new Set<string>();
    const changes: Partial<typeof caseHouseholds.$inferInsert> = { updatedAt: now };
    if (input.asylumStateCode && input.asylumStateCode !== household.asylumStateCode) {
      changes.asylumStateCode = input.asylumStateCode;
      fields.add('asylum_state');
    }
    if (zone && zone.pcode !== household.intendedPcode) {
      changes.intendedPcode = zone.pcode;
      changes.stateCode = zone.stateCode;
      fields.add('intended_zone');
    }
    const updates = input.members ?? [];
    const ids = updates.map((update) => update.personId);
    const rows =
      ids.length > 0
        ? await tx
            .select()
            .from(casePeople)
            .where(and(eq(casePeople.householdId, household.id), inArray(casePeople.id, ids)))
        : [];
    if (rows.length !== new Set(ids).size) throw notFound('person');
    await recordAccess(tx, {
      actor: auditActor(actor),
      recordType: 'person',
      recordId: ids,
      purpose: 'case_management',
    });
    for (const update of updates) {
      const row = rows.find((candidate) => candidate.id === update.personId)!;
      const current = await openPerson(tx, keyring, row);
      const next: PersonalFields = {
        ...current,
        ...(update.documents ? { documents: update.documents } : {}),
        ...(update.phones ? { phones: update.phones } : {}),
        ...(update.needs ? { needs: update.needs } : {}),
      };
      for (const key of Object.keys(MEMBER_FIELDS) as (keyof typeof MEMBER_FIELDS)[]) {
        if (update[key] !== undefined) fields.add(MEMBER_FIELDS[key]);
      }
      const { indexes, ...stored } = await sealPerson(tx, keyring, next);
      await tx
        .update(casePeople)
        .set({
          ...stored,
          ...(update.documentStatus ? { documentStatus: update.documentStatus } : {}),
          ...(update.unaccompanied !== undefined ? { unaccompanied: update.unaccompanied } : {}),
        })
        .where(eq(casePeople.id, row.id));
      await writeIndexes(tx, row.id, household.id, indexes);
    }
    await tx.update(caseHouseholds).set(changes).where(eq(caseHouseholds.id, household.id));
    await appendAudit(tx, {
      type: 'cases.household_updated',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: { householdId: household.id, reference: household.reference, fields: [...fields].sort() },
    });
  });
  return readHousehold(ctx, household.id);
}

/**
 * A reviewer's verdict on a possible duplicate: `distinct` clears the flag; `same` closes this registration,
 * the earlier one being the case that goes on.
 */
export async function reviewDuplicate(
  ctx: RequestContext,
  householdId: string,
  input: z.infer<typeof DuplicateReviewRequest>,
  now = new Date(),
): Promise<HouseholdDetail> {
  const actor = authorize(ctx, 'case:decide');
  const household = await ownedHousehold(ctx, actor, householdId);
  if (household.duplicateReview !== 'pending' || !household.possibleDuplicateOf) {
    throw conflict('no_duplicate_pending');
  }
  const duplicateOf = household.possibleDuplicateOf;
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .update(caseHouseholds)
      .set({
        duplicateReview: input.verdict,
        updatedAt: now,
        ...(input.verdict === 'same' ? { stage: 'closed', closedAt: now } : {}),
      })
      .where(and(eq(caseHouseholds.id, household.id), eq(caseHouseholds.duplicateReview, 'pending')));
    await appendAudit(tx, {
      type: 'cases.duplicate_reviewed',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: { householdId: household.id, reference: household.reference, duplicateOf, verdict: input.verdict },
    });
  });
  return readHousehold(ctx, household.id);
}
