import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's meetings, in every language. */
export const meetingsProblems: ProblemTexts = { en: {}, fr: {}, ar: {} };
