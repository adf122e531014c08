import type { TFunction } from 'i18next';
import { isApiError } from '../../api/problem.ts';
import { fieldProblem } from '../components/problems.ts';

/** Schema codes that, on a number, mean outside the range allowed (on text they mean too short or too long). */
const RANGE_CODES = new Set(['too_small', 'too_big']);

/** Field codes the zones APIs give beyond the schema checks, each with a sentence in every language. */
const SERVER_CODES: Record<string, string> = {
  range: 'zones.check.outsideRange',
  out_of_range: 'zones.check.outsideRange',
  number: 'zones.check.number',
  not_yes_no: 'zones.check.yesNo',
  contradicts_direction: 'zones.serverCheck.contradictsDirection',
  duplicate_code: 'zones.check.duplicateCode',
  duplicate_observation: 'zones.observe.duplicate',
  duplicate: 'zones.observe.duplicate',
  required: 'zones.check.required',
};
/** `unknown` names a zone or an indicator the server does not have. */
const UNKNOWN: Record<string, string> = {
  pcode: 'zones.serverCheck.unknownZone',
  indicator: 'zones.serverCheck.unknownIndicator',
};

/**
 * The message for one field: first what the person must fix before sending (`check`, a catalogue key), then
 * what the server said about the field, in the person's language where the code is known. A number the
 * schema finds too small or too big is "outside the range", not "too short" as for text.
 */
export function problemFor(
  t: TFunction,
  check: string | undefined,
  error: unknown,
  name: string,
  options: { numeric?: boolean; values?: Record<string, unknown> } = {},
): string | undefined {
  const codes: Record<string, string> = { ...SERVER_CODES };
  if (options.numeric) for (const code of RANGE_CODES) codes[code] = 'zones.check.outsideRange';
  const unknown = UNKNOWN[name];
  if (unknown) codes.unknown = unknown;
  return fieldProblem(t, error, name, { check, values: options.values, codes });
}

/** Whether the server refused the request because it conflicts with what is recorded (409). */
export const isConflict = (error: unknown) => isApiError(error) && error.code === 'conflict';

/** Whether the server named no field, so a conflict has to be placed by the screen. */
export const hasNoFieldErrors = (error: unknown) => isApiError(error) && error.fieldErrors.length === 0;
