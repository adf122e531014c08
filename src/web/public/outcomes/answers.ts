/**
 * What the server's follow-up form (src/server/outcomes/link-page.ts) answers on its own page, `/follow-up`, under
 * the form's id in the page's state. The household's code travels in the form's body and its hidden field only,
 * never in an address; the page shows no name and nothing about the household beyond the questions.
 */
export const FOLLOW_UP_FORM = 'outcome-follow-up';
export const FOLLOW_UP_PAGE = '/follow-up';

/** Which of the page's buttons was pressed: open the form with the code, go on, go back. */
export const FOLLOW_UP_ACTIONS = ['open', 'next', 'back'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** The languages the household may answer in (the instrument's labels): English, Arabic, French. */
export const FOLLOW_UP_LANGUAGES = ['en', 'ar', 'fr'] as const;
export type FollowUpLanguage = (typeof FOLLOW_UP_LANGUAGES)[number];

/** A field's error: a catalogue key of the page, or the form's own message already in the chosen language. */
export type FieldProblem = { key: string } | { text: string };

/** One field of a page, its label and choices already in the chosen language. */
export interface LinkField {
  /** The posted name: `q.<question>`, `q.<question>.<choice>` for a checkbox, `q.<repeat>[n]/<question>`. */
  name: string;
  kind: 'text' | 'integer' | 'decimal' | 'date' | 'select_one' | 'select_multiple' | 'note';
  label: string;
  hint: string | null;
  required: boolean;
  choices: { value: string; label: string }[];
  /** What was answered: text, or the chosen values. */
  value: string | string[];
  problem: FieldProblem | null;
  /** The repeat instance it belongs to (1, 2…), shown as "Person 2". */
  instance: number | null;
}

export interface LinkFormPage {
  title: string;
  language: FollowUpLanguage;
  /** This page's index among the form's pages, and how many pages the form may have. */
  index: number;
  count: number;
  heading: string;
  fields: LinkField[];
  /** The answers so far (JSON), carried in a hidden field to the next page. */
  carried: string;
  /** The code as typed, carried in a hidden field (never in an address) so that each page is answered with it. */
  code: string;
  /** New questions appeared on this page because of its answers: answer them before going on. */
  more: boolean;
}

export type FollowUpPageAnswer =
  | { page: LinkFormPage }
  | { done: true }
  | { retryAfterSeconds: number }
  /** The code is wrong, expired or used: the same for each, on purpose. */
  | { notRecognised: true }
  | { refused: 'unreadable' };
