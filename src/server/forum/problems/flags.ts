import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's flags, in every language. */
export const flagsProblems: ProblemTexts = { en: {}, fr: {}, ar: {} };
