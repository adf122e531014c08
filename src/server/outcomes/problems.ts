import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';
import { importsProblems } from './problems/imports.ts';

/**
 * Texts for outcome monitoring's `code.reason` problems, in every language. Each part (instruments, responses,
 * follow-ups, alerts and referrals) keeps its own file in problems/ and is listed here.
 */
const PARTS: ProblemTexts[] = [importsProblems];

export const outcomeProblems: ProblemTexts = {
  en: Object.assign({}, ...PARTS.map((part) => part.en)),
  fr: Object.assign({}, ...PARTS.map((part) => part.fr)),
  ar: Object.assign({}, ...PARTS.map((part) => part.ar)),
};

registerProblems(outcomeProblems);
