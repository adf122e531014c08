import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { createTestAccount, type TestAccount } from '../platform/auth/test-support.ts';
import { newId } from '../platform/db/columns.ts';
import { createTestZones, publishTestClasses } from '../zones/test-support.ts';
import { evaluateEligibility, evaluateOpenCases } from './eligibility.ts';
import { sealPerson } from './person-fields.ts';
import {
  caseConditionsAddressed,
  caseCounsellingSessions,
  caseHouseholds,
  casePeople,
  caseProtectionFlags,
  caseVoluntarinessFiles,
  caseZoneInformation,
} from './tables.ts';

let env: TestEnvironment;
let worker: TestAccount;
const NOW = new Date('2026-12-10T09:00:00Z');

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(env.database.db);
  worker = await createTestAccount(env.app, { roles: ['case_worker'] });
});
afterAll(() => env.close());

/** A household of an adult and a child going to QM0101, the adult's file complete unless told otherwise. */
async function household(options: { declared?: string; flag?: boolean; stage?: string } = {}) {
  const db = env.database.db;
  const id = newId();
  await db.insert(caseHouseholds).values({
    id,
    reference: `HW-${id
      .slice(-8, -4)
      .toUpperCase()
      .replace(/[01IO]/g, '2')}-TEST`.replace(/[^A-Z0-9-]/g, '2'),
    statusCodeHash: 'x',
    organisationId: worker.organisationId,
    asylumStateCode: 'QT',
    intendedPcode: 'QM0101',
    stateCode: 'QM',
    stage: options.stage ?? 'declared',
    memberCount: 2,
  });
  const people = [];
  for (const [position, dateOfBirth] of ['1980-04-02', '2015-06-01'].entries()) {
    const sealed = await sealPerson(db, env.app.platform.keyring, {
      name: { given: `Given${position}`, family: 'Family' },
      dateOfBirth,
      documents: [],
      phones: [],
      needs: [],
    });
    const personId = newId();
    people.push(personId);
    await db.insert(casePeople).values({
      id: personId,
      householdId: id,
      position,
      relationship: position === 0 ? 'head' : 'child',
      sex: 'female',
      documentStatus: 'available',
      ...sealed,
    });
  }
  const fileId = newId();
  const declared = options.declared ?? '2026-11-20';
  await db.insert(caseVoluntarinessFiles).values({
    id: fileId,
    householdId: id,
    personId: people[0]!,
    status: 'complete',
    intentionOn: '2026-10-01',
    declarationSignedOn: declared,
    coolingOffDays: 7,
    coolingOffEndsOn: new Date(Date.parse(declared) + 7 * 86400_000).toISOString().slice(0, 10),
  });
  await db.insert(caseCounsellingSessions).values({
    fileId,
    heldOn: '2026-10-15',
    organisationId: worker.organisationId,
    counsellorId: worker.userId,
    language: 'ar',
    private: true,
  });
  await db.insert(caseZoneInformation).values({
    fileId,
    givenOn: '2026-10-15',
    pcode: 'QM0101',
    zoneClass: 'conducive',
    shown: {},
    language: 'ar',
    givenBy: worker.userId,
  });
  if (options.flag) {
    await db.insert(caseProtectionFlags).values({
      householdId: id,
      indicators: ['threats'],
      status: 'open',
      raisedBy: worker.userId,
    });
  }
  return id;
}

describe('eligibility from the stored case', () => {
  it('reads the case and the zone class: eligible only while the zone is conducive and fresh', async () => {
    const id = await household();
    const db = env.database.db;
    const { publicationId: november } = await publishTestClasses(db, worker, '2026-11', { QM0101: 'conducive' });
    expect(
      (await evaluateEligibility(db, id, { freshMonths: 3, now: NOW })).map((row) => [row.rule, row.passed]),
    ).toEqual([
      ['voluntariness_complete', true],
      ['no_open_protection_flag', true],
      ['needs_planned', true],
      ['documents_ready', true],
      ['destination_safe', true],
    ]);
    // Only the adult needs a file: the child (born 2015) is not asked.
    expect((await evaluateEligibility(db, id, { freshMonths: 3, now: NOW }))[0]!.params).toMatchObject({ files: 1 });

    // Three months on, November's class is no longer fresh enough to decide on.
    const march = new Date('2027-02-01T09:00:00Z');
    expect((await evaluateEligibility(db, id, { freshMonths: 3, now: march })).at(-1)).toMatchObject({
      passed: false,
      reason: 'class_stale',
    });

    // December's publication makes the zone conditionally conducive: conditions must be addressed for it.
    const { publicationId: december } = await publishTestClasses(db, worker, '2026-12', {
      QM0101: 'conditionally_conducive',
    });
    expect((await evaluateEligibility(db, id, { freshMonths: 3, now: NOW })).at(-1)).toMatchObject({
      passed: false,
      reason: 'conditions_not_addressed',
    });
    await db.insert(caseConditionsAddressed).values({
      householdId: id,
      pcode: 'QM0101',
      publicationId: november,
      howEnc: 'x',
      recordedBy: worker.userId,
    });
    expect((await evaluateEligibility(db, id, { freshMonths: 3, now: NOW })).at(-1)).toMatchObject({
      reason: 'conditions_addressed_for_earlier_class',
    });
    await db.insert(caseConditionsAddressed).values({
      householdId: id,
      pcode: 'QM0101',
      publicationId: december,
      howEnc: 'x',
      recordedBy: worker.userId,
      createdAt: new Date(Date.now() + 1000),
    });
    expect((await evaluateEligibility(db, id, { freshMonths: 3, now: NOW })).at(-1)).toMatchObject({
      passed: true,
      reason: 'conditions_addressed',
    });
  });

  it('checks every open case at once, with the same verdicts as one by one', async () => {
    const db = env.database.db;
    const cooling = await household({ declared: '2026-12-08' });
    const flagged = await household({ flag: true });
    const closed = await household({ stage: 'arrived' });
    const all = await evaluateOpenCases(db, { freshMonths: 3, now: NOW });
    expect(all.has(closed)).toBe(false);
    for (const id of [cooling, flagged])
      expect(all.get(id)).toEqual(await evaluateEligibility(db, id, { freshMonths: 3, now: NOW }));
    expect(all.get(cooling)![0]).toMatchObject({
      passed: false,
      reason: 'cooling_off',
      params: { until: '2026-12-15' },
    });
    expect(all.get(flagged)![1]).toMatchObject({ passed: false, reason: 'open_flags', params: { count: 1 } });
  });
});
