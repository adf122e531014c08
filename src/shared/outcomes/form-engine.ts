import type { Answers, FormDefinition } from './form.ts';

/**
 * PLACEHOLDER until the form engine lands (owned by the instruments work): the signature the rest of the module
 * codes against. `checkAnswers` takes the answers as given (a field's name → its value; a repeat's name → an
 * array of answer sets), works out the calculations and defaults, and returns every problem: a required question
 * unanswered, a constraint broken (with its constraint_message), an answer to a question that is not relevant, a
 * choice not in the list (or filtered out), a value of the wrong type. `field` is the question's name, with the
 * repeat path for questions in repeats (`separated_member[2]/relationship`).
 */
export interface AnswerProblem {
  field: string;
  code: 'required' | 'constraint' | 'not_relevant' | 'unknown_choice' | 'wrong_type' | 'unknown_field' | 'repeat_count';
  message: string;
}

export interface CheckedAnswers {
  /** The answers as stored: typed, calculations filled, non-relevant questions absent. */
  answers: Answers;
  problems: AnswerProblem[];
}

export function checkAnswers(
  _form: FormDefinition,
  answers: Answers,
  _options: { today?: string } = {},
): CheckedAnswers {
  return { answers, problems: [] };
}
