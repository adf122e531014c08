import type { CaseStage, Relationship, Sex } from '../../shared/cases/constants.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { type PersonalFields, sealPerson } from './person-fields.ts';
import { hashStatusCode, newCaseReference, newStatusCode } from './references.ts';
import { caseHouseholds, casePeople, casePersonIndexes } from './tables.ts';

export interface TestMember extends Partial<PersonalFields> {
  relationship?: Relationship;
  sex?: Sex;
  unaccompanied?: boolean;
}

export interface TestHouseholdOptions {
  organisationId: string;
  registeredBy?: string;
  /** Defaults to QM0101 (state QM), asylum in QT. */
  intendedPcode?: string;
  stateCode?: string;
  asylumStateCode?: string;
  stage?: CaseStage;
  /** Defaults to an adult head (born 1980) and a child (born 2015). */
  members?: readonly TestMember[];
  registeredAt?: Date;
}

export interface TestHousehold {
  id: string;
  reference: string;
  statusCode: string;
  personIds: string[];
}

/**
 * Writes a household straight into the tables, sealed as registration seals it, for tests of the parts that
 * come after registration (voluntariness, decisions, appeals, movements) and do not test registration itself.
 */
export async function insertTestHousehold(
  db: Database,
  keyring: Keyring,
  options: TestHouseholdOptions,
): Promise<TestHousehold> {
  const id = newId();
  const reference = newCaseReference();
  const statusCode = newStatusCode();
  const pcode = options.intendedPcode ?? 'QM0101';
  const members: readonly TestMember[] = options.members ?? [
    { relationship: 'head', sex: 'female', dateOfBirth: '1980-04-02' },
    { relationship: 'child', sex: 'male', dateOfBirth: '2015-06-01' },
  ];
  await db.insert(caseHouseholds).values({
    id,
    reference,
    statusCodeHash: await hashStatusCode(db, keyring, reference, statusCode),
    organisationId: options.organisationId,
    asylumStateCode: options.asylumStateCode ?? 'QT',
    intendedPcode: pcode,
    stateCode: options.stateCode ?? pcode.slice(0, 2),
    stage: options.stage ?? 'registered',
    memberCount: members.length,
    registeredBy: options.registeredBy ?? null,
    ...(options.registeredAt ? { registeredAt: options.registeredAt } : {}),
  });
  const personIds: string[] = [];
  for (const [position, member] of members.entries()) {
    const sealed = await sealPerson(db, keyring, {
      name: member.name ?? { given: `Given${position}`, family: `Family${id.slice(0, 6)}` },
      dateOfBirth: member.dateOfBirth ?? '1980-04-02',
      documents: member.documents ?? [],
      phones: member.phones ?? [],
      needs: member.needs ?? [],
    });
    const personId = newId();
    personIds.push(personId);
    const { indexes, ...stored } = sealed;
    await db.insert(casePeople).values({
      id: personId,
      householdId: id,
      position,
      relationship: member.relationship ?? (position === 0 ? 'head' : 'child'),
      sex: member.sex ?? 'female',
      documentStatus: 'available',
      unaccompanied: member.unaccompanied ?? false,
      ...stored,
    });
    if (indexes.length > 0) {
      await db.insert(casePersonIndexes).values(indexes.map((index) => ({ ...index, personId, householdId: id })));
    }
  }
  return { id, reference, statusCode, personIds };
}
