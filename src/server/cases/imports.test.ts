import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import { DEFAULT_SERVICE_LEVEL_DAYS } from '../../shared/cases/constants.ts';
import { auditDetails, auditEntries } from '../platform/audit/schema.ts';
import { verifyLog } from '../platform/audit/verify.ts';
import { createTestOrganisation } from '../platform/auth/test-support.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, type FieldError } from '../platform/http/errors.ts';
import { createTestZones } from '../zones/test-support.ts';
import { type HouseholdImportOptions, importHouseholds } from './imports.ts';
import { indexValue, openPerson } from './person-fields.ts';
import { verifyStatusCode } from './references.ts';
import { caseDecisions, caseHouseholds, casePeople, casePersonIndexes } from './tables.ts';
import { insertTestHousehold } from './test-support.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/cases');
const NOW = new Date('2026-12-01T09:00:00Z');

let env: TestEnvironment;
let db: Database;
let keyring: Keyring;
let dir: string;
let organisationId: string;

beforeAll(async () => {
  env = await createTestEnvironment();
  db = env.database.db;
  keyring = env.app.platform.keyring;
  await createTestZones(db);
  organisationId = (await createTestOrganisation(env.app, { name: 'Returns Partner' })).id;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-households-'));
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const file = (content: string) => {
  const target = path.join(dir, `file-${++files}.csv`);
  fs.writeFileSync(target, content);
  return target;
};
const slipsPath = () => path.join(dir, `slips-${++files}.csv`);

const options = (more: Partial<HouseholdImportOptions> = {}): HouseholdImportOptions => ({
  organisationId,
  levels: DEFAULT_SERVICE_LEVEL_DAYS,
  now: NOW,
  ...more,
});

async function problemsOf(promise: Promise<unknown>): Promise<FieldError[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_failed');
  return (error as AppError).errors ?? [];
}

const counts = async () => ({
  households: (await db.select({ n: count() }).from(caseHouseholds))[0]!.n,
  people: (await db.select({ n: count() }).from(casePeople))[0]!.n,
  decisions: (await db.select({ n: count() }).from(caseDecisions))[0]!.n,
  imports: (
    await db.select({ n: count() }).from(auditEntries).where(eq(auditEntries.eventType, 'cases.households_imported'))
  )[0]!.n,
});

/** The slips file's rows: household key, reference, code. */
const slipsOf = (target: string) =>
  fs
    .readFileSync(target, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ''));
      return { key: cells[0]!, reference: cells[1]!, code: cells[2]! };
    });

/** The people of a household, opened, in their order. */
async function membersOf(reference: string) {
  const [household] = await db.select().from(caseHouseholds).where(eq(caseHouseholds.reference, reference));
  const rows = await db
    .select()
    .from(casePeople)
    .where(eq(casePeople.householdId, household!.id))
    .orderBy(asc(casePeople.position));
  return {
    household: household!,
    people: await Promise.all(rows.map(async (row) => ({ row, fields: await openPerson(db, keyring, row) }))),
  };
}

describe('importing households', () => {
  it('registers a Kobo export: members sealed, searchable, a slip each, decisions open, one audit entry of counts', async () => {
    const before = await counts();
    const slips = slipsPath();
    const result = await importHouseholds(db, keyring, path.join(FIXTURES, 'kobo-households.csv'), {
      ...options(),
      slipsFile: slips,
    });
    expect(result).toMatchObject({ households: 3, people: 7, possibleDuplicates: 0, dryRun: false });
    // Kobo's own columns and the select_multiple's split columns are not read, and said so.
    expect(result.columnsNotRead).toEqual(
      expect.arrayContaining(['start', '_uuid', '_submission_time', 'household/member/specific_needs/disability']),
    );
    expect(await counts()).toEqual({
      households: before.households + 3,
      people: before.people + 7,
      decisions: before.decisions + 3,
      imports: before.imports + 1,
    });

    // The slips file is the person's alone to read, one row per household key.
    expect(fs.statSync(slips).mode & 0o777).toBe(0o600);
    const rows = slipsOf(slips);
    expect(rows.map((row) => row.key)).toEqual(['HH-001', 'HH-002', 'HH-003']);
    for (const row of rows) {
      expect(row.reference).toMatch(/^HW-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(row.code).toMatch(/^\d{5} \d{5}$/);
    }

    const first = await membersOf(rows[0]!.reference);
    expect(first.household).toMatchObject({
      organisationId,
      stage: 'registered',
      asylumStateCode: 'JO',
      intendedPcode: 'QM0101',
      stateCode: 'QM',
      memberCount: 4,
      possibleDuplicateOf: null,
    });
    expect(await verifyStatusCode(db, keyring, rows[0]!.reference, rows[0]!.code, first.household.statusCodeHash)).toBe(
      true,
    );
    expect(first.people.map(({ row }) => [row.relationship, row.sex, row.documentStatus])).toEqual([
      ['head', 'female', 'available'],
      ['spouse', 'male', 'available'],
      ['child', 'female', 'available'],
      ['child', 'male', 'missing'],
    ]);
    expect(first.people[0]!.fields).toEqual({
      name: { given: 'Amina', family: 'Haddad', other: 'Yusuf' },
      dateOfBirth: '1980-04-02',
      documents: [{ kind: 'national_id', number: 'QM-4471-2290' }],
      phones: ['+962 79 555 0101'],
      needs: [],
    });
    expect(first.people[3]!.fields.needs).toEqual([{ need: 'disability' }]);
    expect(first.people[3]!.row.needsWithoutPlan).toBe(1);
    // Stored sealed: no name or document number in clear.
    expect(first.people[0]!.row.nameEnc).not.toContain('Amina');
    expect(first.people[0]!.row.documentsEnc).not.toContain('4471');
    const second = await membersOf(rows[1]!.reference);
    expect(second.people[0]!.fields.phones).toEqual(['+962 77 123 4567', '+962 78 765 4321']);
    expect(second.people[0]!.fields.needs).toEqual([
      { need: 'serious_medical_condition' },
      { need: 'older_person_at_risk' },
    ]);

    // Found by the blind index of the exact name, as the case search finds a registered person.
    const [found] = await db
      .select({ householdId: casePersonIndexes.householdId })
      .from(casePersonIndexes)
      .where(eq(casePersonIndexes.value, await indexValue(db, keyring, 'name', 'Samir Fadi Nassar')));
    expect(found?.householdId).toBe(second.household.id);

    // Each registration decision is due by the service level, and logged.
    const [decision] = await db.select().from(caseDecisions).where(eq(caseDecisions.householdId, first.household.id));
    expect(decision).toMatchObject({ kind: 'registration', status: 'pending', organisationId, dueOn: '2026-12-15' });
    const opened = await db
      .select({ n: count() })
      .from(auditEntries)
      .where(like(auditEntries.subject, `household:${first.household.id}`));
    expect(opened[0]!.n).toBe(1);

    // The import's audit entry holds counts and ids, nothing personal.
    const [entry] = await db
      .select({ details: auditDetails.details })
      .from(auditEntries)
      .innerJoin(auditDetails, eq(auditDetails.seq, auditEntries.seq))
      .where(eq(auditEntries.eventType, 'cases.households_imported'))
      .orderBy(asc(auditEntries.seq));
    expect(entry?.details).toEqual({ organisationId, households: 3, people: 7, possibleDuplicates: 0 });
    const everything = JSON.stringify(await db.select({ details: auditDetails.details }).from(auditDetails));
    for (const personal of ['Amina', 'Haddad', '4471', '555 0101', '1980-04-02', rows[0]!.code.replace(' ', '')]) {
      expect(everything).not.toContain(personal);
    }
    expect((await verifyLog(db)).ok).toBe(true);
  });

  it('reads a workbook, an HXL-tagged file with French headers, Arabic names and an irregular CSV alike', async () => {
    const xlsx = await importHouseholds(db, keyring, path.join(FIXTURES, 'households.xlsx'), {
      ...options(),
      slipsFile: slipsPath(),
    });
    expect(xlsx).toMatchObject({ households: 2, people: 3 });

    const hxlSlips = slipsPath();
    expect(
      await importHouseholds(db, keyring, path.join(FIXTURES, 'hxl-households.csv'), {
        ...options(),
        slipsFile: hxlSlips,
      }),
    ).toMatchObject({ households: 2, people: 3, columnsNotRead: [] });
    const jeanne = await membersOf(slipsOf(hxlSlips)[0]!.reference);
    expect(jeanne.household.asylumStateCode).toBe('TZ');
    expect(jeanne.people.map(({ fields }) => fields.name.given)).toEqual(['Jeanne', 'Éric']);
    expect(jeanne.people[0]!.fields.needs).toEqual([{ need: 'single_parent' }]);

    const arabicSlips = slipsPath();
    await importHouseholds(db, keyring, path.join(FIXTURES, 'arabic-households.csv'), {
      ...options(),
      slipsFile: arabicSlips,
    });
    const slips = slipsOf(arabicSlips);
    expect(slips.map((slip) => slip.key)).toEqual(['أسرة-١', 'أسرة-٢']);
    const arabic = await membersOf(slips[0]!.reference);
    expect(arabic.people[0]!.fields.name).toEqual({ given: 'محمد', family: 'الحسن', other: 'أحمد' });
    const [byName] = await db
      .select({ householdId: casePersonIndexes.householdId })
      .from(casePersonIndexes)
      .where(eq(casePersonIndexes.value, await indexValue(db, keyring, 'name', 'فاطمة علي الزهراء')));
    expect(byName?.householdId).toBe(arabic.household.id);

    const irregularSlips = slipsPath();
    await importHouseholds(db, keyring, path.join(FIXTURES, 'irregular-households.csv'), {
      ...options(),
      slipsFile: irregularSlips,
    });
    const [lucia, jose] = slipsOf(irregularSlips);
    const first = await membersOf(lucia!.reference);
    expect(first.household).toMatchObject({ intendedPcode: 'QM0101', asylumStateCode: 'CO', memberCount: 2 });
    expect(first.people.map(({ row, fields }) => [row.relationship, row.sex, fields.name.given])).toEqual([
      ['head', 'female', 'Lucia'],
      ['child', 'male', 'Mateo'],
    ]);
    expect(first.people[0]!.fields.documents).toEqual([{ kind: 'passport', number: 'X 1234 567' }]);
    const second = await membersOf(jose!.reference);
    expect(second.people.map(({ row }) => row.relationship)).toEqual(['head', 'parent']);
  });

  it('refuses a file with any wrong row, naming each line and field, and writes nothing', async () => {
    const before = await counts();
    const slips = slipsPath();
    const target = file(
      [
        'household_id,relationship,given_name,family_name,date_of_birth,sex,document_kind,document_number,phone,specific_needs,asylum_state,intended_pcode',
        'H1,head,Ali,Rahimi,1980-01-01,male,,,,,JO,QM0101',
        'H2,head,Sara,Rahimi,1985-13-40,female,,,,,JO,QM0101',
        'H3,head,,Rahimi,1985-01-01,x,visa,,12,flying,JOR,QM9999',
        'H4,head,Nadia,Karimi,1990-02-02,female,,,,,JO,QM0101',
        'H4,child,Reza,Karimi,2012-02-02,male,,,,,LB,QM0101',
        'H1,child,Late,Rahimi,2014-01-01,male,,,,,JO,QM0101',
      ].join('\n'),
    );
    const problems = await problemsOf(importHouseholds(db, keyring, target, { ...options(), slipsFile: slips }));
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['line 3, date_of_birth', 'not_a_date'],
      ['line 4, given_name', 'required'],
      ['line 4, sex', 'unknown'],
      ['line 4, document_kind', 'unknown'],
      ['line 4, document_number', 'required'],
      ['line 4, phone', 'not_a_phone'],
      ['line 4, specific_needs', 'unknown'],
      ['line 4, asylum_state', 'not_a_country'],
      ['line 4, intended_pcode', 'unknown'],
      ['line 6, asylum_state', 'differs'],
      ['line 7, household', 'split'],
    ]);
    expect(problems.find((p) => p.field === 'line 6, asylum_state')?.message).toContain('JO on line 5');
    expect(await counts()).toEqual(before);
    // The slips of the households written before the refusal went with them.
    expect(fs.existsSync(slips)).toBe(false);
  });

  it('refuses a household whose ages contradict its relationships, with nothing written', async () => {
    const before = await counts();
    const target = file(
      [
        'household_id,relationship,given_name,family_name,date_of_birth,sex,asylum_state,intended_pcode',
        'OK-1,head,Ali,Rahimi,1980-01-01,male,JO,QM0101',
        'BAD-1,head,Maryam,Sadeghi,2000-05-05,female,JO,QM0101',
        'BAD-1,child,Hamid,Sadeghi,1995-05-05,male,,',
        'BAD-2,spouse,Hana,Sadeghi,1990-05-05,female,JO,QM0101',
      ].join('\n'),
    );
    const problems = await problemsOf(importHouseholds(db, keyring, target, { ...options(), slipsFile: slipsPath() }));
    expect(problems).toEqual([
      {
        field: 'line 4, date_of_birth',
        code: 'child_not_younger',
        message: expect.stringContaining('household BAD-1: a child must be at least 12 years younger than the head'),
      },
      { field: 'line 5, relationship', code: 'no_head', message: expect.stringContaining('household BAD-2') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('checks a file with a dry run, writing nothing, not even a slips file', async () => {
    const before = await counts();
    const slips = slipsPath();
    const result = await importHouseholds(db, keyring, path.join(FIXTURES, 'kobo-households.csv'), {
      ...options(),
      dryRun: true,
      slipsFile: slips,
    });
    expect(result).toMatchObject({ households: 3, people: 7, possibleDuplicates: null, dryRun: true });
    expect(await counts()).toEqual(before);
    expect(fs.existsSync(slips)).toBe(false);
  });

  it('flags a household that looks like one already registered, for review', async () => {
    const existing = await insertTestHousehold(db, keyring, {
      organisationId,
      members: [
        {
          relationship: 'head',
          name: { given: 'Leila', family: 'Amini' },
          dateOfBirth: '1983-03-03',
          documents: [{ kind: 'passport', number: 'K-7788' }],
        },
      ],
    });
    const slips = slipsPath();
    const result = await importHouseholds(
      db,
      keyring,
      file(
        [
          'household_id,relationship,given_name,family_name,date_of_birth,sex,document_kind,document_number,asylum_state,intended_pcode',
          // The same passport written with a space.
          'D1,head,Layla,Amini,1983-03-03,female,passport,K 7788,JO,QM0101',
          'D2,head,Parisa,Amini,1960-06-06,female,,,JO,QM0101',
          // The same name and date of birth as the line above.
          'D3,head,Parisa,Amini,1960-06-06,female,,,JO,QM0101',
        ].join('\n'),
      ),
      { ...options(), slipsFile: slips },
    );
    expect(result.possibleDuplicates).toBe(2);
    const [d1, d2, d3] = slipsOf(slips);
    expect((await membersOf(d1!.reference)).household).toMatchObject({
      possibleDuplicateOf: existing.id,
      duplicateReview: 'pending',
    });
    const second = (await membersOf(d2!.reference)).household;
    expect(second.possibleDuplicateOf).toBeNull();
    expect((await membersOf(d3!.reference)).household.possibleDuplicateOf).toBe(second.id);
  });

  it('never overwrites a slips file, and refuses an organisation that does not exist', async () => {
    const taken = slipsPath();
    fs.writeFileSync(taken, 'kept');
    const before = await counts();
    await expect(
      importHouseholds(db, keyring, path.join(FIXTURES, 'kobo-households.csv'), { ...options(), slipsFile: taken }),
    ).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(taken, 'utf8')).toBe('kept');
    await expect(
      importHouseholds(db, keyring, path.join(FIXTURES, 'kobo-households.csv'), {
        ...options(),
        organisationId: '0190d5e4-0000-7000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file without the columns a household needs, naming them', async () => {
    const problems = await problemsOf(
      importHouseholds(db, keyring, file('household_id,given_name,sex\nH1,Ali,male\n'), options({ dryRun: true })),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'line 1, relationship',
      'line 1, date_of_birth',
      'line 1, asylum_state',
      'line 1, intended_pcode',
    ]);
  });
});
