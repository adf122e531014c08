import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';
import { appealsProblems } from './problems/appeals.ts';
import { choiceProblems } from './problems/choice.ts';
import { movementsProblems } from './problems/movements.ts';
import { peopleProblems } from './problems/people.ts';

const PARTS = [peopleProblems, choiceProblems, appealsProblems, movementsProblems];

/** Texts for the returnee-cases module's `code.reason` problems, in every language: each part keeps its own. */
export const caseProblems: ProblemTexts = {
  en: Object.assign({}, ...PARTS.map((part) => part.en)),
  fr: Object.assign({}, ...PARTS.map((part) => part.fr)),
  ar: Object.assign({}, ...PARTS.map((part) => part.ar)),
};

registerProblems(caseProblems);
