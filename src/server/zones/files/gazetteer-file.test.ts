import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PCODE } from '../../../shared/zones/schemas.ts';
import type { AppError } from '../../platform/http/errors.ts';
import {
  adminSheetLevel,
  chooseGazetteerSheets,
  GazetteerReader,
  gazetteerColumn,
  resolveGazetteer,
} from './gazetteer-file.ts';
import { ImportProblems, ImportWarnings } from './import-problems.ts';

describe('the P-code rule', () => {
  it('accepts the official forms: two- or three-letter prefixes, letters inside, a trailing letter, digits only', () => {
    for (const pcode of [
      'IQ',
      'IQG07',
      'IQG07Q02',
      'MMR',
      'MMR001',
      'MMR001D001',
      'BDI001001',
      'TUR001002',
      'LSO01',
      'MG11101001A',
      '3501000',
      'KG08201000000',
    ]) {
      expect(pcode).toMatch(PCODE);
    }
  });

  it('refuses lower case, spaces, punctuation, a single letter and a letter after leading digits', () => {
    for (const text of ['iq01', 'IQ 01', 'IQ-01', 'Q', '35A', '', 'IQ01.', 'Ä01']) expect(text).not.toMatch(PCODE);
  });

  it('accepts any prefix of 2 or 3 letters followed by letters and digits, and any run of digits', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 2, maxLength: 3 }),
        fc.array(alnum, { maxLength: 12 }),
        (prefix, rest) => {
          expect(prefix.join('') + rest.join('')).toMatch(PCODE);
        },
      ),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (digits) => {
        expect(digits).toMatch(PCODE);
      }),
    );
  });
});

/** Units read from one-row-per-unit CSV rows, then resolved against an empty gazetteer. */
function resolve(header: string[], rows: string[][]) {
  const problems = new ImportProblems();
  const warnings = new ImportWarnings();
  const reader = new GazetteerReader(problems);
  const fields = header.map(gazetteerColumn);
  reader.header(fields, 1);
  rows.forEach((cells, i) => {
    reader.read({ line: i + 2, values: Object.fromEntries(fields.map((field, k) => [field, cells[k] ?? ''])) });
  });
  const resolved = resolveGazetteer(reader.units, new Map(), problems, warnings);
  let refused: AppError | undefined;
  try {
    problems.throwIfAny();
  } catch (error) {
    refused = error as AppError;
  }
  return { resolved, warnings: warnings.list(), problems: refused?.errors ?? [] };
}

describe('resolveGazetteer', () => {
  it('takes the hierarchy from the parent column, parents first, whatever the codes look like', () => {
    const { resolved, problems } = resolve(
      ['pcode', 'parent_pcode', 'name_en'],
      [
        ['3501000', '35', 'Shore'],
        ['35', 'QZ', 'Lakes'],
        ['QZ', '', 'Qazland'],
      ],
    );
    expect(problems).toEqual([]);
    expect(resolved.map((row) => [row.pcode, row.parentPcode, row.level])).toEqual([
      ['QZ', null, 'state'],
      ['35', 'QZ', 'admin1'],
      ['3501000', '35', 'admin2'],
    ]);
  });

  it('refuses parents that go round in a loop, once', () => {
    const { problems } = resolve(
      ['pcode', 'parent_pcode', 'name_en'],
      [
        ['QZ', '', 'Qazland'],
        ['QZ01', 'QZ02', 'North'],
        ['QZ02', 'QZ01', 'South'],
      ],
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'cycle', message: 'the parents go round in a loop: QZ01 → QZ02 → QZ01' }),
    ]);
  });

  it('gives one problem for a refused parent, not one for each of its children', () => {
    const { problems } = resolve(
      ['pcode', 'parent_pcode', 'level', 'name_en'],
      [
        ['QZ', '', '0', 'Qazland'],
        ['QZ01', 'QZ', 'nine', 'North'],
        ['QZ0101', 'QZ01', '', 'Alder'],
        ['QZ0102', 'QZ01', '', 'Birch'],
      ],
    );
    expect(problems.map((p) => p.field)).toEqual(['line 3, level']);
  });

  it('reads numeric levels 0 to 4 and refuses a level no deeper than its parent', () => {
    const { resolved, problems } = resolve(
      ['pcode', 'parent_pcode', 'admin_level', 'name_en'],
      [
        ['QZ', '', '0', 'Qazland'],
        ['QZ01', 'QZ', '1', 'North'],
        ['QZ0101', 'QZ01', '3', 'Alder'],
        ['QZ0102', 'QZ01', '1', 'Birch'],
      ],
    );
    expect(resolved.map((row) => row.level)).toEqual(['state', 'admin1', 'admin3']);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'line 5, level',
        message: 'QZ0102 must be below its parent QZ01, which is admin1',
      }),
    ]);
  });
});

describe('workbook sheets', () => {
  it('knows the admin level sheets COD workbooks name', () => {
    expect(
      ['ADM0', 'admin1', 'Admin 2', 'irq_admin3', 'IRQ_ADM2', 'adm4_pcodes', 'mmr_adm1'].map(adminSheetLevel),
    ).toEqual([0, 1, 2, 3, 2, 4, 1]);
    expect(['Metadata', 'ADM10', 'Readme', 'admin'].map(adminSheetLevel)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads every admin sheet and says why it leaves the others', () => {
    const choice = chooseGazetteerSheets(
      [
        { name: 'Metadata', hidden: false },
        { name: 'irq_admin0', hidden: false },
        { name: 'irq_admin1', hidden: false },
        { name: 'irq_admin2_old', hidden: true },
      ],
      undefined,
      new ImportProblems(),
    );
    expect(choice).toEqual({
      read: ['irq_admin0', 'irq_admin1'],
      ignored: [
        { sheet: 'Metadata', reason: 'not an admin level sheet' },
        { sheet: 'irq_admin2_old', reason: 'hidden' },
      ],
    });
  });
});
