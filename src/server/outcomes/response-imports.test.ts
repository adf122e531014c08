import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Role } from '../../shared/vocabulary.ts';
import { caseFollowUpStatuses } from '../cases/follow-up-schedule-test-support.ts';
import { auditEntries } from '../platform/audit/schema.ts';
import { createTestAccount, type TestAccount } from '../platform/auth/test-support.ts';
import type { RequestContext } from '../platform/context.ts';
import { AppError } from '../platform/http/errors.ts';
import { createTestZones } from '../zones/test-support.ts';
import { odkExportFiles, zipOf } from './files/zip-test-support.ts';
import { type ImportResponsesInput, importResponses } from './response-imports.ts';
import { insertTestFollowUps, insertTestInstrument, type TestFollowUps } from './response-imports-test-support.ts';
import { outcomeFollowUps, outcomeResponses } from './tables.ts';

const FIXTURES = path.join(import.meta.dirname, 'files', 'fixtures', 'responses');

let env: TestEnvironment;
let coordinator: TestAccount;
let outsider: TestAccount;
let instrumentId: string;
const db = () => env.database.db;

const contextOf = (account: TestAccount, roles: Role[] = ['coordinator']): RequestContext => ({
  db: db(),
  actor: {
    userId: account.userId,
    sessionId: 'test',
    organisationId: account.organisationId,
    roles,
    memberships: [{ organisationId: account.organisationId, roles }],
  },
  requestId: 'test',
  language: 'en',
  platform: env.app.platform,
});

/** A fixture with the households' references in place of {{REF1}}…; XLSX cells are rewritten with exceljs. */
async function fixture(name: string, refs: readonly string[] = []): Promise<Buffer> {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  const swap = (text: string) => refs.reduce((t, ref, i) => t.replaceAll(`{{REF${i + 1}}}`, ref), text);
  if (!name.endsWith('.xlsx')) return Buffer.from(swap(bytes.toString('utf8')));
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = swap(cell.value);
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const households = async (n: number, options: { open?: number[]; organisationId?: string } = {}) => {
  const made: TestFollowUps[] = [];
  for (let i = 0; i < n; i++) {
    made.push(
      await insertTestFollowUps(db(), env.app.platform.keyring, {
        organisationId: options.organisationId ?? coordinator.organisationId,
        recordedBy: coordinator.userId,
        ...(options.open ? { open: options.open } : {}),
      }),
    );
  }
  return made;
};

const run = (input: Omit<ImportResponsesInput, 'formId'>, account = coordinator) =>
  importResponses(contextOf(account), { formId: 'homeward_reintegration', ...input });

async function refused(input: Omit<ImportResponsesInput, 'formId'>): Promise<AppError> {
  try {
    await run(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was imported');
}

const storedFor = (followUps: readonly TestFollowUps[]) =>
  db()
    .select()
    .from(outcomeResponses)
    .where(
      inArray(
        outcomeResponses.householdId,
        followUps.map((f) => f.householdId),
      ),
    );

const importEntries = () =>
  db().select().from(auditEntries).where(eq(auditEntries.eventType, 'outcomes.responses_imported'));

beforeAll(async () => {
  env = await createTestEnvironment();
  await createTestZones(db());
  coordinator = await createTestAccount(env.app, { roles: ['coordinator'] });
  outsider = await createTestAccount(env.app, { roles: ['coordinator'] });
  instrumentId = await insertTestInstrument(db());
});

afterAll(async () => {
  await env.close();
});

describe('importing answers of returned households', () => {
  it('imports a Kobo ";" CSV: each row closes the follow-up due nearest its day, once', async () => {
    const made = await households(3);
    const bytes = await fixture(
      'kobo-returnees.csv',
      made.map((m) => m.reference),
    );
    const before = (await importEntries()).length;
    const result = await run({ fileName: 'kobo.csv', bytes });
    expect(result).toMatchObject({ rows: 3, created: 3, unchanged: 0, skipped: 0, population: 'returnee' });

    const stored = await storedFor(made);
    expect(stored).toHaveLength(3);
    const first = stored.find((r) => r.householdId === made[0]!.householdId)!;
    expect(first).toMatchObject({
      instrumentId,
      submissionId: '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e01',
      population: 'returnee',
      followUpId: made[0]!.followUps[1],
      organisationId: coordinator.organisationId,
      pcode: 'QM0101',
      cohort: '2026-01',
      round: 1,
      collectedOn: '2026-02-11',
      source: 'import',
      recordedBy: coordinator.userId,
    });
    // The answers are sealed; opened, they are the file's, typed.
    expect(first.answersEnc).not.toContain('casual_work');
    const answers = JSON.parse(await env.app.platform.keyring.decrypt(db(), first.answersEnc, 'outcome'));
    expect(answers).toMatchObject({ head_age: 43, income_source: 'casual_work', services_used: ['health', 'water'] });

    const [followUp] = await db()
      .select()
      .from(outcomeFollowUps)
      .where(eq(outcomeFollowUps.id, made[0]!.followUps[1]!));
    expect(followUp).toMatchObject({ status: 'done', responseId: first.id });
    expect(followUp!.completedAt).not.toBeNull();
    // The household page (cases) says the round was done.
    expect((await caseFollowUpStatuses(db(), made[0]!.householdId)).get(1)).toBe('done');
    const entries = await importEntries();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorUserId: coordinator.userId, subject: `instrument:${instrumentId}` });

    // Again: nothing changes, and the answer says so.
    const again = await run({ fileName: 'kobo.csv', bytes });
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
    expect(await storedFor(made)).toHaveLength(3);
    expect(await importEntries()).toHaveLength(before + 1);

    // The same submissions exported from ODK Central are the same submissions.
    const odk = await run({
      fileName: 'odk.csv',
      bytes: await fixture(
        'odk-returnees.csv',
        made.map((m) => m.reference),
      ),
    });
    expect(odk).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('imports an ODK Central submissions.csv', async () => {
    const made = await households(3);
    const bytes = await fixture(
      'odk-returnees.csv',
      made.map((m) => m.reference),
    );
    const text = bytes.toString('utf8').replaceAll('4e0', '5e0');
    const result = await run({ fileName: 'submissions.csv', bytes: Buffer.from(text) });
    expect(result).toMatchObject({ created: 3, unchanged: 0 });
    const stored = await storedFor(made);
    expect(stored.map((r) => r.submissionId).sort()).toEqual([
      '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d5e01',
      '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d5e02',
      '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d5e03',
    ]);
  });

  it('imports a Kobo workbook with its repeat sheet, for the round asked', async () => {
    const made = await households(3);
    const bytes = await fixture(
      'kobo-returnees.xlsx',
      made.map((m) => m.reference),
    );
    // Other submission ids than the CSV's: the workbook is a second survey of the same form.
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    book.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.value = cell.value.replace(/4e0(\d)$/, '6e0$1');
      });
    });
    const result = await run({ fileName: 'kobo.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()), round: 3 });
    expect(result).toMatchObject({ created: 3 });
    const stored = await storedFor(made);
    expect(stored.map((r) => r.round)).toEqual([3, 3, 3]);
    const third = stored.find((r) => r.householdId === made[2]!.householdId)!;
    expect(third.followUpId).toBe(made[2]!.followUps[3]);
    const answers = JSON.parse(await env.app.platform.keyring.decrypt(db(), third.answersEnc, 'outcome'));
    expect(answers.separated_member).toEqual([
      { relationship: 'child', location_known: 'no' },
      { relationship: 'sibling', location_known: 'yes' },
    ]);
  });

  it("imports the Kobo API's JSON", async () => {
    const made = await households(3);
    const text = (
      await fixture(
        'kobo-returnees.json',
        made.map((m) => m.reference),
      )
    ).toString('utf8');
    const result = await run({ fileName: 'kobo.json', bytes: Buffer.from(text.replaceAll('4e0', '7e0')) });
    expect(result).toMatchObject({ created: 3, unchanged: 0 });
  });

  it("imports ODK Central's zip with its repeat; the answers stored hold each submission's repeat rows", async () => {
    const made = await households(3);
    const { main, repeat } = odkExportFiles(made.map((m) => m.reference));
    const bytes = zipOf([main, repeat]);
    const before = (await importEntries()).length;
    const result = await run({ fileName: 'homeward_reintegration.zip', bytes });
    expect(result).toMatchObject({ rows: 3, created: 3, unchanged: 0, skipped: 0 });
    const stored = await storedFor(made);
    const answersOf = async (household: TestFollowUps) => {
      const row = stored.find((r) => r.householdId === household.householdId)!;
      expect(row.answersEnc).not.toContain('sibling');
      return JSON.parse(await env.app.platform.keyring.decrypt(db(), row.answersEnc, 'outcome'));
    };
    expect((await answersOf(made[0]!)).separated_member).toEqual([{ relationship: 'child', location_known: 'no' }]);
    expect(await answersOf(made[1]!)).not.toHaveProperty('separated_member');
    expect(await answersOf(made[2]!)).toMatchObject({
      members_separated: 2,
      separated_member: [
        { relationship: 'spouse', location_known: 'yes' },
        { relationship: 'sibling', location_known: 'no' },
      ],
    });
    expect(await importEntries()).toHaveLength(before + 1);

    // Again, as the zip or as its CSVs given apart: nothing changes.
    expect(await run({ fileName: 'homeward_reintegration.zip', bytes })).toMatchObject({ created: 0, unchanged: 3 });
    const apart = await run({ fileName: main.name, bytes: main.bytes, repeatFiles: [repeat] });
    expect(apart).toMatchObject({ created: 0, unchanged: 3 });
    expect(await storedFor(made)).toHaveLength(3);
    expect(await importEntries()).toHaveLength(before + 1);
  });

  it('refuses a zip with a repeat row whose submission it does not hold, or that unzips beyond the limit, storing nothing', async () => {
    const made = await households(3);
    const { main, repeat } = odkExportFiles(made.map((m) => m.reference));
    const other = (b: Buffer) => Buffer.from(b.toString('utf8').replaceAll('9b0', '9c0'));
    const orphaned = Buffer.from(
      other(repeat.bytes)
        .toString('utf8')
        .replace('uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9c01,', 'uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9c77,'),
    );
    const error = await refused({
      fileName: 'export.zip',
      bytes: zipOf([
        { ...main, bytes: other(main.bytes) },
        { ...repeat, bytes: orphaned },
      ]),
    });
    expect(error.errors).toEqual([
      {
        field: 'homeward_reintegration-separated_member.csv, line 2, PARENT_KEY',
        code: 'unknown_parent',
        message: 'names no submission of homeward_reintegration.csv (no row has this KEY)',
      },
    ]);
    expect(await storedFor(made)).toHaveLength(0);
    const followUps = await db()
      .select({ status: outcomeFollowUps.status })
      .from(outcomeFollowUps)
      .where(
        inArray(
          outcomeFollowUps.householdId,
          made.map((m) => m.householdId),
        ),
      );
    expect(followUps.every((f) => f.status === 'due')).toBe(true);

    const bomb = zipOf([
      { ...main, bytes: other(main.bytes) },
      { name: repeat.name, bytes: Buffer.alloc(32 * 1024 * 1024, 0x30), declaredSize: 300 },
    ]);
    const tooLarge = await refused({ fileName: 'export.zip', bytes: bomb, maxUnzippedBytes: 4 * 1024 * 1024 });
    expect(tooLarge.errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'too_large', message: expect.stringContaining('more than 4 MB') }),
    ]);
    expect(await storedFor(made)).toHaveLength(0);
  });

  it('refuses the whole file when one row names no household it follows, storing nothing', async () => {
    const made = await households(2);
    const theirs = await households(1, { organisationId: outsider.organisationId });
    const bytes = await fixture('kobo-returnees.csv', [made[0]!.reference, made[1]!.reference, theirs[0]!.reference]);
    const text = bytes.toString('utf8').replaceAll('4e0', '8e0');
    const error = await refused({ fileName: 'kobo.csv', bytes: Buffer.from(text) });
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      {
        field: 'line 4, case_reference',
        code: 'unknown_household',
        message: 'names no household your organisation follows up',
      },
    ]);
    expect(await storedFor([...made, ...theirs])).toHaveLength(0);
    const followUps = await db()
      .select({ status: outcomeFollowUps.status })
      .from(outcomeFollowUps)
      .where(inArray(outcomeFollowUps.householdId, [made[0]!.householdId, made[1]!.householdId]));
    expect(followUps.every((f) => f.status === 'due')).toBe(true);
  });

  it('refuses a row whose follow-up is not open yet, and a reference that is unknown', async () => {
    const [notYet] = await households(1, { open: [] });
    const bytes = await fixture('kobo-returnees.csv', [notYet!.reference, 'HW-ZZZZ-ZZZZ', '']);
    const text = bytes.toString('utf8').replaceAll('4e0', '9e0');
    const error = await refused({ fileName: 'kobo.csv', bytes: Buffer.from(text) });
    expect(error.errors?.map((e) => [e.field, e.code])).toEqual([
      ['line 2, case_reference', 'no_open_follow_up'],
      ['line 3, case_reference', 'unknown_household'],
      ['line 4, case_reference', 'required'],
    ]);
    expect(error.errors?.[0]?.message).toContain('no open follow-up');
  });

  it('refuses a submission repeated within the file, naming both rows', async () => {
    const made = await households(3);
    const bytes = await fixture(
      'kobo-returnees.csv',
      made.map((m) => m.reference),
    );
    const text = bytes.toString('utf8').replaceAll('4e0', 'ae0').replaceAll('ae03', 'ae01');
    const error = await refused({ fileName: 'kobo.csv', bytes: Buffer.from(text) });
    expect(error.errors).toEqual([
      {
        field: 'line 4, _uuid',
        code: 'duplicate_submission',
        message: 'repeats the submission of line 2: export each submission once',
      },
    ]);
    expect(await storedFor(made)).toHaveLength(0);
  });

  it('refuses a row without a submission id', async () => {
    const made = await households(1);
    const text = (await fixture('odk-returnees.csv', [made[0]!.reference, 'x', 'y'])).toString('utf8');
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace(/uuid:[0-9a-f-]+,uuid:[0-9a-f-]+/, ',');
    const error = await refused({ fileName: 'odk.csv', bytes: Buffer.from(lines.join('\n')) });
    expect(error.errors?.[0]).toMatchObject({ field: 'line 2, meta-instanceID', code: 'required' });
  });

  it('refuses a column that names no question, and a person without the permission', async () => {
    const error = await refused({
      fileName: 'kobo.csv',
      bytes: Buffer.from(
        (await fixture('kobo-returnees.csv')).toString('utf8').replace('"social/housing"', '"social/housng"'),
      ),
    });
    expect(error.errors).toEqual([expect.objectContaining({ field: 'line 1, social/housng', code: 'unknown_column' })]);

    const monitor = contextOf(coordinator, ['verifier']);
    await expect(
      importResponses(monitor, { formId: 'homeward_reintegration', fileName: 'x.csv', bytes: Buffer.from('a') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lists at most 200 problems and says how many there were', async () => {
    const header = 'case_reference;_uuid';
    const lines = [header, ...Array.from({ length: 250 }, (_, i) => `HW-QQQQ-${String(i).padStart(4, '0')};`)];
    const error = await refused({ fileName: 'many.csv', bytes: Buffer.from(lines.join('\n')) });
    expect(error.errors).toHaveLength(200);
    expect(error.params).toMatchObject({ problems: 250, truncated: 1 });
  });

  it('refuses an unknown instrument', async () => {
    await expect(
      importResponses(contextOf(coordinator), { formId: 'no_such_form', fileName: 'x.csv', bytes: Buffer.from('a') }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('importing answers of resident households', () => {
  it('takes the zone and the head of household from the answers, skipping rows rejected in Kobo', async () => {
    const bytes = await fixture('kobo-residents.csv');
    const roundless = await refused({ fileName: 'residents.csv', bytes, population: 'resident' });
    expect(roundless.errors?.[0]).toMatchObject({ field: 'round', code: 'required' });

    const result = await run({ fileName: 'residents.csv', bytes, population: 'resident', round: 6 });
    expect(result).toMatchObject({ rows: 3, created: 2, unchanged: 0, skipped: 1, population: 'resident' });
    const stored = await db().select().from(outcomeResponses).where(eq(outcomeResponses.population, 'resident'));
    expect(
      stored.map((r) => [r.pcode, r.stateCode, r.round, r.cohort, r.headSex, r.headAgeGroup, r.disability]),
    ).toEqual(
      expect.arrayContaining([
        ['QM0101', 'QM', 6, null, 'female', '40-59', false],
        ['QM0101', 'QM', 6, null, 'male', '60+', true],
      ]),
    );
    expect(stored.every((r) => r.householdId === null && r.followUpId === null)).toBe(true);
  });

  it('refuses a zone that is not in the gazetteer', async () => {
    const text = (await fixture('kobo-residents.csv'))
      .toString('utf8')
      .replace(',QM0101,', ',QM9999,')
      .replaceAll('4f0', '4b0');
    const error = await refused({
      fileName: 'residents.csv',
      bytes: Buffer.from(text),
      population: 'resident',
      round: 6,
    });
    expect(error.errors).toEqual([
      { field: 'line 2, zone', code: 'unknown_zone', message: 'is not the P-code of a zone in the gazetteer' },
    ]);
  });
});
