import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the forum's timeline, in every language. */
export const timelineProblems: ProblemTexts = { en: {}, fr: {}, ar: {} };
