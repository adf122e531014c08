import { type ProblemTexts, registerProblems } from '../platform/i18n/problems.ts';
import { inboxProblems } from './problems/inbox.ts';
import { incidentsProblems } from './problems/incidents.ts';
import { smsProblems } from './problems/sms.ts';
import { submissionsProblems } from './problems/submissions.ts';

const PARTS = [submissionsProblems, smsProblems, incidentsProblems, inboxProblems];

/** Texts for the community gateway's `code.reason` problems, in every language: each part keeps its own. */
export const gatewayProblems: ProblemTexts = {
  en: Object.assign({}, ...PARTS.map((part) => part.en)),
  fr: Object.assign({}, ...PARTS.map((part) => part.fr)),
  ar: Object.assign({}, ...PARTS.map((part) => part.ar)),
};

registerProblems(gatewayProblems);
