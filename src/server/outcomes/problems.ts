import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';
import { alertProblems } from './problems/alerts.ts';
import { followUpProblems } from './problems/follow-ups.ts';
import { importsProblems } from './problems/imports.ts';
import { instrumentsProblems } from './problems/instruments.ts';
import { zoneFeedProblems } from './problems/zone-feed.ts';

/**
 * Texts for outcome monitoring's `code.reason` problems, in every language. Each part (instruments, responses,
 * follow-ups, alerts and referrals) keeps its own file in problems/ and is listed here.
 */
const PARTS: ProblemTexts[] = [
  instrumentsProblems,
  followUpProblems,
  alertProblems, // alerts, referrals and the household timeline
  zoneFeedProblems,
  importsProblems,
];

export const outcomeProblems: ProblemTexts = {
  en: Object.assign({}, ...PARTS.map((part) => part.en)),
  fr: Object.assign({}, ...PARTS.map((part) => part.fr)),
  ar: Object.assign({}, ...PARTS.map((part) => part.ar)),
};

registerProblems(outcomeProblems);
