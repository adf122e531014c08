import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type CaseStage, DOCUMENT_KINDS, type Relationship } from '../../shared/cases/constants.ts';
import type { CaseSearchRequest, CaseSearchResults } from '../../shared/cases/schemas.ts';
import { recordAccess } from '../platform/audit/access.ts';
import type { RequestContext } from '../platform/context.ts';
import { authorize } from '../platform/policy/policy.ts';
import { zoneNamesOf } from '../zones/gazetteer.ts';
import { reachableHouseholds } from './access.ts';
import { auditActor } from './households.ts';
import { documentForIndex, type IndexKind, indexValue, phoneForIndex } from './person-fields.ts';
import { caseHouseholds, casePeople, casePersonIndexes } from './tables.ts';

/** At most this many matches are shown: an exact search that finds more is better narrowed than scrolled. */
const SEARCH_LIMIT = 50;

/**
 * Exact search by blind index: the full name as registered (given, other and family names), a document number
 * (of one kind, or of every kind when none is given) or a phone. The terms come in the request body and are only
 * ever turned into keyed hashes; the matches are limited to households the actor may reach, and the people
 * found are written to the access log, as a search tells who is in which household.
 */
export async function searchCases(
  ctx: RequestContext,
  input: z.infer<typeof CaseSearchRequest>,
): Promise<CaseSearchResults> {
  const actor = authorize(ctx, 'case:read');
  const { db } = ctx;
  const { keyring } = ctx.platform;
  const [kind, plain]: [Extract<IndexKind, 'name' | 'document' | 'phone'>, string[]] = input.document
    ? [
        'document',
        (input.document.kind ? [input.document.kind] : DOCUMENT_KINDS).map((kind) =>
          documentForIndex(kind, input.document!.number),
        ),
      ]
    : input.phone
      ? ['phone', [phoneForIndex(input.phone)]]
      : ['name', [input.name!.replace(/\s+/g, ' ').trim()]];
  const values = await Promise.all(plain.map((value) => indexValue(db, keyring, kind, value)));
  const rows = await db
    .select({
      householdId: caseHouseholds.id,
      reference: caseHouseholds.reference,
      stage: caseHouseholds.stage,
      intendedPcode: caseHouseholds.intendedPcode,
      intendedZoneName: zoneNamesOf(caseHouseholds.intendedPcode),
      personId: casePeople.id,
      memberPosition: casePeople.position,
      relationship: casePeople.relationship,
    })
    .from(casePersonIndexes)
    .innerJoin(caseHouseholds, eq(caseHouseholds.id, casePersonIndexes.householdId))
    .innerJoin(casePeople, eq(casePeople.id, casePersonIndexes.personId))
    .where(
      and(
        eq(casePersonIndexes.kind, kind),
        inArray(casePersonIndexes.value, values),
        sql`${reachableHouseholds(actor)}`,
      ),
    )
    .orderBy(asc(caseHouseholds.reference), asc(casePeople.position))
    .limit(SEARCH_LIMIT);
  await recordAccess(db, {
    actor: auditActor(actor),
    recordType: 'person',
    recordId: [...new Set(rows.map((row) => row.personId))],
    purpose: 'case_management',
  });
  return {
    items: rows.map((row) => ({
      householdId: row.householdId,
      reference: row.reference,
      stage: row.stage as CaseStage,
      intendedPcode: row.intendedPcode,
      intendedZoneName: row.intendedZoneName,
      memberPosition: row.memberPosition,
      relationship: row.relationship as Relationship,
      matched: kind,
    })),
  };
}
