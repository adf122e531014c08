import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';
import { commitmentsProblems } from './problems/commitments.ts';
import { consultationsProblems } from './problems/consultations.ts';
import { flagsProblems } from './problems/flags.ts';
import { meetingsProblems } from './problems/meetings.ts';
import { timelineProblems } from './problems/timeline.ts';

/** Texts for the forum's `code.reason` problems, in every language; each part keeps its own file in problems/. */
const PARTS: ProblemTexts[] = [
  meetingsProblems,
  commitmentsProblems,
  consultationsProblems,
  flagsProblems,
  timelineProblems,
];

export const forumProblems: ProblemTexts = {
  en: Object.assign({}, ...PARTS.map((part) => part.en)),
  fr: Object.assign({}, ...PARTS.map((part) => part.fr)),
  ar: Object.assign({}, ...PARTS.map((part) => part.ar)),
};

registerProblems(forumProblems);
