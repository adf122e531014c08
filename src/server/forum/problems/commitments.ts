import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's commitments, in every language. */
export const commitmentsProblems: ProblemTexts = { en: {}, fr: {}, ar: {} };
