import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import {
  cellText,
  columnName,
  hxlColumn,
  hxlField,
  type ReadRowsOptions,
  readRows,
  type TabularRow,
} from './tabular.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-tabular-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

async function rowsOf(file: string, options: ReadRowsOptions = {}): Promise<TabularRow[]> {
  const rows: TabularRow[] = [];
  for await (const row of readRows(file, options)) rows.push(row);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<{ field: string; code?: string; message: string }[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).errors ?? [];
}

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

describe('readRows on CSV', () => {
  it('names values by the normalised header and numbers rows by the line a person sees', async () => {
    const file = write('plain.csv', ' P Code ,Name EN,Population\nQM01,North,1200\n\nQM02, South ,\n');
    expect(await rowsOf(file)).toEqual([
      { line: 2, values: { p_code: 'QM01', name_en: 'North', population: '1200' } },
      { line: 4, values: { p_code: 'QM02', name_en: 'South', population: '' } },
    ]);
  });

  it('skips a UTF-8 byte order mark, blank rows and a row of empty cells', async () => {
    const file = write('bom.csv', '\uFEFFpcode,name\r\nQM,Marenland\r\n,\r\nQM01,Nord\r\n');
    expect(await rowsOf(file)).toEqual([
      { line: 2, values: { pcode: 'QM', name: 'Marenland' } },
      { line: 4, values: { pcode: 'QM01', name: 'Nord' } },
    ]);
  });

  it('skips the HXL hashtag row under the header, and lets tags name columns the header does not', async () => {
    const file = write(
      'hxl.csv',
      'Zone,indicator,Month,value\n#adm2+code,#indicator+code,#date+period,#value\nQM0101,water_access,2026-03,71\n',
    );
    const rows = await rowsOf(file, { isField: (field) => ['pcode', 'indicator', 'period', 'value'].includes(field) });
    expect(rows).toEqual([
      { line: 3, values: { admin2pcode: 'QM0101', indicator: 'water_access', period: '2026-03', value: '71' } },
    ]);
  });

  it('reads a file whose only header is its hashtag row', async () => {
    const file = write('tags-only.csv', '#adm1+code,#adm1+name,#adm1+name+i_ar,#population\nQM01,North,الشمال,5000\n');
    expect(await rowsOf(file)).toEqual([
      { line: 2, values: { admin1pcode: 'QM01', admin1name_en: 'North', admin1name_ar: 'الشمال', population: '5000' } },
    ]);
  });

  it('counts lines inside quoted cells, guesses a semicolon delimiter and keeps quoted commas', async () => {
    const file = write('quoted.csv', 'pcode;method\r\nQM01;"visit, then\r\ninterviews"\r\nQM02;"survey"\r\n');
    expect(await rowsOf(file)).toEqual([
      { line: 2, values: { pcode: 'QM01', method: 'visit, then\r\ninterviews' } },
      { line: 4, values: { pcode: 'QM02', method: 'survey' } },
    ]);
  });

  it('hands every chunk on (to hash or count the bytes) and the header before the rows', async () => {
    const content = `pcode,value\n${Array.from({ length: 5000 }, (_, i) => `QM${i},${i}`).join('\n')}\n`;
    const file = write('large.csv', content);
    let bytes = 0;
    let header: readonly string[] = [];
    let rows = 0;
    for await (const _row of readRows(file, {
      onChunk: (chunk) => {
        bytes += chunk.length;
      },
      onHeader: (fields) => {
        header = fields;
      },
    })) {
      rows++;
    }
    expect({ rows, bytes, header }).toEqual({
      rows: 5000,
      bytes: Buffer.byteLength(content),
      header: ['pcode', 'value'],
    });
  });

  it('refuses a file that is not UTF-8, an old .xls, an empty file and two columns of the same name', async () => {
    const latin1 = write(
      'latin1.csv',
      Buffer.concat([Buffer.from('pcode,name\nQM01,'), Buffer.from([0xc9, 0x6c]), Buffer.from('\n')]),
    );
    expect(await refusal(rowsOf(latin1))).toEqual([
      expect.objectContaining({ field: 'line 2, name', code: 'encoding' }),
    ]);
    const xls = write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await refusal(rowsOf(xls)))[0]?.message).toMatch(/old Excel workbook/);
    expect((await refusal(rowsOf(write('empty.csv', '\n\n'))))[0]?.field).toBe('file');
    const twice = write('twice.csv', 'pcode,Name,name\nQM,a,b\n');
    expect(await refusal(rowsOf(twice))).toEqual([
      expect.objectContaining({ field: 'line 1, name', message: 'two columns (B and C) are both name' }),
    ]);
  });

  it('names the line of a quote that is never closed, in words about the file', async () => {
    const file = write('unclosed.csv', 'pcode,method\nQM01,ok\nQM02,"never closed\n');
    const errors = await refusal(rowsOf(file));
    expect(errors).toEqual([
      {
        field: 'line 3, file',
        code: 'unclosed_quote',
        message:
          'a value opened with a double quote on this line is never closed: close the quote, or, when the file ends ' +
          'here, it may have been cut short',
      },
    ]);
  });

  it('refuses a last row cut short (fewer values than the header, no line break after it), and only that', async () => {
    const cut = write('cut.csv', 'pcode,name,parent\nGN05,Kindia,GN\nGN050');
    expect(await refusal(rowsOf(cut))).toEqual([expect.objectContaining({ field: 'line 3, file', code: 'truncated' })]);
    // A last row without a line break but with every value is read; so is a file whose rows all leave out
    // the last column.
    const whole = write('whole.csv', 'pcode,name,parent\nGN05,Kindia\nGN0501,Coyah,GN05');
    expect((await rowsOf(whole)).map((row) => row.values.pcode)).toEqual(['GN05', 'GN0501']);
    const short = write('short.csv', 'pcode,name,notes\nGN05,Kindia\nGN0501,Coyah');
    expect((await rowsOf(short)).map((row) => row.values.pcode)).toEqual(['GN05', 'GN0501']);
  });

  it('reads the HXL column without extra attributes when two carry one field, and notes the other', async () => {
    const file = write('who.csv', 'P-code,WHO code,Name\n#adm1+code,#adm1+code+who,#adm1+name\nIQG07,IQ-DI,Diyala\n');
    const notes: string[] = [];
    expect(await rowsOf(file, { isField: () => false, onNote: (note) => notes.push(note) })).toEqual([
      { line: 3, values: { admin1pcode: 'IQG07', admin1name_en: 'Diyala' } },
    ]);
    expect(notes).toEqual([
      'the file: column B (#adm1+code+who) was not read: column A (#adm1+code) gives admin1pcode, and HXL reads the tag without extra attributes',
    ]);
    const twice = write('twice-hxl.csv', 'a,b\n#adm1+code+who,#adm1+code+v_iso\nIQG07,IQ-DI\n');
    expect((await refusal(rowsOf(twice, { isField: () => false })))[0]?.code).toBe('duplicate_column');
  });
});

describe('readRows on XLSX', () => {
  it('reads the first sheet with numbers, dates and formulas as text', async () => {
    const file = await workbook('first.xlsx', {
      Observations: [
        ['P-code', 'Indicator', 'Period', 'Value'],
        ['#adm2+code', '#indicator+code', '#date+period', '#value'],
        ['QM0101', 'water_access', new Date(Date.UTC(2026, 2, 1)), 71.5],
        [],
        ['QM0102', 'water_access', '2026-03', { formula: '40+2', result: 42 }],
      ],
      Notes: [['not', 'this']],
    });
    expect(await rowsOf(file)).toEqual([
      { line: 3, values: { 'p-code': 'QM0101', indicator: 'water_access', period: '2026-03-01', value: '71.5' } },
      { line: 5, values: { 'p-code': 'QM0102', indicator: 'water_access', period: '2026-03', value: '42' } },
    ]);
  });

  it('reads the sheet named like the kind when there is one', async () => {
    const file = await workbook('named.xlsx', {
      'Read me': [['This workbook lists the gazetteer']],
      'Gazetteer 2026': [
        ['pcode', 'name_en'],
        ['QM', 'Marenland'],
      ],
    });
    expect(await rowsOf(file, { sheet: ['gazetteer'] })).toEqual([
      { line: 2, values: { pcode: 'QM', name_en: 'Marenland' } },
    ]);
  });

  it('reads the sheets chosen, each with its own header, rows naming their sheet', async () => {
    const file = await workbook('sheets.xlsx', {
      Metadata: [['Source', 'OCHA']],
      ADM0: [
        ['ADM0_PCODE', 'ADM0_EN'],
        ['IQ', 'Iraq'],
      ],
      ADM1: [
        ['ADM1_PCODE', 'ADM1_EN', 'ADM0_PCODE'],
        ['IQG07', 'Diyala', 'IQ'],
      ],
      ADM2: [['ADM2_PCODE'], ['IQG07Q02']],
      ADM3: [['ADM3_PCODE'], ['IQG07Q02N01']],
      Notes: [['x']],
    });
    const offered: string[] = [];
    const headers: string[] = [];
    const rows = await rowsOf(file, {
      sheets: (sheets) => {
        offered.push(...sheets.map((s) => s.name));
        return ['ADM0', 'ADM1'];
      },
      onHeader: (fields, line, sheet) => headers.push(`${sheet}:${line}:${fields.join('|')}`),
    });
    expect(offered).toEqual(['Metadata', 'ADM0', 'ADM1', 'ADM2', 'ADM3', 'Notes']);
    expect(headers).toEqual(['ADM0:1:adm0_pcode|adm0_en', 'ADM1:1:adm1_pcode|adm1_en|adm0_pcode']);
    expect(rows).toEqual([
      { line: 2, sheet: 'ADM0', values: { adm0_pcode: 'IQ', adm0_en: 'Iraq' } },
      { line: 2, sheet: 'ADM1', values: { adm1_pcode: 'IQG07', adm1_en: 'Diyala', adm0_pcode: 'IQ' } },
    ]);
  });

  it('reads a workbook of many sheets, which the streaming reader alone cannot', async () => {
    const sheets: Record<string, unknown[][]> = {};
    for (const name of ['Read me', 'Lists', 'Codes', 'Notes', 'Old']) sheets[name] = [[name, 'text']];
    sheets['Observations March'] = [
      ['pcode', 'value'],
      ['IQG07Q02', 3],
    ];
    const file = await workbook('many-sheets.xlsx', sheets);
    const rows = await rowsOf(file, { sheet: ['observation'] });
    expect(rows.map((row) => row.values)).toEqual([{ pcode: 'IQG07Q02', value: '3' }]);
  });

  it('refuses a zip that is not a workbook', async () => {
    const file = write('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    expect((await refusal(rowsOf(file)))[0]?.field).toBe('file');
  });
});

describe('HXL tags and cells', () => {
  it('maps the hashtags operations use to field names', () => {
    expect(hxlField('#adm1+code')).toBe('admin1pcode');
    expect(hxlField('#adm2 +name +i_ar')).toBe('admin2name_ar');
    expect(hxlField('#adm2+name')).toBe('admin2name_en');
    expect(hxlField('#loc+code')).toBe('pcode');
    expect(hxlField('#population+total')).toBe('population');
    expect(hxlField('#indicator+code')).toBe('indicator');
    expect(hxlField('#date+period')).toBe('period');
    expect(hxlField('#value')).toBe('value');
    expect(hxlField('#meta+source')).toBe('source');
    expect(hxlField('#org+name')).toBeUndefined();
  });

  it("reads HDX P-code tags: #country, #adm1…#adm5, the global list's #adm+code+parent and #geo+admin_level", () => {
    expect(hxlField('#country+code')).toBe('admin0pcode');
    expect(hxlField('#country+name+i_fr')).toBe('admin0name_fr');
    expect(hxlField('#adm5+code')).toBe('admin5pcode');
    expect(hxlField('#adm3+name+i_ckb')).toBe('admin3name_ckb');
    expect(hxlField('#adm+code')).toBe('pcode');
    expect(hxlField('#adm+code+parent')).toBe('parent_pcode');
    expect(hxlField('#adm+name')).toBe('name_en');
    expect(hxlField('#geo+admin_level')).toBe('level');
    expect(hxlColumn('#adm1+code+who')).toEqual({ field: 'admin1pcode', extra: ['who'] });
    expect(hxlColumn('#adm1+i_ar+name')).toEqual({ field: 'admin1name_ar', extra: [] });
  });

  it('reads a tag the same whatever the order of its attributes, ignoring attributes it does not know', () => {
    const tags = fc.constantFrom('#adm1', '#adm2', '#country', '#loc');
    const kind = fc.constantFrom('code', 'name');
    const language = fc.constantFrom(undefined, 'i_ar', 'i_fr', 'i_ckb');
    const unknown = fc.uniqueArray(fc.constantFrom('who', 'alt', 'v_pcode', 'main', 'ref'), { maxLength: 3 });
    fc.assert(
      fc.property(tags, kind, language, unknown, fc.nat(), (hashtag, k, lang, extra, seed) => {
        const attributes = [k, ...(lang ? [lang] : []), ...extra];
        const shuffled = attributes
          .map((a, i) => ({ a, key: (seed * (i + 7)) % 13 }))
          .sort((x, y) => x.key - y.key)
          .map(({ a }) => a);
        const plain = hxlField(`${hashtag}+${[k, ...(lang ? [lang] : [])].join('+')}`);
        expect(plain).toBeDefined();
        expect(hxlField(`${hashtag}+${shuffled.join('+')}`)).toBe(plain);
        expect(hxlColumn(`${hashtag}+${shuffled.join('+')}`)?.extra.sort()).toEqual([...extra].sort());
      }),
    );
  });

  it('gives rich text, hyperlinks and errors as text, and names columns as a spreadsheet does', () => {
    expect(cellText({ richText: [{ text: 'Al' }, { text: 'der ' }] })).toBe('Alder');
    expect(cellText({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
