import { z } from 'zod';
import { POPULATIONS } from '../constants.ts';

/**
 * Importing an answers file (a KoboToolbox or ODK Central export) through the API: the file travels as base64 in
 * JSON, so that the web screen and scripts send it alike; the answer counts what was stored.
 */
export const ImportResponsesRequest = z.strictObject({
  /** The instrument's form id (`homeward_reintegration`); its latest version unless `version` names one. */
  formId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a form id'),
  version: z.string().min(1).max(200).optional(),
  /** The file's name as the person chose it, for messages only (the format is read from the bytes). */
  fileName: z.string().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
  population: z.enum(POPULATIONS).default('returnee'),
  /** Returnees: the follow-up round (else the one due nearest each answer's day); residents: required. */
  round: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]).optional(),
});
export type ImportResponsesRequest = z.infer<typeof ImportResponsesRequest>;

export const ImportedResponses = z.object({
  instrumentId: z.uuid(),
  formId: z.string(),
  version: z.string(),
  population: z.enum(POPULATIONS),
  /** Rows read. */
  rows: z.number().int().nonnegative(),
  /** Answers stored by this import. */
  created: z.number().int().nonnegative(),
  /** Rows whose submission was already stored: importing a file again changes nothing. */
  unchanged: z.number().int().nonnegative(),
  /** Rows the collection tool marks as rejected (not approved): not imported. */
  skipped: z.number().int().nonnegative(),
  fileHash: z.string(),
});
export type ImportedResponses = z.infer<typeof ImportedResponses>;
