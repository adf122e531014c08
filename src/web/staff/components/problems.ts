import type { TFunction } from 'i18next';
import { isApiError } from '../../api/problem.ts';
import { fieldError } from '../../components/forms.tsx';

/** A module's own field codes (beyond the schema checks every API shares), each with its catalogue key. */
export type FieldCodes = Readonly<Record<string, string>>;

export interface FieldProblemOptions {
  /** What the person must fix before sending, as a catalogue key; it wins over anything the server said. */
  check?: string | undefined;
  /** Values for the check's message. */
  values?: Record<string, unknown>;
  /** The module's field codes and the sentence for each. */
  codes?: FieldCodes;
}

/**
 * The message under one field: first what the person must fix before sending, then what the server said about
 * the field (the problem+json `errors` entry naming it), in the person's language where its code is known, else
 * the server's own words. Given to a Mantine input as `error`, it marks the input aria-invalid and describes it.
 */
export function fieldProblem(
  t: TFunction,
  error: unknown,
  name: string,
  { check, values, codes = {} }: FieldProblemOptions = {},
): string | undefined {
  if (check) return t(check, values);
  if (!isApiError(error)) return undefined;
  const problem = error.fieldErrors.find((field) => field.name === name);
  if (!problem) return undefined;
  const known = codes[problem.code];
  return known ? t(known) : fieldError(t, error, name);
}

/** After a refused submission, focus goes to the first field at fault (on a long form it may be far off screen). */
export function focusFirstProblem(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
