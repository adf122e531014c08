import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { Answers, AnswerValue, FormDefinition, FormNode, QuestionType } from '../../../shared/outcomes/form.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { isZip, megabytesOf, unzipEntry, ZipError, zipEntries } from './zip.ts';

/**
 * Readers of answer exports as KoboToolbox and ODK Central write them, turned into the answers of the form the
 * file was collected with:
 *
 * - KoboToolbox: CSV (`;` by default, or `,`), XLSX (repeats as extra sheets joined by `_parent_index` to the
 *   parent's `_index`) and JSON (the API's `results` array, or a plain array of submissions; repeats as nested
 *   arrays). Headers are the questions' names ("XML values and headers"), with their group path joined by `/`
 *   (`economic/income_source`) or without it; label headers are refused.
 * - ODK Central: the CSV export, group paths joined by `-` (`economic-income_source`): the main `<form>.csv`
 *   alone, or with the repeats' `<form>-<repeat>.csv` (given beside it, or the zip Central downloads holding them
 *   all), each repeat row joined to its parent by `PARENT_KEY` (the parent's `KEY`).
 *
 * A select_multiple comes as one space-separated column, or as one 0/1 column per choice
 * (`services_used/health`). Empty cells and `n/a` are missing answers. Columns of the tools' own metadata are
 * read for the submission id and date and otherwise ignored; any other column that names no question of the form
 * refuses the file, naming the column.
 *
 * CSV is parsed as a stream, one row at a time; a workbook and a JSON file are read whole (the tools write them
 * for smaller exports).
 */

export type ExportTool = 'kobo' | 'odk';
export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface RowProblem {
  field: string;
  code: string;
  message: string;
}

export interface ResponseRow {
  /** Where a person finds the row: `line 5`, `sheet separated_member, line 3`, `submission 2`. */
  place: string;
  /** The submission's id without its `uuid:` prefix, or null when the row has none. */
  submissionId: string | null;
  /** The column the id came from (or the one it should have come from), for messages. */
  submissionIdField: string;
  /** The day it was collected (`today`, `end`, then the server's submission date), `YYYY-MM-DD`. */
  collectedOn: string | null;
  /** Rejected in the tool (Kobo "Not approved", ODK Central "Rejected"): not imported. */
  rejected: boolean;
  answers: Answers;
  /** Values that cannot be read as their question's type. */
  problems: RowProblem[];
}

/** A file of an export, as named by the tool. */
export interface AnswerFile {
  name: string;
  bytes: Buffer;
}

/** At most this many bytes are unzipped from an ODK Central zip (its CSVs together). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export interface ReadResponsesOptions {
  /** Each chunk of the file as it is read, for a progress bar. */
  onBytes?: (bytesRead: number) => void;
  /** The main file's name (a zip's, or the main CSV's): messages name the files when there are several. */
  fileName?: string;
  /** ODK Central's repeat CSVs (`<form>-<repeat>.csv`) given beside its main CSV. */
  repeatFiles?: readonly AnswerFile[];
  /** At most this many bytes are unzipped from a zip (MAX_UNZIPPED_BYTES by default). */
  maxUnzippedBytes?: number;
}

/** A question the file's columns can name. */
interface FieldInfo {
  name: string;
  type: QuestionType;
  /** Group and repeat names above it, outermost first. */
  path: string[];
  /** The innermost repeat it sits in, or null. */
  repeat: string | null;
  choices: ReadonlySet<string> | null;
  orOther: boolean;
}

interface RepeatInfo {
  name: string;
  path: string[];
  /** The repeat it sits in, or null. */
  parent: string | null;
}

export interface FormCatalogue {
  fields: Map<string, FieldInfo>;
  repeats: Map<string, RepeatInfo>;
  groups: Set<string>;
  /** Every label of every question, in every language, lower-cased: to tell label headers. */
  labels: Set<string>;
}

export function catalogueOf(form: FormDefinition): FormCatalogue {
  const catalogue: FormCatalogue = { fields: new Map(), repeats: new Map(), groups: new Set(), labels: new Set() };
  const walk = (nodes: readonly FormNode[], path: string[], repeat: string | null) => {
    for (const node of nodes) {
      for (const label of Object.values(node.label ?? {})) {
        if (label.trim()) catalogue.labels.add(label.trim().toLowerCase());
      }
      if (node.kind === 'question') {
        if (node.type === 'note') continue;
        const choices = node.listName ? form.choices[node.listName] : undefined;
        catalogue.fields.set(node.name, {
          name: node.name,
          type: node.type,
          path,
          repeat,
          choices: choices ? new Set(choices.map((c) => c.name)) : null,
          orOther: node.orOther === true,
        });
        continue;
      }
      if (node.kind === 'repeat') catalogue.repeats.set(node.name, { name: node.name, path, parent: repeat });
      else catalogue.groups.add(node.name);
      walk(node.children, [...path, node.name], node.kind === 'repeat' ? node.name : repeat);
    }
  };
  walk(form.children, [], null);
  return catalogue;
}

/** The tools' own columns: read for the id, the date and the review state, never as answers. */
const KOBO_META = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'audit',
  '__version__',
  '_version_',
  '_version__001',
]);
const ODK_META = new Set([
  'SubmissionDate',
  'KEY',
  'PARENT_KEY',
  'SubmitterID',
  'SubmitterName',
  'AttachmentsPresent',
  'AttachmentsExpected',
  'Status',
  'ReviewState',
  'DeviceID',
  'Edits',
  'FormVersion',
  'isValidated',
  'instanceID',
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'audit',
]);

const isMetaColumn = (tool: ExportTool, header: string): boolean => {
  if (tool === 'kobo') {
    return (
      KOBO_META.has(header) ||
      header.startsWith('_') ||
      header.startsWith('meta/') ||
      header.startsWith('formhub/') ||
      header === 'meta'
    );
  }
  return ODK_META.has(header) || header.startsWith('meta-') || header.startsWith('SET-OF-') || header === 'meta';
};

/** What a column holds. */
type Column =
  | { kind: 'meta'; header: string }
  | { kind: 'field'; field: FieldInfo }
  | { kind: 'choice'; field: FieldInfo; choice: string }
  | { kind: 'other'; field: FieldInfo }
  | { kind: 'repeat'; repeat: RepeatInfo }
  | { kind: 'unknown'; header: string };

const samePath = (given: readonly string[], path: readonly string[]) =>
  given.length === 0 || (given.length === path.length && given.every((segment, i) => segment === path[i]));

/** Resolves `economic/income_source`, `income_source`, `services/services_used/health`, `economic-debt`. */
export function resolveColumn(catalogue: FormCatalogue, tool: ExportTool, header: string): Column {
  if (isMetaColumn(tool, header)) return { kind: 'meta', header };
  const separator = tool === 'kobo' ? '/' : '-';
  const named = (text: string): Column | undefined => {
    const segments = text.split(separator);
    const name = segments.at(-1) ?? '';
    const path = segments.slice(0, -1);
    const field = catalogue.fields.get(name);
    if (field && samePath(path, field.path)) return { kind: 'field', field };
    const repeat = catalogue.repeats.get(name);
    if (repeat && samePath(path, repeat.path)) return { kind: 'repeat', repeat };
    if (name.endsWith('_other')) {
      const base = catalogue.fields.get(name.slice(0, -'_other'.length));
      if (base?.orOther && samePath(path, base.path)) return { kind: 'other', field: base };
    }
    return undefined;
  };
  const direct = named(header);
  if (direct) return direct;
  // One column per choice of a select_multiple: `<question>/<choice>` (both tools write the choice after a `/`).
  const slash = header.lastIndexOf('/');
  if (slash > 0) {
    const question = named(header.slice(0, slash));
    const choice = header.slice(slash + 1);
    if (
      question?.kind === 'field' &&
      question.field.type === 'select_multiple' &&
      question.field.choices?.has(choice)
    ) {
      return { kind: 'choice', field: question.field, choice };
    }
  }
  return { kind: 'unknown', header };
}

/** A refusal listing at most 200 problems (as the import does), saying how many there were. */
const refusalOf = (errors: readonly FieldError[]) =>
  new AppError('validation_failed', {
    errors: errors.slice(0, 200),
    params: { problems: errors.length, truncated: errors.length > 200 ? 1 : 0 },
  });

const fileProblem = (field: string, code: string, message: string) =>
  new AppError('validation_failed', { errors: [{ field, code, message }], params: { problems: 1, truncated: 0 } });

/**
 * Refuses columns that name no question: label headers as a whole (the export's "labels" option), and any
 * other unknown column by its name.
 */
function checkColumns(catalogue: FormCatalogue, tool: ExportTool, columns: readonly Column[], place: string): void {
  const unknown = columns.filter((c): c is Extract<Column, { kind: 'unknown' }> => c.kind === 'unknown');
  if (unknown.length === 0) return;
  const labels = unknown.filter((c) => catalogue.labels.has(c.header.trim().toLowerCase()) || /\s/.test(c.header));
  if (labels.length > 0 && labels.length >= unknown.length / 2) {
    const how =
      tool === 'kobo'
        ? 'export it again from KoboToolbox with "XML values and headers"'
        : 'export it again from ODK Central (its CSV names the questions)';
    throw fileProblem(
      `${place}, columns`,
      'label_headers',
      `the columns are named by question labels ("${labels[0]!.header}"), not by the questions' names: ${how}`,
    );
  }
  const errors: FieldError[] = unknown.map((c) => ({
    field: `${place}, ${c.header}`,
    code: 'unknown_column',
    message: `the column "${c.header}" names no question of the form: export the answers of this form, or remove the column`,
  }));
  throw new AppError('validation_failed', { errors, params: { problems: errors.length, truncated: 0 } });
}

/** A cell's text as an answer of the question's type; undefined for a missing answer. */
function typedValue(
  field: FieldInfo,
  raw: unknown,
  problems: RowProblem[],
  fieldLabel: string,
): AnswerValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') {
    if (field.type === 'integer' || field.type === 'decimal') return raw;
    raw = String(raw);
  }
  if (typeof raw !== 'string') {
    problems.push({ field: fieldLabel, code: 'wrong_type', message: 'is not a value a question can hold' });
    return undefined;
  }
  const text = raw.trim();
  if (text === '' || text === 'n/a') return undefined;
  switch (field.type) {
    case 'integer':
      if (/^-?\d+$/.test(text)) return Number(text);
      problems.push({ field: fieldLabel, code: 'wrong_type', message: 'is not a whole number' });
      return undefined;
    case 'decimal':
      if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
      problems.push({ field: fieldLabel, code: 'wrong_type', message: 'is not a number' });
      return undefined;
    case 'date': {
      const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text)?.[1];
      if (day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return day;
      problems.push({ field: fieldLabel, code: 'wrong_type', message: 'is not a date (YYYY-MM-DD)' });
      return undefined;
    }
    case 'select_multiple':
      return text.split(/\s+/).filter((choice) => choice !== '');
    default:
      return text;
  }
}

/** `uuid:5b1c…` → `5b1c…`. */
const bareId = (text: string): string => text.trim().replace(/^uuid:/i, '');

const dayOf = (text: string | undefined): string | null => {
  const day = text === undefined ? undefined : /^(\d{4}-\d{2}-\d{2})/.exec(text.trim())?.[1];
  return day ?? null;
};

const TRUE_CELLS = new Set(['1', 'true', 'True', 'TRUE']);

/** Reads one flat record (a CSV row, a sheet row, a JSON submission) of the columns already resolved. */
class RecordReader {
  read(entries: Iterable<readonly [Column, unknown]>, target: Answers, problems: RowProblem[]): Map<string, string> {
    const meta = new Map<string, string>();
    const choiceColumns = new Map<string, { field: FieldInfo; chosen: string[]; seen: boolean }>();
    const combined = new Set<string>();
    for (const [column, raw] of entries) {
      if (typeof raw === 'string' && raw.includes('\u0000')) {
        const name =
          column.kind === 'meta' || column.kind === 'unknown'
            ? column.header
            : 'field' in column
              ? column.field.name
              : column.repeat.name;
        problems.push({
          field: name,
          code: 'nul_character',
          message: 'holds a NUL character, which no answer may hold',
        });
        continue;
      }
      switch (column.kind) {
        case 'meta':
          if (typeof raw === 'string' || typeof raw === 'number') meta.set(column.header, String(raw));
          else if (raw && typeof raw === 'object' && 'uid' in raw) meta.set(column.header, String(raw.uid));
          break;
        case 'field': {
          const value = typedValue(column.field, raw, problems, column.field.name);
          if (column.field.type === 'select_multiple') combined.add(column.field.name);
          if (value !== undefined) target[column.field.name] = value;
          break;
        }
        case 'other': {
          const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
          if (text !== '' && text !== 'n/a') target[`${column.field.name}_other`] = text;
          break;
        }
        case 'choice': {
          let entry = choiceColumns.get(column.field.name);
          if (!entry) {
            entry = { field: column.field, chosen: [], seen: false };
            choiceColumns.set(column.field.name, entry);
          }
          const text = raw === null || raw === undefined ? '' : String(raw).trim();
          if (text === '' || text === 'n/a') break;
          entry.seen = true;
          if (TRUE_CELLS.has(text)) entry.chosen.push(column.choice);
          else if (!['0', 'false', 'False', 'FALSE'].includes(text)) {
            problems.push({
              field: `${column.field.name}/${column.choice}`,
              code: 'wrong_type',
              message: 'is not 0 or 1',
            });
          }
          break;
        }
        default:
          break;
      }
    }
    // One column per choice counts only when the file has no space-separated column for the question.
    for (const [name, entry] of choiceColumns) {
      if (combined.has(name) || !entry.seen) continue;
      target[name] = entry.chosen;
    }
    return meta;
  }
}

/** The row's id, date and review state from the tool's metadata columns. */
function rowOf(
  tool: ExportTool,
  place: string,
  meta: ReadonlyMap<string, string>,
  answers: Answers,
  problems: RowProblem[],
): ResponseRow {
  const idColumns = tool === 'kobo' ? ['_uuid', 'meta/instanceID'] : ['meta-instanceID', 'KEY', 'instanceID'];
  const idColumn = idColumns.find((column) => (meta.get(column) ?? '').trim() !== '');
  const submissionId = idColumn === undefined ? null : bareId(meta.get(idColumn)!);
  const dateColumns =
    tool === 'kobo' ? ['today', 'end', 'start', '_submission_time'] : ['today', 'end', 'start', 'SubmissionDate'];
  let collectedOn: string | null = null;
  for (const column of dateColumns) {
    collectedOn = dayOf(meta.get(column));
    if (collectedOn) break;
  }
  const review = tool === 'kobo' ? meta.get('_validation_status') : meta.get('ReviewState');
  const state = review?.trim().toLowerCase();
  const rejected = state === 'validation_status_not_approved' || state === 'not approved' || state === 'rejected';
  return {
    place,
    submissionId: submissionId === '' ? null : submissionId,
    submissionIdField: idColumn ?? (tool === 'kobo' ? '_uuid' : 'meta-instanceID'),
    collectedOn,
    rejected,
    answers,
    problems,
  };
}

/** CSV, XLSX or JSON, by the first bytes (not the name). */
export function formatOf(bytes: Buffer): ExportFormat {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  const start = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fileProblem('file', 'format', 'is an old Excel workbook (.xls): export the answers as XLSX or CSV');
  }
  if (bytes.subarray(0, 1024).includes(0)) {
    throw fileProblem('file', 'format', 'is not a CSV, XLSX or JSON export of answers');
  }
  return 'csv';
}

/** Kobo or ODK Central, by the columns only one of them writes. */
export function toolOf(headers: readonly string[]): ExportTool {
  const odk = ['KEY', 'SubmissionDate', 'meta-instanceID', 'SubmitterID', 'ReviewState', 'FormVersion'];
  return headers.some((header) => odk.includes(header)) ? 'odk' : 'kobo';
}

/** The delimiter of a CSV's first line: `;` (Kobo's default), `,` or tab, whichever is used most outside quotes. */
function delimiterOf(bytes: Buffer): string {
  const head = bytes.subarray(0, 64 * 1024).toString('utf8');
  const firstLine = head.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** Where a line of a file is, for messages: `line 4`, or `form-separated_member.csv, line 4` among several files. */
const placeIn = (file: string | undefined) => (line: number) => (file ? `${file}, line ${line}` : `line ${line}`);

/** A CSV's non-empty records, one at a time, with the line each begins on. */
async function* csvRecords(
  bytes: Buffer,
  placeOf: (line: number) => string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<{ record: string[]; line: number; delimiter: string }> {
  const delimiter = delimiterOf(bytes);
  const parser = parse({ bom: true, delimiter, raw: true, relax_column_count: true, skip_empty_lines: false });
  // The file is handed to the parser in 1 MB pieces, so that rows are read while the rest waits.
  const PIECE = 1024 * 1024;
  const pieces = function* () {
    for (let at = 0; at < bytes.length; at += PIECE) {
      onBytes?.(Math.min(at + PIECE, bytes.length));
      yield bytes.subarray(at, at + PIECE);
    }
  };
  Readable.from(pieces()).pipe(parser);
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const at = line;
      line += lineBreaks(raw);
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { record, line: at, delimiter };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw fileProblem(
        `${placeOf(line)}, file`,
        'format',
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a value opened with a double quote is never closed: the file may have been cut short'
          : 'cannot be read as CSV: export the answers again as CSV or XLSX',
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

const checkExtraCells = (record: readonly string[], width: number, delimiter: string, place: string) => {
  if (record.length > width && record.slice(width).some((cell) => cell.trim() !== '')) {
    throw fileProblem(
      `${place}, file`,
      'extra_cells',
      `the row has more values than the header has columns: a value with a "${delimiter}" in it must be in double quotes`,
    );
  }
};

async function* readCsv(
  bytes: Buffer,
  catalogue: FormCatalogue,
  options: ReadResponsesOptions,
  main: { file?: string; repeats?: RepeatRows } = {},
): AsyncGenerator<ResponseRow> {
  const placeOf = placeIn(main.file);
  let columns: Column[] | undefined;
  let tool: ExportTool = 'kobo';
  let reader: RecordReader | undefined;
  for await (const { record, line, delimiter } of csvRecords(bytes, placeOf, options.onBytes)) {
    if (!columns) {
      const headers = record.map((cell) => cell.trim());
      tool = toolOf(headers);
      columns = headers.map((header) => resolveColumn(catalogue, tool, header));
      checkColumns(catalogue, tool, columns, placeOf(line));
      checkDuplicateColumns(columns, headers, placeOf(line));
      if (main.repeats && !headers.includes('KEY')) {
        throw fileProblem(
          `${placeOf(line)}, KEY`,
          'missing_column',
          "the file has no KEY column, by which the repeats' rows name their submission: export it again from ODK Central",
        );
      }
      reader = new RecordReader();
      continue;
    }
    checkExtraCells(record, columns.length, delimiter, placeOf(line));
    const problems: RowProblem[] = [];
    const answers: Answers = {};
    const cols = columns;
    const meta = reader!.read(
      cols.map((column, i) => [column, record[i] ?? ''] as const),
      answers,
      problems,
    );
    main.repeats?.attach(meta.get('KEY') ?? '', answers);
    yield rowOf(tool, placeOf(line), meta, answers, problems);
  }
  if (!columns) throw fileProblem('file', 'empty', 'the file is empty: it has no header row');
  main.repeats?.throwIfOrphans();
}

/** One row of an ODK Central repeat CSV. */
interface RepeatRow {
  repeat: RepeatInfo;
  place: string;
  key: string;
  parentKey: string;
  answers: Answers;
}

/**
 * ODK Central's repeat CSVs, read whole and joined: a nested repeat's rows are placed in their parent repeat's
 * rows here, and the outermost repeats' rows wait for their submission (`attach`, as the main CSV is read).
 * Rows whose parent is never found are refused once the main CSV has been read.
 */
class RepeatRows {
  /** The outermost repeats' rows by their submission's KEY. */
  private readonly waiting = new Map<string, RepeatRow[]>();
  private readonly mainFile: string;

  constructor(rows: readonly RepeatRow[], mainFile: string) {
    this.mainFile = mainFile;
    const byKey = new Map<string, RepeatRow>();
    for (const row of rows) if (row.key !== '') byKey.set(row.key, row);
    const orphans: FieldError[] = [];
    for (const row of rows) {
      if (row.repeat.parent === null) {
        const list = this.waiting.get(row.parentKey) ?? [];
        list.push(row);
        this.waiting.set(row.parentKey, list);
        continue;
      }
      const parent = byKey.get(row.parentKey);
      if (!parent || parent.repeat.name !== row.repeat.parent) {
        orphans.push(orphan(row, `names no row of the repeat ${row.repeat.parent}`));
        continue;
      }
      const list = (parent.answers[row.repeat.name] as Answers[] | undefined) ?? [];
      list.push(row.answers);
      parent.answers[row.repeat.name] = list;
    }
    if (orphans.length > 0) {
      throw refusalOf(orphans);
    }
  }

  /** Places the repeat rows of the submission `key` in its answers. */
  attach(key: string, answers: Answers): void {
    const rows = this.waiting.get(key.trim());
    if (!rows || key.trim() === '') return;
    this.waiting.delete(key.trim());
    for (const row of rows) {
      const list = (answers[row.repeat.name] as Answers[] | undefined) ?? [];
      list.push(row.answers);
      answers[row.repeat.name] = list;
    }
  }

  /** Refuses the rows whose submission the main CSV did not hold. */
  throwIfOrphans(): void {
    const orphans = [...this.waiting.values()]
      .flat()
      .map((row) => orphan(row, `names no submission of ${this.mainFile} (no row has this KEY)`));
    if (orphans.length > 0) {
      throw refusalOf(orphans);
    }
  }
}

const orphan = (row: RepeatRow, message: string): FieldError => ({
  field: `${row.place}, PARENT_KEY`,
  code: 'unknown_parent',
  message,
});

/** The repeat an ODK Central repeat CSV holds, by its name (`<form>-<repeat>.csv`, `<form>-<repeat>~2.csv`). */
function repeatOfFile(catalogue: FormCatalogue, name: string): RepeatInfo | undefined {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.csv$/i, '')
    .replace(/~\d+$/, '');
  const matching = [...catalogue.repeats.values()].filter((r) => base === r.name || base.endsWith(`-${r.name}`));
  return matching.sort((a, b) => b.name.length - a.name.length)[0];
}

/** Reads an ODK Central repeat CSV: its columns must name questions of its repeat, and it needs PARENT_KEY. */
async function readRepeatCsv(file: AnswerFile, catalogue: FormCatalogue, problems: FieldError[]): Promise<RepeatRow[]> {
  const placeOf = placeIn(file.name);
  if (!isUtf8(file.bytes)) {
    throw fileProblem(file.name, 'encoding', 'is not UTF-8 text: export the answers again from ODK Central');
  }
  let repeat = repeatOfFile(catalogue, file.name);
  let columns: Column[] | undefined;
  let headers: string[] = [];
  let reader: RecordReader | undefined;
  const rows: RepeatRow[] = [];
  const keys = new Map<string, string>();
  for await (const { record, line, delimiter } of csvRecords(file.bytes, placeOf)) {
    if (!columns) {
      headers = record.map((cell) => cell.trim());
      const resolveIn = (header: string, within: RepeatInfo | undefined): Column => {
        const column = resolveColumn(catalogue, 'odk', header);
        if (column.kind !== 'unknown' || !within) return column;
        // Central names a repeat's columns from the repeat (`group-question` inside it).
        const inside = resolveColumn(catalogue, 'odk', [...within.path, within.name, header].join('-'));
        return inside.kind === 'unknown' ? column : inside;
      };
      if (!repeat) {
        const named = headers.map((h) => resolveColumn(catalogue, 'odk', h));
        const owner = named.find((c) => 'field' in c && c.field.repeat !== null);
        if (owner && 'field' in owner) repeat = catalogue.repeats.get(owner.field.repeat!);
      }
      if (!repeat) {
        throw fileProblem(
          `${placeOf(line)}, file`,
          'unknown_repeat',
          `the file holds no repeat of the form: its name and columns name none (ODK Central names it <form>-<repeat>.csv)`,
        );
      }
      const within = repeat;
      columns = headers.map((header) => resolveIn(header, within));
      checkColumns(catalogue, 'odk', columns, placeOf(line));
      const outside: FieldError[] = [];
      for (const [i, column] of columns.entries()) {
        if (column.kind === 'repeat' || ('field' in column && column.field.repeat !== within.name)) {
          outside.push({
            field: `${placeOf(line)}, ${headers[i]}`,
            code: 'unknown_column',
            message: `the column "${headers[i]}" names no question of the repeat ${within.name}: export the answers of this form again`,
          });
        }
      }
      if (outside.length > 0) {
        throw refusalOf(outside);
      }
      checkDuplicateColumns(columns, headers, placeOf(line));
      if (!headers.includes('PARENT_KEY')) {
        throw fileProblem(
          `${placeOf(line)}, PARENT_KEY`,
          'missing_column',
          'the repeat file has no PARENT_KEY column, which names the row each repeat row belongs to',
        );
      }
      reader = new RecordReader();
      continue;
    }
    checkExtraCells(record, columns.length, delimiter, placeOf(line));
    const answers: Answers = {};
    const rowProblems: RowProblem[] = [];
    const cols = columns;
    const meta = reader!.read(
      cols.map((column, i) => [column, record[i] ?? ''] as const),
      answers,
      rowProblems,
    );
    const place = placeOf(line);
    for (const p of rowProblems) problems.push({ field: `${place}, ${p.field}`, code: p.code, message: p.message });
    const parentKey = (meta.get('PARENT_KEY') ?? '').trim();
    const key = (meta.get('KEY') ?? '').trim();
    if (parentKey === '') {
      problems.push({
        field: `${place}, PARENT_KEY`,
        code: 'required',
        message: 'is empty: every repeat row names its parent',
      });
      continue;
    }
    const first = key === '' ? undefined : keys.get(key);
    if (first !== undefined) {
      problems.push({
        field: `${place}, KEY`,
        code: 'duplicate_row',
        message: `repeats the row of ${first}: export each submission once`,
      });
      continue;
    }
    if (key !== '') keys.set(key, place);
    rows.push({ repeat: repeat!, place, key, parentKey, answers });
  }
  return rows;
}

/** Reads the repeats of an ODK Central export and joins them, before its main CSV is read. */
async function repeatRowsOf(files: readonly AnswerFile[], catalogue: FormCatalogue, mainFile: string) {
  const problems: FieldError[] = [];
  const rows: RepeatRow[] = [];
  for (const file of files) rows.push(...(await readRepeatCsv(file, catalogue, problems)));
  if (problems.length > 0) {
    throw refusalOf(problems);
  }
  return new RepeatRows(rows, mainFile);
}

/**
 * ODK Central's zip: `<form>.csv` (the submissions) and `<form>-<repeat>.csv` per repeat, at most
 * `maxBytes` unzipped in all; attachments (`media/…`) are not unzipped.
 */
function unzipOdkExport(bytes: Buffer, maxBytes: number): { main: AnswerFile; repeats: AnswerFile[] } {
  try {
    const csvs = zipEntries(bytes).filter((e) => /\.csv$/i.test(e.name) && !e.name.endsWith('/'));
    const base = (name: string) => name.replace(/^.*\//, '').replace(/\.csv$/i, '');
    const mains = csvs.filter((e) =>
      csvs.every((other) => other === e || base(other.name).startsWith(`${base(e.name)}-`)),
    );
    if (mains.length !== 1) {
      throw fileProblem(
        'file',
        'format',
        csvs.length === 0
          ? 'is a zip without a CSV: import the zip ODK Central downloads (its CSV export), or the CSV itself'
          : "is a zip whose CSVs are not one ODK Central export (<form>.csv and its repeats' <form>-<repeat>.csv)",
      );
    }
    const declared = csvs.reduce((sum, e) => sum + e.size, 0);
    if (declared > maxBytes) {
      throw new ZipError('too_large', `unzips to more than ${megabytesOf(maxBytes)}`);
    }
    let budget = maxBytes;
    const unzip = (entry: (typeof csvs)[number]): AnswerFile => {
      const out = unzipEntry(bytes, entry, budget);
      budget -= out.length;
      return { name: entry.name.replace(/^.*\//, ''), bytes: out };
    };
    const main = unzip(mains[0]!);
    return { main, repeats: csvs.filter((e) => e !== mains[0]).map(unzip) };
  } catch (error) {
    if (error instanceof ZipError) {
      throw fileProblem(
        'file',
        error.reason === 'too_large' ? 'too_large' : 'format',
        error.reason === 'too_large'
          ? `${error.message.startsWith('unzips') ? `unzips to more than ${megabytesOf(maxBytes)}` : error.message}, more than an import reads (a zip bomb, or an export to import from the command line: the main CSV, with --repeat for each repeat CSV)`
          : error.message,
      );
    }
    throw error;
  }
}

function checkDuplicateColumns(columns: readonly Column[], headers: readonly string[], place: string): void {
  const seen = new Map<string, string>();
  for (const [i, column] of columns.entries()) {
    const key =
      column.kind === 'field'
        ? column.field.name
        : column.kind === 'choice'
          ? `${column.field.name}/${column.choice}`
          : undefined;
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      throw fileProblem(
        `${place}, ${headers[i]}`,
        'duplicate_column',
        `the columns "${first}" and "${headers[i]}" both give ${key}`,
      );
    }
    seen.set(key, headers[i] ?? key);
  }
}

/** A cell of exceljs as text (numbers as written, dates as ISO). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) return (cell.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
  }
  return String(value).trim();
}

/**
 * A Kobo workbook: the first sheet holds the submissions, each other sheet a repeat, its rows joined to their
 * parent's `_index` by `_parent_index` (and `_parent_table_name`, for a repeat within a repeat).
 */
async function* readXlsx(bytes: Buffer, catalogue: FormCatalogue): AsyncGenerator<ResponseRow> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw fileProblem('file', 'format', 'cannot be read as an XLSX workbook: export the answers again');
  }
  const sheets = book.worksheets.filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden');
  const [main, ...others] = sheets;
  if (!main) throw fileProblem('file', 'empty', 'the workbook has no sheet');
  type SheetRow = { line: number; cells: string[] };
  const rowsOf = (sheet: (typeof sheets)[number]): { headers: string[]; headerLine: number; rows: SheetRow[] } => {
    const all: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      if (cells.some((cell) => cell !== '')) all.push({ line: row.number, cells });
    });
    const [header, ...rows] = all;
    return { headers: header?.cells ?? [], headerLine: header?.line ?? 1, rows };
  };
  const mainTable = rowsOf(main);
  if (mainTable.headers.length === 0) throw fileProblem('file', 'empty', 'the first sheet has no header row');
  const tool = toolOf(mainTable.headers);
  const reader = new RecordReader();
  const resolve = (headers: readonly string[], place: string) => {
    const columns = headers.map((header) => resolveColumn(catalogue, tool, header));
    checkColumns(catalogue, tool, columns, place);
    checkDuplicateColumns(columns, headers, place);
    return columns;
  };
  const mainColumns = resolve(mainTable.headers, `sheet ${main.name}, line ${mainTable.headerLine}`);
  const indexColumn = mainTable.headers.indexOf('_index');
  // Each table's rows by their `_index`, so that repeat rows find their parent.
  const byIndex = new Map<string, Map<string, Answers>>();
  const results: { row: SheetRow; answers: Answers; meta: Map<string, string>; problems: RowProblem[] }[] = [];
  const mainIndex = new Map<string, Answers>();
  byIndex.set(main.name, mainIndex);
  for (const row of mainTable.rows) {
    const answers: Answers = {};
    const problems: RowProblem[] = [];
    const meta = reader.read(
      mainColumns.map((column, i) => [column, row.cells[i] ?? ''] as const),
      answers,
      problems,
    );
    if (indexColumn >= 0 && row.cells[indexColumn]) mainIndex.set(row.cells[indexColumn]!, answers);
    results.push({ row, answers, meta, problems });
  }
  const problemsOfRepeats: RowProblem[] = [];
  for (const sheet of others) {
    const table = rowsOf(sheet);
    if (table.headers.length === 0) continue;
    const place = `sheet ${sheet.name}, line ${table.headerLine}`;
    const repeat =
      catalogue.repeats.get(sheet.name) ?? [...catalogue.repeats.values()].find((r) => r.name.startsWith(sheet.name));
    if (!repeat) {
      throw fileProblem(`sheet ${sheet.name}`, 'unknown_sheet', `the sheet "${sheet.name}" is no repeat of the form`);
    }
    const columns = resolve(table.headers, place);
    const at = (name: string) => table.headers.indexOf(name);
    const [parentIndex, parentTable, ownIndex] = [at('_parent_index'), at('_parent_table_name'), at('_index')];
    if (parentIndex < 0) {
      throw fileProblem(place, 'missing_column', `the sheet "${sheet.name}" has no _parent_index column`);
    }
    const own = new Map<string, Answers>();
    byIndex.set(sheet.name, own);
    for (const row of table.rows) {
      const answers: Answers = {};
      const rowPlace = `sheet ${sheet.name}, line ${row.line}`;
      const problems: RowProblem[] = [];
      reader.read(
        columns.map((column, i) => [column, row.cells[i] ?? ''] as const),
        answers,
        problems,
      );
      for (const p of problems) problemsOfRepeats.push({ ...p, field: `${rowPlace}, ${p.field}` });
      const parentName = parentTable >= 0 && row.cells[parentTable] ? row.cells[parentTable]! : main.name;
      const parents = byIndex.get(parentName) ?? (repeat.parent ? byIndex.get(repeat.parent) : mainIndex);
      const parent = parents?.get(row.cells[parentIndex] ?? '');
      if (!parent) {
        problemsOfRepeats.push({
          field: `${rowPlace}, _parent_index`,
          code: 'unknown_parent',
          message: `names no row of the sheet ${parentName}`,
        });
        continue;
      }
      const list = (parent[repeat.name] as Answers[] | undefined) ?? [];
      list.push(answers);
      parent[repeat.name] = list;
      if (ownIndex >= 0 && row.cells[ownIndex]) own.set(row.cells[ownIndex]!, answers);
    }
  }
  if (problemsOfRepeats.length > 0) {
    throw new AppError('validation_failed', {
      errors: problemsOfRepeats.map((p) => ({ field: p.field, code: p.code, message: p.message })),
      params: { problems: problemsOfRepeats.length, truncated: 0 },
    });
  }
  for (const { row, answers, meta, problems } of results) {
    yield rowOf(tool, `sheet ${main.name}, line ${row.line}`, meta, answers, problems);
  }
}

/** A Kobo JSON export: `{ results: [...] }` from the API, or a plain array of submissions. */
async function* readJson(bytes: Buffer, catalogue: FormCatalogue): AsyncGenerator<ResponseRow> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw fileProblem('file', 'format', 'is not valid JSON: export the answers again');
  }
  const submissions = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { results?: unknown }).results)
      ? (parsed as { results: unknown[] }).results
      : undefined;
  if (!submissions) {
    throw fileProblem('file', 'format', 'is JSON but neither a list of submissions nor an answer with "results"');
  }
  const reader = new RecordReader();
  const resolved = new Map<string, Column>();
  const columnOf = (key: string) => {
    let column = resolved.get(key);
    if (!column) {
      column = resolveColumn(catalogue, 'kobo', key);
      resolved.set(key, column);
    }
    return column;
  };
  const unknown = new Set<string>();
  const readObject = (object: Record<string, unknown>, place: string, answers: Answers, problems: RowProblem[]) => {
    const entries: [Column, unknown][] = [];
    for (const [key, value] of Object.entries(object)) {
      const column = columnOf(key);
      if (column.kind === 'unknown') {
        unknown.add(key);
        continue;
      }
      if (column.kind === 'repeat') {
        if (!Array.isArray(value)) continue;
        answers[column.repeat.name] = value.map((item, i) => {
          const inner: Answers = {};
          if (item && typeof item === 'object') {
            readObject(item as Record<string, unknown>, `${place}, ${column.repeat.name}[${i + 1}]`, inner, problems);
          }
          return inner;
        });
        continue;
      }
      entries.push([column, value]);
    }
    return reader.read(entries, answers, problems);
  };
  const rows: ResponseRow[] = [];
  for (const [i, submission] of submissions.entries()) {
    const place = `submission ${i + 1}`;
    if (!submission || typeof submission !== 'object' || Array.isArray(submission)) {
      throw fileProblem(place, 'format', 'is not a submission (an object of answers)');
    }
    const answers: Answers = {};
    const problems: RowProblem[] = [];
    const meta = readObject(submission as Record<string, unknown>, place, answers, problems);
    rows.push(rowOf('kobo', place, meta, answers, problems));
  }
  if (unknown.size > 0) {
    checkColumns(
      catalogue,
      'kobo',
      [...unknown].map((header) => ({ kind: 'unknown', header })),
      'file',
    );
  }
  yield* rows;
}

/** The rows of an answers export, one at a time, as the form's answers. */
export async function* readResponses(
  bytes: Buffer,
  form: FormDefinition,
  options: ReadResponsesOptions = {},
): AsyncGenerator<ResponseRow> {
  const catalogue = catalogueOf(form);
  if (isZip(bytes) && !isWorkbook(bytes)) {
    if (options.repeatFiles && options.repeatFiles.length > 0) {
      throw fileProblem('file', 'format', "is ODK Central's zip, which holds its repeats: import it without --repeat");
    }
    options.onBytes?.(bytes.length);
    const { main, repeats } = unzipOdkExport(bytes, options.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES);
    yield* readOdkCsvs(main, repeats, catalogue, {});
    return;
  }
  if (options.repeatFiles && options.repeatFiles.length > 0) {
    const main = { name: options.fileName ?? 'the main file', bytes };
    yield* readOdkCsvs(main, options.repeatFiles, catalogue, options);
    return;
  }
  const format = formatOf(bytes);
  if (format === 'csv') {
    if (!isUtf8(bytes)) {
      throw fileProblem('file', 'encoding', 'is not UTF-8 text: export the answers again as CSV (UTF-8) or XLSX');
    }
    yield* readCsv(bytes, catalogue, options);
    return;
  }
  options.onBytes?.(bytes.length);
  yield* format === 'xlsx' ? readXlsx(bytes, catalogue) : readJson(bytes, catalogue);
}

/** An XLSX workbook rather than another zip: it holds `[Content_Types].xml`. */
function isWorkbook(bytes: Buffer): boolean {
  try {
    return zipEntries(bytes).some((e) => e.name === '[Content_Types].xml' || e.name.startsWith('xl/'));
  } catch {
    // Left to the workbook reader, which says the file cannot be read.
    return true;
  }
}

/** ODK Central's main CSV with its repeat CSVs, the messages naming each file. */
async function* readOdkCsvs(
  main: AnswerFile,
  repeats: readonly AnswerFile[],
  catalogue: FormCatalogue,
  options: ReadResponsesOptions,
): AsyncGenerator<ResponseRow> {
  if (formatOf(main.bytes) !== 'csv' || !isUtf8(main.bytes)) {
    throw fileProblem(main.name, 'format', 'is not a CSV (UTF-8) export of ODK Central: its repeats come with its CSV');
  }
  const joined = await repeatRowsOf(repeats, catalogue, main.name);
  yield* readCsv(main.bytes, catalogue, options, { file: main.name, repeats: joined });
}
