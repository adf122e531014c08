import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem.ts';

/** Zod issue codes the server reports on fields, with a sentence in every language. Others show the server's text. */
const FIELD_CODES = new Set(['invalid_format', 'invalid_type', 'too_small', 'too_big', 'invalid_value']);

/**
 * The message to show under one field for a failed request: Mantine inputs given it as `error` are marked
 * aria-invalid and described by it (aria-describedby), so screen readers read it with the field.
 */
export function fieldError(t: TFunction, error: unknown, name: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const problem = error.fieldErrors.find((field) => field.name === name);
  if (!problem) return undefined;
  return FIELD_CODES.has(problem.code) ? t(`errors.field.${problem.code}`) : problem.message;
}

/** A sentence for any failure: the server's translated detail, or ours when the server said nothing we can show. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'network') return t('errors.network');
    if (error.detail) return error.detail;
    if (error.code === 'unavailable') return t('errors.unavailable');
  }
  return t('errors.unexpected');
}

/**
 * The form-level message after a failed submission: announced at once (role="alert"), with a title in words
 * (not only a red colour) and, for server faults, the reference to quote.
 */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const reference = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Text size="sm">{errorMessage(t, error)}</Text>
      {reference ? (
        <Text size="sm" mt={4}>
          {t('errors.reference', { reference })}
        </Text>
      ) : null}
    </Alert>
  );
}
