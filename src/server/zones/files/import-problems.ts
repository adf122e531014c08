import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { MAX_REPORTED_PROBLEMS } from '../observation-writer.ts';

/**
 * The problems of one import file, each named `line N, field` (or `features[N].field` for GeoJSON), so that a
 * person can find and fix every one of them before importing the file again. The file is refused whole when
 * there is any.
 */

/** The line a problem names (0 for the file as a whole), to list problems in file order. */
const lineOf = (field: string): number => Number(/^(?:line |features\[)(\d+)/.exec(field)?.[1] ?? 0);

export class ImportProblems {
  private readonly items: FieldError[] = [];

  get size(): number {
    return this.items.length;
  }

  get full(): boolean {
    return this.items.length >= MAX_REPORTED_PROBLEMS;
  }

  /** A problem with one cell: `line 17, value`. */
  at(line: number, field: string, code: string, message: string): void {
    this.items.push({ field: `line ${line}, ${field}`, code, message });
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
  const ordered = errors
    .map((error, order) => ({ error, order, line: lineOf(error.field) }))
    .sort((a, b) => a.line - b.line || a.order - b.order)
    .map(({ error }) => error);
  const listed = ordered.slice(0, MAX_REPORTED_PROBLEMS);
  const truncated =
    ordered.length > listed.length || (options.mayHaveMore === true && listed.length >= MAX_REPORTED_PROBLEMS);
  return new AppError('validation_failed', {
    errors: listed,
    params: { problems: ordered.length, truncated: truncated ? 1 : 0 },
  });
}
