import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's consultations, in every language. */
export const consultationsProblems: ProblemTexts = { en: {}, fr: {}, ar: {} };
