import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { cellText, columnName, hxlField, type ReadRowsOptions, readRows, type TabularRow } from './tabular.ts';

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

async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }[]> {
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

  it('names the line of a quote that is never closed', async () => {
    const file = write('unclosed.csv', 'pcode,method\nQM01,ok\nQM02,"never closed\n');
    const errors = await refusal(rowsOf(file));
    expect(errors[0]?.field).toBe('line 3, file');
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

  it('gives rich text, hyperlinks and errors as text, and names columns as a spreadsheet does', () => {
    expect(cellText({ richText: [{ text: 'Al' }, { text: 'der ' }] })).toBe('Alder');
    expect(cellText({ text: 'link', hyperlink: 'https://example.org' })).toBe('link');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
