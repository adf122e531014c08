import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';

/**
 * Reads the rows of a CSV or XLSX file one at a time, so that a file of a million rows is never held in
 * memory: csv-parse's streaming parser for CSV, exceljs's streaming WorkbookReader for XLSX. Headers are
 * normalised (trimmed, lower-case, spaces as `_`); an HXL hashtag row right under the header is skipped, and
 * its tags name the columns a header does not (see HXL_FIELDS). Blank rows are skipped.
 *
 * `line` is the number a person finds the row at: the spreadsheet's row number, or the CSV line the row
 * starts on.
 */

export interface TabularRow {
  line: number;
  /** The workbook sheet of the row, when several sheets are read. */
  sheet?: string;
  /** Every column of the header, by field name ('' for an empty or missing cell), values trimmed. */
  values: Record<string, string>;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface ReadRowsOptions {
  /** XLSX: read the first sheet whose name contains one of these words (case-insensitive), else the first sheet. */
  sheet?: readonly string[];
  /** Whether the caller knows a field: a header that names one is kept even when its HXL tag says otherwise. */
  isField?: (field: string) => boolean;
  /**
   * The field an HXL hashtag stands for, for files of another vocabulary than the zones' (see hxlColumn, the
   * default); its answer is renamed as a header is.
   */
  hxl?: (tag: string) => { field: string; extra: string[] } | undefined;
  /** Renames a normalised header or an HXL tag's field (aliases such as `adm2_pcode` → `admin2pcode`). */
  rename?: (header: string) => string;
  /**
   * XLSX: chooses the sheets to read, every one with its own header (rows then carry their `sheet`); the
   * default is one sheet, by `sheet`. May throw an AppError to refuse the workbook.
   */
  sheets?: (sheets: readonly SheetInfo[]) => readonly string[];
  /** The file's (or the sheet's) field names and the line of its header row, before its first row. */
  onHeader?: (fields: readonly string[], line: number, sheet?: string) => void;
  /** Every column of a table (before onHeader): its field ('' when left) and its header as the file writes it. */
  onColumns?: (columns: readonly { field: string; label: string }[]) => void;
  /** Something about the columns that was read one way rather than another, for the summary. */
  onNote?: (note: string) => void;
  /** Every chunk of the file as it is read (to hash it or count bytes). */
  onChunk?: (chunk: Buffer) => void;
}

/** A file-level problem: the file cannot be read as a table at all. */
const fileProblem = (field: string, message: string, code = 'file') =>
  new AppError('validation_failed', { errors: [{ field, code, message }] });

/** `Admin 2 P-code ` → `admin_2_p-code`. */
export const normaliseHeader = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, '_');

/** The attributes each hashtag is read with; any other is an extra (`+who`, `+alt`, `+v_pcode`). */
const HXL_ATTRIBUTES: Record<string, readonly string[]> = {
  '#adm': ['code', 'name', 'parent', 'level'],
  '#country': ['code', 'name'],
  '#loc': ['code', 'name'],
  '#geo': ['admin_level', 'level'],
};

/**
 * The field an HXL 1.1 hashtag stands for, with the attributes it carries beyond those that field is read
 * with (to choose between two columns of one field). Attributes may come in any order and unknown ones are
 * ignored; a name's language is its `+i_xx` attribute (English without one).
 */
export function hxlColumn(tag: string): { field: string; extra: string[] } | undefined {
  const [hashtag = '', ...attributeList] = tag.toLowerCase().replace(/\s+/g, '').split('+');
  const attributes = new Set(attributeList);
  const language = attributeList.find((a) => /^i_[a-z]{2,3}$/.test(a))?.slice(2) ?? 'en';
  const field = hxlFieldOf(hashtag, attributes, language);
  if (field === undefined) return undefined;
  const admin = /^#adm[0-9]?$/.test(hashtag) ? '#adm' : hashtag;
  const known = HXL_ATTRIBUTES[admin];
  const extra = known ? attributeList.filter((a) => !known.includes(a) && !/^i_[a-z]{2,3}$/.test(a)) : [];
  return { field, extra };
}

/** The field an HXL hashtag stands for, or undefined. */
export const hxlField = (tag: string): string | undefined => hxlColumn(tag)?.field;

function hxlFieldOf(hashtag: string, attributes: ReadonlySet<string>, language: string): string | undefined {
  const admin = /^#adm([0-9])$/.exec(hashtag) ?? (hashtag === '#country' ? [hashtag, '0'] : null);
  if (admin) {
    if (attributes.has('code')) return `admin${admin[1]}pcode`;
    if (attributes.has('name')) return `admin${admin[1]}name_${language}`;
    return undefined;
  }
  switch (hashtag) {
    // The global P-code list: one row per unit, its level a number and its parent beside it.
    case '#adm':
      if (attributes.has('code')) return attributes.has('parent') ? 'parent_pcode' : 'pcode';
      if (attributes.has('name')) return attributes.has('parent') ? undefined : `name_${language}`;
      if (attributes.has('level')) return 'level';
      return undefined;
    case '#geo':
      return attributes.has('admin_level') || attributes.has('level') ? 'level' : undefined;
    case '#loc':
      if (attributes.has('code')) return 'pcode';
      if (attributes.has('name')) return `name_${language}`;
      return undefined;
    case '#population':
      return 'population';
    case '#indicator':
      if (attributes.has('code')) return 'indicator';
      if (attributes.has('value') || attributes.has('num')) return 'value';
      return undefined;
    case '#date':
      return 'period';
    case '#value':
      return 'value';
    case '#meta':
      if (attributes.has('source')) return 'source';
      if (attributes.has('method')) return 'method';
      if (attributes.has('notes') || attributes.has('evidence')) return 'evidence_notes';
      return undefined;
    case '#description':
      return 'evidence_notes';
    default:
      return undefined;
  }
}

const isHashtagRow = (cells: readonly string[]) =>
  cells.some((cell) => cell !== '') && cells.every((cell) => cell === '' || cell.startsWith('#'));

/**
 * Turns the header (and the optional hashtag row) into one field name per column, '' for a column to ignore.
 * Two columns of one field are refused, unless HXL tells them apart: of `#adm1+code` and `#adm1+code+who`,
 * the column without extra attributes is read and the other ignored (and noted).
 */
function columnFields(
  headers: readonly string[],
  tags: readonly string[] | undefined,
  options: ReadRowsOptions,
  place: string,
): string[] {
  const known = options.isField;
  const rename = options.rename ?? ((header: string) => header);
  const width = Math.max(headers.length, tags?.length ?? 0);
  const fields: string[] = [];
  const extras: (string[] | undefined)[] = [];
  for (let i = 0; i < width; i++) {
    const header = rename(normaliseHeader(headers[i] ?? ''));
    const tagged = tags?.[i] ? (options.hxl ?? hxlColumn)(tags[i]!) : undefined;
    const tag = tagged === undefined ? undefined : rename(tagged.field);
    const byHeader = (header !== '' && (!known || known(header))) || !tag;
    fields.push(byHeader ? header : tag);
    extras.push(byHeader ? undefined : tagged?.extra);
  }
  const seen = new Map<string, number>();
  for (const [i, field] of fields.entries()) {
    if (field === '') continue;
    const first = seen.get(field);
    if (first === undefined) {
      seen.set(field, i);
      continue;
    }
    const plain = (k: number) => extras[k] !== undefined && extras[k].length === 0;
    const tagged = (k: number) => extras[k] !== undefined && extras[k].length > 0;
    const [kept, dropped] = plain(first) && tagged(i) ? [first, i] : plain(i) && tagged(first) ? [i, first] : [];
    if (kept === undefined || dropped === undefined) {
      throw fileProblem(
        `${place}, ${field}`,
        `two columns (${columnName(first)} and ${columnName(i)}) are both ${field}`,
        'duplicate_column',
      );
    }
    options.onNote?.(
      `${place.replace(/^line \d+$/, 'the file')}: column ${columnName(dropped)} (${tags?.[dropped]}) was not read: ` +
        `column ${columnName(kept)} (${tags?.[kept]}) gives ${field}, and HXL reads the tag without extra attributes`,
    );
    fields[dropped] = '';
    seen.set(field, kept);
  }
  options.onColumns?.(
    fields.map((field, i) => ({ field, label: (headers[i] ?? '').trim() || (tags?.[i] ?? '').trim() })),
  );
  return fields;
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

interface CellRow {
  line: number;
  cells: string[];
  /** The workbook sheet, when several are read; `start` marks a sheet's beginning (with no cells). */
  sheet?: string;
  start?: boolean;
  /** The file's last row, with no line break after it. */
  unterminated?: boolean;
}

/** Turns cell rows into field rows: finds each table's header and hashtag rows, then names every value. */
async function* tabulate(
  rows: AsyncIterable<CellRow>,
  options: ReadRowsOptions,
  delimiter?: string,
): AsyncGenerator<TabularRow> {
  let headers: string[] | undefined;
  let fields: string[] | undefined;
  let headerLine = 0;
  let sheet: string | undefined;
  let tables = 0;
  // Whether every data row so far had a value (even empty) for every column: then a short last row is cut.
  let rowsSoFar = 0;
  let allFull = true;
  const place = (line: number) => (sheet === undefined ? `line ${line}` : `sheet ${sheet}, line ${line}`);
  const endTable = () => {
    if (headers && !fields) {
      fields = columnFields(headers, undefined, options, place(headerLine));
      options.onHeader?.(
        fields.filter((field) => field !== ''),
        headerLine,
        sheet,
      );
    }
    if (headers) tables++;
  };
  for await (const row of rows) {
    const { line, cells } = row;
    if (row.start) {
      endTable();
      headers = undefined;
      fields = undefined;
      sheet = row.sheet;
      continue;
    }
    if (cells.every((cell) => cell === '')) continue;
    if (!headers) {
      headers = cells;
      headerLine = line;
      if (!isHashtagRow(cells)) continue;
      // A hashtag row with no header above it: the tags are the header.
      headers = [];
    }
    if (!fields) {
      const tags = isHashtagRow(cells) ? cells : undefined;
      fields = columnFields(headers, tags, options, place(headerLine));
      options.onHeader?.(
        fields.filter((field) => field !== ''),
        headerLine,
        sheet,
      );
      if (tags) continue;
    }
    if (delimiter !== undefined) refuseCellsBeyondHeader(cells, fields.length, line, delimiter);
    if (row.unterminated && rowsSoFar > 0 && allFull) refuseCutShort(cells, fields, line);
    rowsSoFar++;
    if (cells.length < fields.length) allFull = false;
    const values = rowValues(fields, cells, place(line));
    yield sheet === undefined ? { line, values } : { line, sheet, values };
  }
  endTable();
  if (tables === 0) throw fileProblem('file', 'the file has no header row: it is empty', 'empty');
}

/**
 * The file's last row when it has fewer values than the header has columns and no line break after it, while
 * every row before it had them all: the file was cut short (a download or a copy that stopped), and its last
 * value is most likely cut too.
 */
function refuseCutShort(cells: readonly string[], fields: readonly string[], line: number): void {
  const width = fields.reduce((last, field, i) => (field !== '' ? i + 1 : last), 0);
  if (cells.length >= width) return;
  throw fileProblem(
    `line ${line}, file`,
    `the last row stops after column ${columnName(Math.max(cells.length - 1, 0))} (${cells.length} of the header's ` +
      `${fields.length} columns) with no line break after it: the file looks cut short. Download or export it again`,
    'truncated',
  );
}

/**
 * A CSV row with a value past the header's last column has, most often, a value holding the delimiter without
 * quotes: every value after it has moved one column along. Refused, rather than read under the wrong headers.
 */
function refuseCellsBeyondHeader(cells: readonly string[], width: number, line: number, delimiter: string): void {
  const extra = cells.findIndex((cell, i) => i >= width && cell !== '');
  if (extra < 0) return;
  const name = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  throw fileProblem(
    `line ${line}, column ${columnName(extra)}`,
    `holds a value but the header has no column ${columnName(extra)}: a value with a ${name} in it must be in ` +
      'double quotes',
    'extra_cells',
  );
}

function rowValues(fields: readonly string[], cells: readonly string[], place: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [i, field] of fields.entries()) {
    if (field === '') continue;
    const value = cells[i] ?? '';
    if (value.includes('\uFFFD')) {
      throw fileProblem(
        `${place}, ${field}`,
        'is not UTF-8 text: save the file as "CSV UTF-8" (or as XLSX) and import it again',
        'encoding',
      );
    }
    values[field] = value;
  }
  return values;
}

/** Counts and hands on the file's bytes as they stream by. */
class Tap extends Transform {
  private readonly onChunk: ((chunk: Buffer) => void) | undefined;
  constructor(onChunk: ((chunk: Buffer) => void) | undefined) {
    super();
    this.onChunk = onChunk;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.onChunk?.(chunk);
    done(null, chunk);
  }
}

type Format = { kind: 'csv'; delimiter: string } | { kind: 'xlsx' };

/** Tells CSV from XLSX by the first bytes (not the name), and guesses a CSV's delimiter from its first line. */
async function sniff(file: string): Promise<Format> {
  const handle = await fs.promises.open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (/\.(ods|numbers)$/i.test(file)) {
      throw fileProblem('file', 'is not a CSV or XLSX file: save it as XLSX or as "CSV UTF-8"', 'format');
    }
    return { kind: 'xlsx' };
  }
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fileProblem('file', 'is an old Excel workbook (.xls): save it as XLSX or as "CSV UTF-8"', 'format');
  }
  if (head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) || head.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))) {
    throw fileProblem('file', 'is UTF-16 text: save it as "CSV UTF-8" and import it again', 'encoding');
  }
  if (head.includes(0)) throw fileProblem('file', 'is not a CSV or XLSX file', 'format');
  const firstLine = head.toString('utf8').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [delimiter] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
  return { kind: 'csv', delimiter };
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** A CSV parser's refusal in words about the file (csv-parse's own text names its internals). */
function csvProblem(error: CsvError, line: number): AppError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileProblem(
        `line ${line}, file`,
        'a value opened with a double quote on this line is never closed: close the quote, or, when the file ' +
          'ends here, it may have been cut short',
        'unclosed_quote',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return fileProblem(
        `line ${line}, file`,
        'a double quote inside a quoted value must be written twice ("")',
        'quote',
      );
    default:
      return fileProblem(
        `line ${line}, file`,
        'cannot be read as CSV: save the file as "CSV UTF-8" (comma, semicolon or tab separated) or as XLSX',
        'format',
      );
  }
}

async function* csvCells(
  file: string,
  delimiter: string,
  onChunk: ((chunk: Buffer) => void) | undefined,
): AsyncGenerator<CellRow> {
  const parser = parse({
    bom: true,
    delimiter,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const done = pipeline(fs.createReadStream(file), new Tap(onChunk), parser);
  // A failure of the file stream reaches the loop below through the parser; this only keeps it handled.
  done.catch(() => {});
  // The line a record starts on: csv-parse's own count is off for line breaks inside quoted cells.
  let line = 1;
  // One record is held back, so that the last one is known as last (a cut-short file ends without a break).
  let held: { line: number; cells: string[]; raw: string } | undefined;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      if (held) yield { line: held.line, cells: held.cells };
      held = { line, cells: record.map((cell) => cell.trim()), raw };
      line += lineBreaks(raw);
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, line);
    throw error;
  } finally {
    parser.destroy();
  }
  if (held) {
    const unterminated = !/[\r\n]$/.test(held.raw);
    yield unterminated ? { line: held.line, cells: held.cells, unterminated } : { line: held.line, cells: held.cells };
  }
}

/** A cell's value as text: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return (cell.richText as { text?: string }[])
        .map((run) => run.text ?? '')
        .join('')
        .trim();
    }
    if ('result' in cell) return cellText(cell.result);
    if ('formula' in cell || 'sharedFormula' in cell) return '';
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return String(cell.error);
  }
  return String(value).trim();
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

/** The sheets of a workbook, in its own order, with whether each is hidden. */
function sheetsOf(workbook: unknown): SheetInfo[] {
  const sheets = (workbook as { model?: { sheets?: { name: string; state?: string }[] } }).model?.sheets ?? [];
  return sheets.map((s) => ({ name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden' }));
}

const XLSX_IN_MEMORY_MAX_BYTES = 200 * 1024 * 1024;

async function* xlsxCells(file: string, options: ReadRowsOptions): AsyncGenerator<CellRow> {
  // Loaded only for a workbook: exceljs takes half a second to load, and a CSV import does not need it.
  const { default: Excel } = await import('exceljs');
  // The first visible sheet whose name has one of the preferred words, else the first visible sheet.
  const pickSheet = (sheets: readonly SheetInfo[]): string => {
    const visible = sheets.filter((s) => !s.hidden);
    const preferred = options.sheet ?? [];
    return (
      visible.find((s) => preferred.some((word) => s.name.toLowerCase().includes(word.toLowerCase())))?.name ??
      visible[0]?.name ??
      ''
    );
  };
  const source = fs.createReadStream(file);
  const tap = new Tap(options.onChunk);
  source.on('error', (error) => tap.destroy(error));
  source.pipe(tap);
  const workbook = new Excel.stream.xlsx.WorkbookReader(tap, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let wanted: string | undefined;
  let found = false;
  let yielded = false;
  try {
    for await (const sheet of workbook as AsyncIterable<SheetReader>) {
      wanted ??= pickSheet(sheetsOf(workbook));
      if (wanted !== undefined && sheet.name !== wanted) {
        // Drain the sheet the file does not ask for, so that the reader moves on to the next one.
        for await (const _row of sheet) {
          // nothing to keep
        }
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yielded = true;
        yield { line: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!yielded) {
      // The streaming reader fails on some well-formed workbooks (see xlsxCellsInMemory): read it whole.
      source.destroy();
      yield* xlsxCellsInMemory(file, { ...options, onChunk: undefined, sheets: (sheets) => [pickSheet(sheets)] });
      return;
    }
    throw fileProblem(
      'file',
      'cannot be read as an XLSX workbook: the file is damaged or cut short, or is another kind of ZIP archive. ' +
        'Open it in a spreadsheet and save it as XLSX again',
      'format',
    );
  } finally {
    source.destroy();
  }
  if (!found) throw fileProblem('file', 'the workbook has no worksheet', 'empty');
}

/**
 * A workbook's sheets read whole into memory (a gazetteer's several sheets). exceljs's streaming reader sets
 * aside the sheets that come before the shared strings in the archive, as Excel writes them, and fails on the
 * fifth such sheet: a COD workbook with ADM0…ADM4 and a metadata sheet has more.
 */
async function* xlsxCellsInMemory(file: string, options: ReadRowsOptions): AsyncGenerator<CellRow> {
  const { size } = await fs.promises.stat(file);
  if (size > XLSX_IN_MEMORY_MAX_BYTES) {
    throw fileProblem(
      'file',
      `is a workbook larger than ${XLSX_IN_MEMORY_MAX_BYTES / 1024 / 1024} MB: save each sheet as "CSV UTF-8" and import those`,
      'too_large',
    );
  }
  const bytes = await fs.promises.readFile(file);
  options.onChunk?.(bytes);
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileProblem(
      'file',
      'cannot be read as an XLSX workbook: the file is damaged or cut short, or is another kind of ZIP archive. ' +
        'Open it in a spreadsheet and save it as XLSX again',
      'format',
    );
  }
  const sheets = book.worksheets.map((sheet) => ({
    name: sheet.name,
    hidden: sheet.state === 'hidden' || sheet.state === 'veryHidden',
  }));
  if (sheets.length === 0) throw fileProblem('file', 'the workbook has no worksheet', 'empty');
  const wanted = new Set(options.sheets ? options.sheets(sheets) : []);
  for (const sheet of book.worksheets) {
    if (!wanted.has(sheet.name)) continue;
    yield { line: 0, cells: [], sheet: sheet.name, start: true };
    const rows: CellRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows.push({ line: row.number, cells });
    });
    yield* rows;
  }
}

/** The rows of a CSV or XLSX file, one at a time. */
export async function* readRows(file: string, options: ReadRowsOptions = {}): AsyncGenerator<TabularRow> {
  const format = await sniff(file);
  const cells =
    format.kind === 'csv'
      ? csvCells(file, format.delimiter, options.onChunk)
      : options.sheets
        ? xlsxCellsInMemory(file, options)
        : xlsxCells(file, options);
  yield* tabulate(cells, options, format.kind === 'csv' ? format.delimiter : undefined);
}
