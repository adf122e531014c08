import type { ProblemTexts } from '../../platform/i18n/problems.ts';

/** Texts of the `code.reason` problems of the gateway's sms part, in every language. */
export const smsProblems: ProblemTexts = {
  en: {},
  fr: {},
  ar: {},
};
