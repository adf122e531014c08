import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';

/** Texts for the returnee-cases module's `code.reason` problems, in every language. */
export const caseProblems: ProblemTexts = {
  en: {},
  fr: {},
  ar: {},
};

registerProblems(caseProblems);
