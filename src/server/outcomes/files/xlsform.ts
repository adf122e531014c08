import type ExcelJS from 'exceljs';
import { compiled, ExpressionError, referencesOf } from '../../../shared/outcomes/expressions.ts';
import {
  type Choice,
  type FormDefinition,
  type FormNode,
  type Group,
  type LocalizedLabel,
  METADATA_TYPES,
  type Question,
  type QuestionType,
} from '../../../shared/outcomes/form.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';

/**
 * Reads an XLSForm workbook (the `survey`, `choices` and `settings` sheets, as Kobo, ODK and pyxform write them)
 * into a FormDefinition. Every problem is collected and reported at once, each naming its sheet, row and the
 * question's name, so that the person who wrote the form can fix them all before importing it again; a form
 * with any problem is refused whole.
 */

/** The most problems listed in one refusal. */
export const MAX_FORM_PROBLEMS = 200;

/** Types Homeward's forms do not handle, refused by name rather than as unknown. */
const UNSUPPORTED_TYPES = new Set([
  'range',
  'rank',
  'audio',
  'video',
  'file',
  'barcode',
  'geotrace',
  'geoshape',
  'time',
  'datetime',
  'dateTime',
  'hidden',
  'acknowledge',
  'trigger',
  'select_one_from_file',
  'select_multiple_from_file',
  'xml-external',
  'csv-external',
  'background-audio',
  'audit',
  'simserial',
  'subscriberid',
  'phonenumber',
  'email',
  'start-geopoint',
  'background-geopoint',
  'osm',
]);

const TYPE_ALIASES: Record<string, QuestionType> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  note: 'note',
  calculate: 'calculate',
  geopoint: 'geopoint',
  gps: 'geopoint',
  location: 'geopoint',
  image: 'image',
  photo: 'image',
  start: 'start',
  end: 'end',
  today: 'today',
  deviceid: 'deviceid',
  username: 'username',
};

/** Language names as XLSForm columns give them without a code (`label::English`), to their codes. */
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  arabic: 'ar',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  العربية: 'ar',
  kurdish: 'ku',
  kurmanji: 'kmr',
  sorani: 'ckb',
  spanish: 'es',
  portuguese: 'pt',
  swahili: 'sw',
  somali: 'so',
  tigrinya: 'ti',
  amharic: 'am',
  oromo: 'om',
  dari: 'prs',
  pashto: 'ps',
  persian: 'fa',
  farsi: 'fa',
  turkish: 'tr',
  russian: 'ru',
  ukrainian: 'uk',
  hausa: 'ha',
  urdu: 'ur',
  hindi: 'hi',
  bengali: 'bn',
  burmese: 'my',
  nepali: 'ne',
  dinka: 'din',
  nuer: 'nus',
  lingala: 'ln',
  kinyarwanda: 'rw',
  kirundi: 'rn',
  sango: 'sg',
  fulfulde: 'ff',
  bambara: 'bm',
  tamasheq: 'taq',
  german: 'de',
  italian: 'it',
  chinese: 'zh',
};

/** A language as a column or the settings name it (`English (en)`, `English`, `en`) to its code. */
export function languageCode(text: string): string {
  const trimmed = text.trim();
  const coded = /\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\)\s*$/.exec(trimmed);
  if (coded) return coded[1]!.toLowerCase();
  const named = LANGUAGE_CODES[trimmed.toLowerCase()];
  if (named) return named;
  if (/^[A-Za-z]{2,3}$/.test(trimmed)) return trimmed.toLowerCase();
  return trimmed.toLowerCase().replace(/\s+/g, '_') || 'default';
}

/** Columns whose names pyxform and Kobo spell in more than one way. */
const COLUMN_ALIASES: Record<string, string> = {
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  'list name': 'list_name',
  'list-name': 'list_name',
  readonly: 'read_only',
  'jr:count': 'repeat_count',
  calculate: 'calculation',
  value: 'name',
  'bind::relevant': 'relevant',
  'bind::constraint': 'constraint',
  'bind::required': 'required',
  'bind::calculate': 'calculation',
  'bind::jr:constraintmsg': 'constraint_message',
  'bind::jr:requiredmsg': 'required_message',
  'body::appearance': 'appearance',
  'control::appearance': 'appearance',
  id_string: 'form_id',
};

/** Columns that take a text in each language. */
const LOCALIZED = new Set(['label', 'hint', 'constraint_message', 'required_message', 'guidance_hint']);

interface Column {
  index: number;
  /** The column's meaning: `label`, `relevant`; extra columns keep their header, lower-cased. */
  key: string;
  /** For localized columns: the language code (`default` when the header names none). */
  language?: string;
  header: string;
}

/** Columns Kobo and ODK write that say nothing about the form. */
const ignoredColumn = (key: string): boolean =>
  key.startsWith('$') ||
  key.startsWith('kobo--') ||
  key.startsWith('media::') ||
  ['image', 'audio', 'video', 'big-image', 'tag', 'tags'].includes(key) ||
  key.startsWith('image::') ||
  key.startsWith('audio::') ||
  key.startsWith('video::') ||
  key.startsWith('instance::');

function readColumns(header: readonly string[]): Column[] {
  const columns: Column[] = [];
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    let lower = text.toLowerCase().replace(/\s+/g, ' ');
    if (COLUMN_ALIASES[lower]) lower = COLUMN_ALIASES[lower]!;
    // `label::English (en)`, and the older `label:English`; `jr:constraintMsg::Arabic (ar)` too.
    const cut = lower.includes('::') ? lower.indexOf('::') : /^[a-z_]+:[^:]/.test(lower) ? lower.indexOf(':') : -1;
    const head = cut < 0 ? lower : lower.slice(0, cut);
    const base = COLUMN_ALIASES[head] ?? head;
    if (cut >= 0 && LOCALIZED.has(base)) {
      const original = text.slice(cut + (lower.startsWith('::', cut) ? 2 : 1));
      columns.push({ index, key: base, language: languageCode(original), header: text });
      return;
    }
    if (LOCALIZED.has(lower)) {
      columns.push({ index, key: lower, language: 'default', header: text });
      return;
    }
    columns.push({ index, key: lower.replace(/ /g, '_'), header: text });
  });
  return columns;
}

interface Row {
  line: number;
  cells: Record<string, string>;
  texts: Record<string, LocalizedLabel>;
}

function readRows(sheet: Sheet, columns: Column[]): Row[] {
  return sheet.rows.slice(1).flatMap(({ line, cells }) => {
    const row: Row = { line, cells: {}, texts: {} };
    for (const column of columns) {
      const value = (cells[column.index] ?? '').trim();
      if (value === '') continue;
      if (column.language) {
        row.texts[column.key] ??= {};
        row.texts[column.key]![column.language] = value;
      } else if (!ignoredColumn(column.key)) row.cells[column.key] ??= value;
    }
    return Object.keys(row.cells).length === 0 && Object.keys(row.texts).length === 0 ? [] : [row];
  });
}

interface Sheet {
  name: string;
  rows: { line: number; cells: string[] }[];
}

/** A cell's value as text: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) return (cell.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('formula' in cell || 'sharedFormula' in cell) return '';
  }
  return String(value);
}

class Problems {
  readonly list: FieldError[] = [];
  add(sheet: string, line: number | null, field: string, code: string, message: string): void {
    this.list.push({ field: line === null ? `${sheet}, ${field}` : `${sheet}, row ${line}, ${field}`, code, message });
  }
}

/** A workbook's first bytes: XLSX is a ZIP archive; the old binary .xls an OLE compound file. */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const refuse = (errors: FieldError[]) =>
  new AppError('validation_failed', {
    errors: errors.slice(0, MAX_FORM_PROBLEMS),
    params: { problems: errors.length, truncated: errors.length > MAX_FORM_PROBLEMS ? 1 : 0 },
  });

async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  const file = (code: string, message: string) => refuse([{ field: 'file', code, message }]);
  if (/\.xls$/i.test(fileName) || startsWith(bytes, OLE)) {
    throw file(
      'old_format',
      'is an old binary Excel workbook (.xls): open it in a spreadsheet and save it as .xlsx, then import that',
    );
  }
  if (!startsWith(bytes, ZIP)) {
    throw file('unreadable', 'is not an XLSX workbook: an XLSForm is imported as the .xlsx file Kobo or ODK gives');
  }
  const { default: Excel } = await import('exceljs');
  const book: ExcelJS.Workbook = new Excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw file(
      'unreadable',
      'cannot be read as an XLSX workbook: the file is damaged or cut short. Open it in a spreadsheet and save it as .xlsx again',
    );
  }
  return book.worksheets.map((sheet) => {
    const rows: Sheet['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows.push({ line: row.number, cells });
    });
    return { name: sheet.name, rows };
  });
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const TRUE = /^(yes|true|true\(\)|1)$/i;
const FALSE = /^(no|false|false\(\)|0)$/i;

interface ParsedType {
  type?: QuestionType;
  begin?: 'group' | 'repeat';
  end?: 'group' | 'repeat';
  listName?: string;
  orOther?: boolean;
}

/** The `type` cell: a question type, a select with its list (and `or_other`), or the beginning or end of a group. */
function parseType(raw: string): ParsedType | { unsupported: string } | { unknown: string } {
  const text = raw.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const group = /^(begin|end)[ _](group|repeat)$/.exec(lower);
  if (group) return group[1] === 'begin' ? { begin: group[2] as 'group' } : { end: group[2] as 'group' };
  const select =
    /^(select_one|select one|select_multiple|select multiple|select all that apply)\s+(\S+)(\s+or_other)?$/i.exec(text);
  if (select) {
    const kind = select[1]!.toLowerCase();
    return {
      type: kind === 'select_one' || kind === 'select one' ? 'select_one' : 'select_multiple',
      listName: select[2]!,
      ...(select[3] ? { orOther: true } : {}),
    };
  }
  const head = lower.split(' ')[0]!;
  if (UNSUPPORTED_TYPES.has(head) || UNSUPPORTED_TYPES.has(text.split(' ')[0]!)) return { unsupported: head };
  if (/^(select_one|select_multiple)$/.test(lower)) return { unknown: `${lower} without its list name` };
  const type = TYPE_ALIASES[lower];
  return type ? { type } : { unknown: text };
}

/** Expression columns, with the question column they belong to in messages. */
const EXPRESSION_COLUMNS = ['relevant', 'constraint', 'calculation', 'choice_filter', 'repeat_count'] as const;

export interface ReadFormOptions {
  fileName: string;
  bytes: Uint8Array;
  /** The version when the settings give none (`YYYYMMDDHHmm`, UTC); now by default. */
  importedAt?: Date;
}

const timestampVersion = (at: Date) => at.toISOString().slice(0, 16).replace(/[-T:]/g, '');

const sheetNamed = (sheets: Sheet[], name: string) => sheets.find((s) => s.name.trim().toLowerCase() === name);

/** Reads an XLSForm workbook; throws AppError('validation_failed') listing every problem, each naming its row. */
export async function readXlsForm(options: ReadFormOptions): Promise<FormDefinition> {
  const sheets = await readWorkbook(options.fileName, options.bytes);
  const problems = new Problems();
  const survey = sheetNamed(sheets, 'survey');
  if (!survey || survey.rows.length === 0) {
    throw refuse([
      { field: 'survey', code: 'missing_sheet', message: 'the workbook has no survey sheet (or it is empty)' },
    ]);
  }
  const surveyColumns = readColumns(survey.rows[0]!.cells);
  for (const needed of ['type', 'name']) {
    if (!surveyColumns.some((c) => c.key === needed)) {
      problems.add('survey', 1, needed, 'missing_column', `the survey sheet has no ${needed} column`);
    }
  }
  if (problems.list.length > 0) throw refuse(problems.list);

  const languages: string[] = [];
  const noteLanguages = (columns: Column[]) => {
    for (const c of columns) if (c.language && !languages.includes(c.language)) languages.push(c.language);
  };
  noteLanguages(surveyColumns);

  // Choices.
  const choices: Record<string, Choice[]> = {};
  const choicesSheet = sheetNamed(sheets, 'choices');
  if (choicesSheet && choicesSheet.rows.length > 0) {
    const columns = readColumns(choicesSheet.rows[0]!.cells);
    noteLanguages(columns);
    if (!columns.some((c) => c.key === 'list_name')) {
      problems.add('choices', 1, 'list_name', 'missing_column', 'the choices sheet has no list_name column');
    }
    for (const row of readRows(choicesSheet, columns)) {
      const list = row.cells.list_name;
      const name = row.cells.name;
      if (!list) {
        problems.add(
          'choices',
          row.line,
          'list_name',
          'missing_list_name',
          'the choice names no list (list_name is empty)',
        );
        continue;
      }
      if (!name) {
        problems.add('choices', row.line, `${list}, name`, 'missing_name', `a choice of list ${list} has no name`);
        continue;
      }
      choices[list] ??= [];
      const existing = choices[list];
      if (existing.some((c) => c.name === name)) {
        problems.add(
          'choices',
          row.line,
          `${list}, ${name}`,
          'duplicate_choice',
          `list ${list} has the choice ${name} twice`,
        );
        continue;
      }
      const filters: Record<string, string> = {};
      for (const [key, value] of Object.entries(row.cells))
        if (key !== 'list_name' && key !== 'name') filters[key] = value;
      existing.push({
        name,
        label: row.texts.label ?? { default: name },
        ...(Object.keys(filters).length > 0 ? { filters } : {}),
      });
    }
  }

  // Settings.
  const settings: Record<string, string> = {};
  const settingsSheet = sheetNamed(sheets, 'settings');
  if (settingsSheet && settingsSheet.rows.length > 1) {
    const columns = readColumns(settingsSheet.rows[0]!.cells);
    const [row] = readRows(settingsSheet, columns);
    if (row) Object.assign(settings, row.cells);
  }

  // Survey rows into the tree.
  const root: FormNode[] = [];
  const stack: { group: Group; line: number }[] = [];
  const names = new Map<string, number>();
  const questions: { node: FormNode; line: number; row: Row }[] = [];
  const where = (row: Row) => (row.cells.name ? `${row.cells.name}` : 'type');

  for (const row of readRows(survey, surveyColumns)) {
    const rawType = row.cells.type;
    const name = row.cells.name;
    if (!rawType) {
      problems.add(
        'survey',
        row.line,
        name ?? 'type',
        'missing_type',
        `${name ? `question ${name}` : 'the row'} has no type`,
      );
      continue;
    }
    const parsed = parseType(rawType);
    if ('unsupported' in parsed) {
      problems.add(
        'survey',
        row.line,
        where(row),
        'unsupported_type',
        `type ${parsed.unsupported} is not supported (Homeward's forms take text, integer, decimal, date, select_one, select_multiple, note, calculate, geopoint and image)`,
      );
      continue;
    }
    if ('unknown' in parsed) {
      problems.add('survey', row.line, where(row), 'unknown_type', `unknown type '${parsed.unknown}'`);
      continue;
    }
    const children = stack.length > 0 ? stack[stack.length - 1]!.group.children : root;
    if (parsed.end) {
      const open = stack.pop();
      if (!open) {
        problems.add('survey', row.line, 'type', 'unmatched_end', `end ${parsed.end} with no begin ${parsed.end} open`);
      } else if (open.group.kind !== parsed.end) {
        problems.add(
          'survey',
          row.line,
          'type',
          'unmatched_end',
          `end ${parsed.end} closes the ${open.group.kind} ${open.group.name} begun at row ${open.line}`,
        );
      }
      continue;
    }
    if (!name) {
      problems.add('survey', row.line, 'name', 'missing_name', `a ${parsed.begin ?? parsed.type} row has no name`);
      continue;
    }
    if (!NAME.test(name)) {
      problems.add(
        'survey',
        row.line,
        name,
        'bad_name',
        'a name starts with a letter or _ and holds only letters, digits, _, - and .',
      );
      continue;
    }
    const earlier = names.get(name);
    if (earlier !== undefined) {
      problems.add('survey', row.line, name, 'duplicate_name', `the name ${name} is already used at row ${earlier}`);
      continue;
    }
    names.set(name, row.line);
    const text = (key: string) => row.texts[key];
    if (parsed.begin) {
      const group: Group = {
        kind: parsed.begin,
        name,
        label: text('label') ?? {},
        ...(row.cells.relevant ? { relevant: row.cells.relevant } : {}),
        ...(row.cells.appearance ? { appearance: row.cells.appearance } : {}),
        ...(row.cells.repeat_count ? { repeatCount: row.cells.repeat_count } : {}),
        children: [],
        row: row.line,
      };
      children.push(group);
      stack.push({ group, line: row.line });
      questions.push({ node: group, line: row.line, row });
      continue;
    }
    const type = parsed.type!;
    const required = row.cells.required;
    const question: Question = {
      kind: 'question',
      name,
      type,
      ...(parsed.listName ? { listName: parsed.listName } : {}),
      ...(parsed.orOther ? { orOther: true } : {}),
      label: text('label') ?? {},
      ...(text('hint') ? { hint: text('hint') } : {}),
      ...(required && !FALSE.test(required) ? { required: TRUE.test(required) ? true : required } : {}),
      ...(text('required_message') ? { requiredMessage: text('required_message') } : {}),
      ...(row.cells.relevant ? { relevant: row.cells.relevant } : {}),
      ...(row.cells.constraint ? { constraint: row.cells.constraint } : {}),
      ...(text('constraint_message') ? { constraintMessage: text('constraint_message') } : {}),
      ...(row.cells.default ? { default: row.cells.default } : {}),
      ...(row.cells.calculation ? { calculation: row.cells.calculation } : {}),
      ...(row.cells.choice_filter ? { choiceFilter: row.cells.choice_filter } : {}),
      ...(row.cells.appearance ? { appearance: row.cells.appearance } : {}),
      ...(row.cells.read_only && TRUE.test(row.cells.read_only) ? { readOnly: true } : {}),
      row: row.line,
    };
    if (type === 'calculate' && !question.calculation) {
      problems.add('survey', row.line, name, 'missing_calculation', `calculate ${name} has no calculation`);
    }
    if (question.listName && !choices[question.listName]) {
      problems.add(
        'survey',
        row.line,
        name,
        'missing_list',
        `${type} ${name} names the choice list ${question.listName}, which the choices sheet does not have`,
      );
    }
    if (row.cells.repeat_count) {
      problems.add('survey', row.line, name, 'misplaced_column', 'repeat_count belongs on a begin repeat row');
    }
    children.push(question);
    questions.push({ node: question, line: row.line, row });
  }
  for (const open of stack) {
    problems.add(
      'survey',
      open.line,
      open.group.name,
      'unclosed_group',
      `begin ${open.group.kind} ${open.group.name} has no end ${open.group.kind}`,
    );
  }

  // An or_other question's text goes in `<name>_other`: that name must be free.
  for (const { node, line } of questions) {
    if (node.kind === 'question' && node.orOther && names.has(`${node.name}_other`)) {
      problems.add(
        'survey',
        line,
        node.name,
        'duplicate_name',
        `${node.name} is or_other, so ${node.name}_other is taken`,
      );
    }
  }

  // Expressions: each must read, and name only questions of the form.
  for (const { node, line, row } of questions) {
    const columns: [string, string | undefined][] = EXPRESSION_COLUMNS.map((column) => [column, row.cells[column]]);
    if (node.kind === 'question' && typeof node.required === 'string') columns.push(['required', node.required]);
    if (node.kind === 'question' && node.default && /\$\{|\(/.test(node.default))
      columns.push(['default', node.default]);
    for (const [column, text] of columns) {
      if (!text) continue;
      if (column === 'repeat_count' && /^\d+$/.test(text.trim())) continue;
      try {
        const expr = compiled(text, { choiceColumns: column === 'choice_filter' });
        for (const ref of referencesOf(expr)) {
          if (!names.has(ref)) {
            problems.add(
              'survey',
              line,
              `${node.name}, ${column}`,
              'unknown_reference',
              `\${${ref}} names no question of the form`,
            );
          }
        }
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        problems.add(
          'survey',
          line,
          `${node.name}, ${column}`,
          'broken_expression',
          `${column} cannot be read: ${error.message}`,
        );
      }
    }
  }

  if (problems.list.length > 0) throw refuse(problems.list);

  if (languages.length === 0) languages.push('default');
  const defaultLanguage = settings.default_language ? languageCode(settings.default_language) : languages[0]!;
  if (!languages.includes(defaultLanguage)) languages.unshift(defaultLanguage);
  const formId = settings.form_id ?? options.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const title = settings.form_title ?? formId;
  return {
    formId,
    version: settings.version ?? timestampVersion(options.importedAt ?? new Date()),
    title: { [defaultLanguage]: title },
    defaultLanguage,
    languages,
    children: root,
    choices,
  };
}

/** Every question of a form, groups walked in order (the metadata rows included). */
export function questionsOf(nodes: readonly FormNode[]): Question[] {
  return nodes.flatMap((node) => (node.kind === 'question' ? [node] : questionsOf(node.children)));
}

export const isMetadata = (question: Question): boolean =>
  (METADATA_TYPES as readonly string[]).includes(question.type);
