import type { TFunction } from 'i18next';
import { fieldProblem } from '../components/problems.ts';
import { PASSWORD_MIN_LENGTH } from '../sign-in/rules.ts';

/** Field codes the administration APIs give beyond the schema checks, each with a sentence in every language. */
const SERVER_CODES = {
  in_past: 'administration.serverCheck.in_past',
  same_organisation: 'administration.serverCheck.same_organisation',
  unknown_organisation: 'administration.serverCheck.unknown_organisation',
  inactive_organisation: 'administration.serverCheck.inactive_organisation',
  after_to: 'administration.serverCheck.after_to',
};

/** The message for one field: first what the person must fix before sending, then what the server said. */
export function problemFor(t: TFunction, check: string | undefined, error: unknown, name: string): string | undefined {
  return fieldProblem(t, error, name, { check, values: { min: PASSWORD_MIN_LENGTH }, codes: SERVER_CODES });
}
