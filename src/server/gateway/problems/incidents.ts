import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the gateway's incidents part, in every language. */
export const incidentsProblems: ProblemTexts = {
  en: {},
  fr: {},
  ar: {},
};
