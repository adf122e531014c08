import { z } from 'zod';
import { ELIGIBILITY_RULES } from './constants.ts';

// The vocabulary is the constants' (no schema library there, for the browser); the server imports both from here.
export * from './constants.ts';

/**
 * The returnee-cases API shapes, shared by the server (validation, OpenAPI) and the web application's types.
 * A household registers with its members; each adult (and each unaccompanied child) keeps a voluntariness
 * file; eligibility is a list of rule rows; decisions carry due dates and can be appealed; movements take
 * households along corridors to their zones.
 */

/**
 * One eligibility rule's verdict: passed or not, and why, as a reason code with its parameters (dates,
 * classes, counts; never personal data), so that a screen says it in the reader's language.
 */
export const eligibilityRowSchema = z.object({
  rule: z.enum(ELIGIBILITY_RULES),
  passed: z.boolean(),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  /** The destination rule can never be overridden. */
  overridable: z.boolean(),
});
export type EligibilityRow = z.infer<typeof eligibilityRowSchema>;

export * from './schemas/appeals.ts';
export * from './schemas/choice.ts';
export * from './schemas/movements.ts';
// Each part of the module keeps its shapes in a file of its own.
export * from './schemas/people.ts';
