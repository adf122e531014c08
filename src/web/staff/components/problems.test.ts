import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemFromResponse } from '../../api/problem.ts';
import { fieldProblem } from './problems.ts';

/** A catalogue that shows which message was chosen, and with which values. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

/** A refusal as the API sends it: problem+json with one entry per field at fault. */
function refusal(errors: { field: string; code: string; message: string }[]) {
  const body = { type: 'about:blank', title: 'Bad request', status: 400, code: 'validation', errors };
  return problemFromResponse(
    new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/problem+json' } }),
  );
}

describe('the message under a field', () => {
  it("puts the screen's own check first, with its values", async () => {
    const error = await refusal([{ field: 'body.email', code: 'too_small', message: 'Too small' }]);
    expect(fieldProblem(t, error, 'email', { check: 'signIn.email.invalid', values: { min: 3 } })).toBe(
      'signIn.email.invalid {"min":3}',
    );
  });

  it("says a module's own field code in the reader's language, and a schema code in the shared words", async () => {
    const error = await refusal([
      { field: 'body.validTo', code: 'in_past', message: 'The end date is in the past' },
      { field: 'body.name', code: 'too_small', message: 'Too small' },
    ]);
    const codes = { in_past: 'administration.serverCheck.in_past' };
    expect(fieldProblem(t, error, 'validTo', { codes })).toBe('administration.serverCheck.in_past');
    expect(fieldProblem(t, error, 'name', { codes })).toBe('errors.field.too_small');
  });

  it("falls back to the server's words for a code no catalogue names, and says nothing about other fields", async () => {
    const error = await refusal([{ field: 'body.email', code: 'taken', message: 'Cette adresse est déjà utilisée.' }]);
    expect(fieldProblem(t, error, 'email')).toBe('Cette adresse est déjà utilisée.');
    expect(fieldProblem(t, error, 'password')).toBeUndefined();
    expect(fieldProblem(t, new Error('offline'), 'email')).toBeUndefined();
  });
});
