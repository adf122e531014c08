import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { MAX_REPORTED_PROBLEMS } from '../observation-writer.ts';

/**
 * The problems of one import file, each named `line N, field` (or `features[N].field` for GeoJSON), so that a
 * person can find and fix every one of them before importing the file again. The file is refused whole when
 * there is any.
 */

/** The line a problem names (0 for the file as a whole), to list problems in file order. */
const lineOf = (field: string): number => Number(/(?:^|, )(?:line |features\[)(\d+)/.exec(field)?.[1] ?? 0);
/** The workbook sheet a problem names, if any: `sheet ADM2, line 4, admin2pcode`. */
const sheetOf = (field: string): string => /^sheet (.+?), line \d+/.exec(field)?.[1] ?? '';

/**
 * Where a row is: its line (a CSV line or a spreadsheet row), or `sheet ADM2, line 4` in a workbook whose
 * several sheets are read.
 */
export type Place = number | string;

export const placeText = (place: Place): string => (typeof place === 'number' ? `line ${place}` : place);

export class ImportProblems {
  private readonly items: FieldError[] = [];

  get size(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= MAX_REPORTED_PROBLEMS;
  }

  /** A problem with one cell: `line 17, value` (or `sheet ADM1, line 17, value`). */
  at(place: Place, field: string, code: string, message: string): void {
    this.items.push({ field: `${placeText(place)}, ${field}`, code, message });
  }

  /** A problem already named (a GeoJSON path, or the ObservationWriter's own). */
  add(field: string, code: string, message: string): void {
    this.items.push({ field, code, message });
  }

  addAll(errors: readonly FieldError[]): void {
    this.items.push(...errors);
  }

  /** Throws every problem (the first MAX_REPORTED_PROBLEMS, in file order) when there is any. */
  throwIfAny(options: { mayHaveMore?: boolean } = {}): void {
    if (this.items.length > 0) throw refuseFile(this.items, options);
  }
}

/**
 * The refusal of a whole file: AppError('validation_failed') with the problems in file order, at most
 * MAX_REPORTED_PROBLEMS of them. `params.problems` says how many there are, and `params.truncated` is 1 when
 * the list stops short (the command line says so).
 */
export function refuseFile(errors: readonly FieldError[], options: { mayHaveMore?: boolean } = {}): AppError {
  const sheets: string[] = [];
  for (const error of errors) if (!sheets.includes(sheetOf(error.field))) sheets.push(sheetOf(error.field));
  const ordered = errors
    .map((error, order) => ({ error, order, sheet: sheets.indexOf(sheetOf(error.field)), line: lineOf(error.field) }))
    .sort((a, b) => a.sheet - b.sheet || a.line - b.line || a.order - b.order)
    .map(({ error }) => error);
  const listed = ordered.slice(0, MAX_REPORTED_PROBLEMS);
  const truncated =
    ordered.length > listed.length || (options.mayHaveMore === true && listed.length >= MAX_REPORTED_PROBLEMS);
  return new AppError('validation_failed', {
    errors: listed,
    params: { problems: ordered.length, truncated: truncated ? 1 : 0 },
  });
}

/**
 * What an import noticed but did not refuse, gathered by kind so that one cause gives one warning however many
 * rows show it: `2 312 units have P-codes that do not start with their parent's (KG02001000000 under …)`.
 */
export class ImportWarnings {
  private readonly kinds = new Map<
    string,
    { count: number; examples: string[]; describe: (count: number, examples: string) => string }
  >();

  /** Notes one more case of `kind`; `describe` words the warning from the count and the first examples. */
  add(kind: string, example: string, describe: (count: number, examples: string) => string): void {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { count: 0, examples: [], describe };
      this.kinds.set(kind, entry);
    }
    entry.count++;
    if (entry.examples.length < 3) entry.examples.push(example);
  }

  get size(): number {
    return this.kinds.size;
  }

  list(): string[] {
    return [...this.kinds.values()].map(({ count, examples, describe }) =>
      describe(count, count > examples.length ? `${examples.join(', ')}…` : examples.join(', ')),
    );
  }
}
