import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Group, Question } from '../../../shared/outcomes/form.ts';
import { AppError } from '../../platform/http/errors.ts';
import { BAD_FORM, KOBO_FORM, ODK_FORM } from './fixtures/build-fixtures.ts';
import { languageCode, questionsOf, readXlsForm } from './xlsform.ts';
import { type SheetRows, workbookBytes } from './xlsform-book.ts';

const fixture = (name: string) => ({
  fileName: name,
  bytes: new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))),
});

async function refusal(promise: Promise<unknown>): Promise<{ field: string; code: string; message: string }[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('validation_failed');
  return (error as AppError).errors ?? [];
}

const form = (sheets: Record<string, SheetRows>, fileName = 'form.xlsx') =>
  workbookBytes(sheets).then((bytes) => readXlsForm({ fileName, bytes, importedAt: new Date('2026-02-03T04:05:00Z') }));

describe('readXlsForm', () => {
  it('reads a form as Kobo exports it: metadata rows, coded languages, $kuid columns, begin_group', async () => {
    const definition = await readXlsForm(fixture('kobo_household.xlsx'));
    expect(definition.formId).toBe('kobo_household');
    expect(definition.version).toBe('vXkR2Lw4nE7');
    expect(definition.defaultLanguage).toBe('en');
    expect(definition.languages).toEqual(['en', 'ar']);
    expect(definition.title).toEqual({ en: 'Household check' });
    const questions = questionsOf(definition.children);
    expect(questions.map((q) => `${q.name}:${q.type}`)).toEqual([
      'start:start',
      'end:end',
      'today:today',
      'deviceid:deviceid',
      'username:username',
      'consent:select_one',
      'size:integer',
      'needs:select_multiple',
      'income:decimal',
      'large:calculate',
      'location:geopoint',
      'thanks:note',
    ]);
    const group = definition.children.find((n) => n.name === 'household') as Group;
    expect(group.kind).toBe('group');
    expect(group.relevant).toBe("${consent} = 'yes'");
    expect(group.label).toEqual({ en: 'Household', ar: 'الأسرة' });
    const size = questions.find((q) => q.name === 'size')!;
    expect(size).toMatchObject({
      required: true,
      constraint: '. >= 1 and . <= 40',
      constraintMessage: { en: 'Between 1 and 40', ar: 'بين 1 و40' },
      hint: { en: 'Count everyone who slept here last night', ar: 'احسب كل من نام هنا الليلة الماضية' },
    });
    const needs = questions.find((q) => q.name === 'needs')!;
    expect(needs).toMatchObject({ listName: 'needs', orOther: true });
    expect(needs.required).toBeUndefined();
    expect(definition.choices.needs!.map((c) => c.name)).toEqual(['food', 'shelter', 'none']);
    // Kobo's own columns say nothing about the form.
    expect(JSON.stringify(definition)).not.toMatch(/kuid|autoname|locking|food\.png/);
  });

  it('reads an ODK form: language names without codes, jr:constraintMsg, list name, repeats, no settings sheet', async () => {
    const definition = await readXlsForm({
      ...fixture('odk-follow-up.xlsx'),
      importedAt: new Date('2026-05-06T07:08:09Z'),
    });
    expect(definition.formId).toBe('odk-follow-up');
    expect(definition.version).toBe('202605060708');
    expect(definition.languages).toEqual(['en', 'fr']);
    expect(definition.defaultLanguage).toBe('en');
    const repeat = definition.children.find((n) => n.name === 'child') as Group;
    expect(repeat).toMatchObject({ kind: 'repeat', repeatCount: '${children}', relevant: '${children} > 0' });
    expect(repeat.children.map((c) => c.name)).toEqual(['child_age', 'in_school']);
    const age = repeat.children[0] as Question;
    expect(age.constraintMessage).toEqual({ en: 'Under 18', fr: 'Moins de 18 ans' });
    const visit = definition.children[0] as Question;
    expect(visit).toMatchObject({ type: 'date', default: 'today()', required: true });
    expect(definition.choices.district).toEqual([
      { name: 'n1', label: { en: 'North one', fr: 'Nord un' }, filters: { region: 'north' } },
      { name: 's1', label: { en: 'South one', fr: 'Sud un' }, filters: { region: 'south' } },
    ]);
    expect((definition.children.find((n) => n.name === 'comments') as Question).required).toBeUndefined();
  });

  it('refuses every mistake of a bad form at once, each naming its sheet, row and question', async () => {
    const errors = await refusal(readXlsForm(fixture('bad-form.xlsx')));
    const lines = errors.map((e) => `${e.field} [${e.code}] ${e.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^survey, row 3, score \[unsupported_type\] type range is not supported/),
        expect.stringMatching(/^survey, row 4, typo \[unknown_type\] unknown type 'selec_one yes_no'/),
        expect.stringMatching(/^survey, row 5, colour \[missing_list\] .*choice list colours/),
        expect.stringMatching(/^survey, row 6, name \[duplicate_name\] the name name is already used at row 2/),
        expect.stringMatching(/^survey, row 7, age, relevant \[unknown_reference\] \$\{nobody\} names no question/),
        expect.stringMatching(
          /^survey, row 7, age, constraint \[broken_expression\] constraint cannot be read: unexpected end of the expression at character 4/,
        ),
        expect.stringMatching(
          /^survey, row 8, double, calculation \[broken_expression\] .*unknown function pulldata\(\)/,
        ),
        expect.stringMatching(/^survey, row 9, type \[unmatched_end\] end group with no begin group open/),
        expect.stringMatching(/^survey, row 10, open \[unclosed_group\] begin group open has no end group/),
        expect.stringMatching(/^survey, row 11, voice \[unsupported_type\] type audio is not supported/),
      ]),
    );
    expect(errors).toHaveLength(10);
  });

  it('refuses an old .xls, a file that is no workbook, and a damaged one', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(readXlsForm({ fileName: 'form.xls', bytes: ole })))[0]).toMatchObject({
      field: 'file',
      code: 'old_format',
    });
    expect((await refusal(readXlsForm({ fileName: 'form.xlsx', bytes: ole })))[0]!.code).toBe('old_format');
    const text = new TextEncoder().encode('type,name\ntext,a\n');
    expect((await refusal(readXlsForm({ fileName: 'form.xlsx', bytes: text })))[0]!.code).toBe('unreadable');
    const good = await workbookBytes(ODK_FORM);
    const cut = good.slice(0, good.length / 2);
    expect((await refusal(readXlsForm({ fileName: 'form.xlsx', bytes: cut })))[0]!.code).toBe('unreadable');
  });

  it('refuses a workbook without a survey sheet, or without its type or name column', async () => {
    expect((await refusal(form({ choices: BAD_FORM.choices! })))[0]).toMatchObject({ code: 'missing_sheet' });
    const errors = await refusal(
      form({
        survey: [
          ['kind', 'label'],
          ['text', 'A'],
        ],
      }),
    );
    expect(errors.map((e) => e.field)).toEqual(['survey, row 1, type', 'survey, row 1, name']);
  });

  it('reads header names in any case, plain labels as the default language, and the older spellings', async () => {
    const definition = await form({
      SURVEY: [
        ['Type', 'NAME', 'Label', 'Required', 'jr:requiredMsg', 'ReadOnly', 'Appearance', 'bind::relevant'],
        ['begin group', 'g', 'G', null, null, null, 'field-list', null],
        ['text', 'a', 'A', 'TRUE()', 'Please answer', 'yes', 'multiline', null],
        ['select one yn', 'b', 'B', '${a} != ""', null, null, 'minimal', '${a} != "x"'],
        ['end group', null, null, null, null, null, null, null],
      ],
      Choices: [
        ['List_Name', 'Name', 'Label'],
        ['yn', 'y', 'Y'],
      ],
    });
    expect(definition.languages).toEqual(['default']);
    expect(definition.defaultLanguage).toBe('default');
    const [a, b] = (definition.children[0] as Group).children as Question[];
    expect(a).toMatchObject({
      required: true,
      requiredMessage: { default: 'Please answer' },
      readOnly: true,
      appearance: 'multiline',
    });
    expect(b).toMatchObject({ type: 'select_one', listName: 'yn', required: '${a} != ""', relevant: '${a} != "x"' });
  });

  it('refuses a repeat closed by end group, and a name or_other needs', async () => {
    const errors = await refusal(
      form({
        survey: [
          ['type', 'name', 'label'],
          ['begin repeat', 'r', 'R'],
          ['text', 'x', 'X'],
          ['end group', null, null],
          ['select_one l or_other', 'pick', 'Pick'],
          ['text', 'pick_other', 'Other'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['l', 'a', 'A'],
        ],
      }),
    );
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'survey, row 4, type: end group closes the repeat r begun at row 2',
      'survey, row 5, pick: pick is or_other, so pick_other is taken',
    ]);
  });

  it('maps language names to codes', () => {
    expect(languageCode('English (en)')).toBe('en');
    expect(languageCode('Arabic (ar)')).toBe('ar');
    expect(languageCode('English')).toBe('en');
    expect(languageCode('Kurdish')).toBe('ku');
    expect(languageCode('Sorani (ckb)')).toBe('ckb');
    expect(languageCode('fr')).toBe('fr');
  });

  it('the committed fixtures are what the script writes', async () => {
    for (const [file, sheets] of [
      ['kobo_household.xlsx', KOBO_FORM],
      ['odk-follow-up.xlsx', ODK_FORM],
    ] as const) {
      const committed = await readXlsForm({ ...fixture(file), importedAt: new Date('2026-01-01T00:00:00Z') });
      const fresh = await readXlsForm({
        fileName: file,
        bytes: await workbookBytes(sheets),
        importedAt: new Date('2026-01-01T00:00:00Z'),
      });
      expect(committed).toEqual(fresh);
    }
  });
});
