import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, Group } from '../../../shared/outcomes/form.ts';
import { AppError } from '../../platform/http/errors.ts';
import { reintegrationTestForm } from '../response-imports-test-support.ts';
import { type ReadResponsesOptions, type ResponseRow, readResponses } from './responses.ts';
import { odkExportFiles, zipOf } from './zip-test-support.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'responses');
const fixture = (name: string, refs: Record<string, string> = {}) => {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  if (name.endsWith('.xlsx')) return bytes;
  let text = bytes.toString('utf8');
  for (const [key, value] of Object.entries(refs)) text = text.replaceAll(`{{${key}}}`, value);
  return Buffer.from(text);
};
const form = reintegrationTestForm();

async function read(bytes: Buffer, options: ReadResponsesOptions = {}, of = form): Promise<ResponseRow[]> {
  const rows: ResponseRow[] = [];
  for await (const row of readResponses(bytes, of, options)) rows.push(row);
  return rows;
}

async function refusal(bytes: Buffer, options: ReadResponsesOptions = {}, of = form): Promise<AppError> {
  try {
    await read(bytes, options, of);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('KoboToolbox exports', () => {
  it('reads a ";" CSV with group paths, typed per the form, select_multiple from its space-separated column', async () => {
    const rows = await read(fixture('kobo-returnees.csv', { REF1: 'HW-AAAA-BBBB' }));
    expect(rows).toHaveLength(3);
    const [first, second] = rows;
    expect(first!.place).toBe('line 2');
    expect(first!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e01');
    expect(first!.collectedOn).toBe('2026-02-11');
    expect(first!.answers).toMatchObject({
      case_reference: 'HW-AAAA-BBBB',
      head_sex: 'female',
      head_age: 43,
      food_days_reduced: 3,
      income_source: 'casual_work',
      services_used: ['health', 'water'],
      service_barriers: ['cost', 'distance'],
      interviewer_notes: 'الأسرة تسكن عند أقارب; the roof leaks',
    });
    // Empty cells and `n/a` are missing answers, not empty texts.
    expect(first!.answers).not.toHaveProperty('zone');
    expect(second!.answers).not.toHaveProperty('children_out_of_school');
    expect(second!.answers).not.toHaveProperty('reunification_wish');
    expect(second!.answers).not.toHaveProperty('services_used');
    expect(rows.every((row) => row.problems.length === 0 && !row.rejected)).toBe(true);
  });

  it('reads a "," CSV without group names, select_multiple from one 0/1 column per choice, and skips rejected rows', async () => {
    const rows = await read(fixture('kobo-residents.csv'));
    expect(rows.map((row) => row.rejected)).toEqual([false, false, true]);
    expect(rows[0]!.answers).toMatchObject({ zone: 'QM0101', head_age: 43, services_used: ['health', 'water'] });
    expect(rows[1]!.answers.services_used).toEqual([]);
    expect(rows[1]!.answers.service_barriers).toEqual(['none']);
    expect(rows[2]!.answers.interviewer_notes).toBe('Said: "we have nowhere to go"');
  });

  it('reads a workbook with its repeat sheet joined by _parent_index', async () => {
    const rows = await read(fixture('kobo-returnees.xlsx'));
    expect(rows.map((row) => row.place)).toEqual([
      'sheet Reintegration follow-up, line 2',
      'sheet Reintegration follow-up, line 3',
      'sheet Reintegration follow-up, line 4',
    ]);
    expect(rows[0]!.answers.separated_member).toEqual([{ relationship: 'spouse', location_known: 'yes' }]);
    expect(rows[1]!.answers).not.toHaveProperty('separated_member');
    expect(rows[2]!.answers.separated_member).toEqual([
      { relationship: 'child', location_known: 'no' },
      { relationship: 'sibling', location_known: 'yes' },
    ]);
    expect(rows[2]!.answers.head_age).toBe(29);
    expect(rows[0]!.answers.services_used).toEqual(['health', 'water']);
  });

  it("reads the API's JSON, its repeats nested", async () => {
    const rows = await read(fixture('kobo-returnees.json', { REF3: 'HW-CCCC-DDDD' }));
    expect(rows).toHaveLength(3);
    expect(rows[2]!.place).toBe('submission 3');
    expect(rows[2]!.answers).toMatchObject({
      case_reference: 'HW-CCCC-DDDD',
      members_separated: 2,
      services_used: ['health', 'civil_registry', 'legal_aid'],
      separated_member: [
        { relationship: 'child', location_known: 'no' },
        { relationship: 'sibling', location_known: 'yes' },
      ],
    });
    expect(rows[2]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e03');
  });

  it('reads a plain array of submissions too', async () => {
    const plain = JSON.parse(fixture('kobo-returnees.json').toString('utf8')).results;
    const rows = await read(Buffer.from(JSON.stringify(plain)));
    expect(rows).toHaveLength(3);
  });

  it('refuses label headers, saying how to export', async () => {
    const error = await refusal(fixture('kobo-labels.csv'));
    expect(error.errors).toEqual([
      expect.objectContaining({ code: 'label_headers', message: expect.stringContaining('XML values and headers') }),
    ]);
  });

  it('refuses a column that names no question, naming it', async () => {
    const text = fixture('kobo-residents.csv').toString('utf8').replace('water_access', 'water_acess');
    const error = await refusal(Buffer.from(text));
    expect(error.errors).toEqual([expect.objectContaining({ field: 'line 1, water_acess', code: 'unknown_column' })]);
  });

  it('refuses a JSON key that names no question', async () => {
    const error = await refusal(Buffer.from(JSON.stringify([{ _uuid: 'x', 'economic/incme_source': 'farming' }])));
    expect(error.errors?.[0]).toMatchObject({ field: 'file, economic/incme_source', code: 'unknown_column' });
  });

  it('names the line and field of a value that is not of its type', async () => {
    const text = fixture('kobo-residents.csv').toString('utf8').replace(',43,', ',forty,');
    const rows = await read(Buffer.from(text));
    expect(rows[0]!.problems).toEqual([{ field: 'head_age', code: 'wrong_type', message: 'is not a whole number' }]);
  });

  it('names a value holding a NUL character, in an answer or in the submission id', async () => {
    const json = JSON.parse(fixture('kobo-returnees.json').toString('utf8'));
    json.results[0]['economic/debt'] = 'none\u0000';
    json.results[1]._uuid = '7f1c2d3e\u0000';
    delete json.results[1]['meta/instanceID'];
    const rows = await read(Buffer.from(JSON.stringify(json)));
    expect(rows[0]!.problems).toEqual([expect.objectContaining({ field: 'debt', code: 'nul_character' })]);
    expect(rows[1]!.problems).toEqual([expect.objectContaining({ field: '_uuid', code: 'nul_character' })]);
    expect(rows[1]!.submissionId).toBeNull();
  });

  it('refuses a group path that is not the question’s', async () => {
    const text = fixture('kobo-returnees.csv').toString('utf8').replace('"economic/debt"', '"social/debt"');
    const error = await refusal(Buffer.from(text));
    expect(error.errors?.[0]).toMatchObject({ field: 'line 1, social/debt', code: 'unknown_column' });
  });
});

describe('ODK Central exports', () => {
  it('reads submissions.csv with group paths joined by "-" and KEY / meta-instanceID', async () => {
    const rows = await read(fixture('odk-returnees.csv', { REF2: 'HW-EEEE-FFFF' }));
    expect(rows).toHaveLength(3);
    expect(rows[1]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e02');
    expect(rows[1]!.answers).toMatchObject({ case_reference: 'HW-EEEE-FFFF', head_age: 61, income_source: 'farming' });
    expect(rows[0]!.answers.services_used).toEqual(['health', 'water']);
    expect(rows[0]!.collectedOn).toBe('2026-02-11');
  });

  it('takes KEY when meta-instanceID is absent, and refuses Kobo-style paths in an ODK file', async () => {
    const odk = fixture('odk-returnees.csv').toString('utf8');
    const withoutInstance = odk.replace('meta-instanceID', 'meta-instanceName');
    expect((await read(Buffer.from(withoutInstance)))[0]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e01');
    const error = await refusal(Buffer.from(odk.replace('economic-debt', 'economic/debt')));
    expect(error.errors?.[0]).toMatchObject({ field: 'line 1, economic/debt', code: 'unknown_column' });
  });
});

describe("ODK Central's export with repeats", () => {
  const MAIN = 'homeward_reintegration.csv';
  const REPEAT = 'homeward_reintegration-separated_member.csv';
  const members = (rows: readonly ResponseRow[]) => rows.map((row) => row.answers.separated_member);
  const expected = [
    [{ relationship: 'child', location_known: 'no' }],
    undefined,
    [
      { relationship: 'spouse', location_known: 'yes' },
      { relationship: 'sibling', location_known: 'no' },
    ],
  ];

  it("reads Central's zip: each repeat row joined to its submission by PARENT_KEY, attachments left zipped", async () => {
    const { main, repeat } = odkExportFiles(['HW-AAAA-BBBB', 'HW-CCCC-DDDD', 'HW-EEEE-FFFF']);
    // A picture that would unzip beyond the limit is not unzipped: only the CSVs are.
    const photo = { name: 'media/1712.jpg', bytes: Buffer.alloc(10), declaredSize: 900 * 1024 * 1024 };
    const rows = await read(zipOf([main, repeat, photo]));
    expect(rows.map((row) => [row.place, row.submissionId])).toEqual([
      [`${MAIN}, line 2`, '3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b01'],
      [`${MAIN}, line 3`, '3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b02'],
      [`${MAIN}, line 4`, '3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03'],
    ]);
    expect(members(rows)).toEqual(expected);
    expect(rows[2]!.answers).toMatchObject({ case_reference: 'HW-EEEE-FFFF', members_separated: 2 });
    // The repeat file first in the zip, or in a folder, reads the same.
    const folder = zipOf([
      { ...repeat, name: `export/${repeat.name}` },
      { ...main, name: `export/${main.name}` },
    ]);
    expect(members(await read(folder))).toEqual(expected);
  });

  it('reads the main CSV with its repeat CSVs given beside it', async () => {
    const { main, repeat } = odkExportFiles();
    const rows = await read(main.bytes, { fileName: MAIN, repeatFiles: [repeat] });
    expect(members(rows)).toEqual(expected);
    // Columns named from the form's top (`family-separated_member-relationship`) read the same.
    const fromTop = repeat.bytes
      .toString('utf8')
      .replace(
        'relationship,location_known',
        'family-separated_member-relationship,family-separated_member-location_known',
      );
    const again = await read(main.bytes, { fileName: MAIN, repeatFiles: [{ ...repeat, bytes: Buffer.from(fromTop) }] });
    expect(members(again)).toEqual(expected);
  });

  it('refuses a repeat row whose submission is not in the export, naming the file, line and column', async () => {
    const { main, repeat } = odkExportFiles();
    const text = repeat.bytes
      .toString('utf8')
      .replace(
        '9b03,uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2]',
        '9b09,uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b09/separated_member[1]',
      );
    const error = await refusal(zipOf([main, { ...repeat, bytes: Buffer.from(text) }]));
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      {
        field: `${REPEAT}, line 4, PARENT_KEY`,
        code: 'unknown_parent',
        message: `names no submission of ${MAIN} (no row has this KEY)`,
      },
    ]);
    // Many orphans: the first 200 are listed, and the refusal says how many there were.
    const many = Array.from({ length: 250 }, (_, i) => `child,no,uuid:lost-${i},uuid:lost-${i}/separated_member[1]`);
    const lots = await refusal(
      zipOf([main, { ...repeat, bytes: Buffer.from([text.split('\n')[0], ...many].join('\n')) }]),
    );
    expect(lots.errors).toHaveLength(200);
    expect(lots.params).toMatchObject({ problems: 250, truncated: 1 });
  });

  it('refuses a repeat CSV whose columns name no question of its repeat, and one without PARENT_KEY', async () => {
    const { main, repeat } = odkExportFiles();
    const text = repeat.bytes.toString('utf8');
    const outside = await refusal(main.bytes, {
      fileName: MAIN,
      repeatFiles: [{ ...repeat, bytes: Buffer.from(text.replace('location_known', 'head_age')) }],
    });
    expect(outside.errors).toEqual([
      {
        field: `${REPEAT}, line 1, head_age`,
        code: 'unknown_column',
        message:
          'the column "head_age" names no question of the repeat separated_member: export the answers of this form again',
      },
    ]);
    const unknown = await refusal(main.bytes, {
      fileName: MAIN,
      repeatFiles: [{ ...repeat, bytes: Buffer.from(text.replace('location_known', 'location_knwn')) }],
    });
    expect(unknown.errors?.[0]).toMatchObject({ field: `${REPEAT}, line 1, location_knwn`, code: 'unknown_column' });
    const parentless = await refusal(main.bytes, {
      fileName: MAIN,
      repeatFiles: [{ ...repeat, bytes: Buffer.from(text.replace('PARENT_KEY', 'PARENT')) }],
    });
    expect(parentless.errors?.[0]).toMatchObject({ field: `${REPEAT}, line 1, PARENT`, code: 'unknown_column' });
    const typed = await refusal(main.bytes, {
      fileName: MAIN,
      repeatFiles: [{ ...repeat, bytes: Buffer.from(text.replace('child,no', 'child,\u0000')) }],
    });
    expect(typed.errors?.[0]).toMatchObject({ field: `${REPEAT}, line 2, location_known`, code: 'nul_character' });
    const named = await refusal(main.bytes, {
      fileName: MAIN,
      repeatFiles: [{ name: 'export-2.csv', bytes: Buffer.from('a,PARENT_KEY,KEY\n1,uuid:x,uuid:x/a[1]\n') }],
    });
    expect(named.errors?.[0]).toMatchObject({ field: 'export-2.csv, line 1, file', code: 'unknown_repeat' });
  });

  it('joins a repeat within a repeat to its parent row by the KEY Central gives that row', async () => {
    const nested = structuredClone(form) as FormDefinition;
    const family = nested.children.find((n) => n.name === 'family') as Group;
    const member = family.children.find((n) => n.name === 'separated_member') as Group;
    member.children.push({
      kind: 'repeat',
      name: 'contact_attempt',
      label: { en: 'Contact attempt' },
      row: 900,
      children: [{ kind: 'question', name: 'channel', type: 'text', label: { en: 'Channel' }, row: 901 }],
    });
    const { main, repeat } = odkExportFiles();
    const attempts = {
      name: 'homeward_reintegration-contact_attempt.csv',
      bytes: Buffer.from(
        'channel,PARENT_KEY,KEY\n' +
          'phone,uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2],uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2]/contact_attempt[1]\n' +
          'icrc,uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2],uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2]/contact_attempt[2]\n',
      ),
    };
    const rows = await read(zipOf([main, attempts, repeat]), {}, nested);
    expect(rows[2]!.answers.separated_member).toEqual([
      { relationship: 'spouse', location_known: 'yes' },
      { relationship: 'sibling', location_known: 'no', contact_attempt: [{ channel: 'phone' }, { channel: 'icrc' }] },
    ]);
    // An attempt naming a submission rather than a member is refused.
    const misplaced = Buffer.from(
      attempts.bytes
        .toString('utf8')
        .replace(
          '9b03/separated_member[2],uuid:3a9b6c1e-2f4d-4e8a-9b7c-5d6e7f8a9b03/separated_member[2]/contact_attempt[1]',
          '9b03,uuid:x/contact_attempt[1]',
        ),
    );
    const error = await refusal(zipOf([main, repeat, { ...attempts, bytes: misplaced }]), {}, nested);
    expect(error.errors?.[0]).toMatchObject({
      field: 'homeward_reintegration-contact_attempt.csv, line 2, PARENT_KEY',
      code: 'unknown_parent',
      message: 'names no row of the repeat separated_member',
    });
  });

  it('refuses a zip that unzips beyond the limit, whatever its headers claim, and a zip that is no export', async () => {
    const { main, repeat } = odkExportFiles();
    // 64 MB of zeros, deflated to some 64 kB, declaring 4 kB: unzipping stops at the limit's last byte.
    const bomb = { name: REPEAT, bytes: Buffer.alloc(64 * 1024 * 1024), declaredSize: 4096 };
    const lying = await refusal(zipOf([main, bomb]), { maxUnzippedBytes: 1024 * 1024 });
    expect(lying.errors).toEqual([
      {
        field: 'file',
        code: 'too_large',
        message: expect.stringMatching(/^unzips to more than 1 MB, more than an import reads/),
      },
    ]);
    // Declared beyond the limit: refused before anything is unzipped.
    const honest = await refusal(zipOf([main, { ...repeat, declaredSize: 2 * 1024 * 1024 }]), {
      maxUnzippedBytes: 1024 * 1024,
    });
    expect(honest.errors?.[0]).toMatchObject({ field: 'file', code: 'too_large' });
    // The CSVs together count: each below the limit, both above it.
    const together = await refusal(zipOf([main, repeat]), { maxUnzippedBytes: main.bytes.length + 10 });
    expect(together.errors?.[0]).toMatchObject({ field: 'file', code: 'too_large' });

    const withRepeats = await refusal(zipOf([main, repeat]), { repeatFiles: [repeat] });
    expect(withRepeats.errors?.[0]?.message).toContain('without --repeat');
    const noCsv = await refusal(zipOf([{ name: 'notes.txt', bytes: Buffer.from('hello') }]));
    expect(noCsv.errors?.[0]).toMatchObject({ field: 'file', code: 'format' });
    const twoForms = await refusal(zipOf([main, { ...main, name: 'another_form.csv' }]));
    expect(twoForms.errors?.[0]?.message).toContain('not one ODK Central export');
    const cut = zipOf([main, repeat]);
    const damaged = await refusal(cut.subarray(0, cut.length - 30));
    expect(damaged.errors?.[0]).toMatchObject({ field: 'file', code: 'format' });
  });
});
