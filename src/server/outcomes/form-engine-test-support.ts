import type { Answers, FormDefinition, FormNode } from '../../shared/outcomes/form.ts';
import type { AnswerProblem, CheckedAnswers } from '../../shared/outcomes/form-engine.ts';

/**
 * A stand-in for the form engine's `checkAnswers` in tests of the follow-ups and the household's link, so that
 * they show what the engine's verdict does (a question not relevant, a broken constraint, a required answer
 * missing) without depending on the engine itself. It reads only the expressions TEST_FORM uses:
 * `${a} = 'v'`, `${a} > n`, `. >= n and . <= m` and `. <= ${a}`.
 */
function evaluate(expression: string, answers: Answers, self?: unknown): boolean {
  const value = (name: string) => answers[name];
  return expression.split(/\s+and\s+/).every((part) => {
    const match = /^(\$\{(\w+)\}|\.)\s*(=|>=|<=|>|<)\s*(?:'([^']*)'|(-?\d+)|\$\{(\w+)\})$/.exec(part.trim());
    if (!match) throw new Error(`expression not read by the test engine: ${part}`);
    const left = match[2] ? value(match[2]) : self;
    const right = match[4] ?? (match[5] !== undefined ? Number(match[5]) : value(match[6]!));
    if (left === undefined || left === null || left === '') return false;
    switch (match[3]) {
      case '=':
        return left === right;
      case '>':
        return Number(left) > Number(right);
      case '<':
        return Number(left) < Number(right);
      case '>=':
        return Number(left) >= Number(right);
      default:
        return Number(left) <= Number(right);
    }
  });
}

export function testCheckAnswers(form: FormDefinition, given: Answers): CheckedAnswers {
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  const walk = (nodes: FormNode[], relevant: boolean) => {
    for (const node of nodes) {
      const here = relevant && (!node.relevant || evaluate(node.relevant, { ...given }));
      if (node.kind !== 'question') {
        walk(node.children, here);
        continue;
      }
      const value = given[node.name];
      const answered = value !== undefined && value !== null && value !== '';
      if (!here) {
        if (answered) problems.push({ field: node.name, code: 'not_relevant', message: 'not relevant' });
        continue;
      }
      if (!answered) {
        if (node.required === true) problems.push({ field: node.name, code: 'required', message: 'required' });
        continue;
      }
      if (node.type === 'integer' && !Number.isInteger(value)) {
        problems.push({ field: node.name, code: 'wrong_type', message: 'must be a whole number' });
        continue;
      }
      if (node.type === 'select_one' && !form.choices[node.listName!]?.some((c) => c.name === value)) {
        problems.push({ field: node.name, code: 'unknown_choice', message: 'not a choice' });
        continue;
      }
      if (node.constraint && !evaluate(node.constraint, given, value)) {
        problems.push({ field: node.name, code: 'constraint', message: node.constraintMessage?.en ?? 'constraint' });
        continue;
      }
      answers[node.name] = value as Answers[string];
    }
  };
  walk(form.children, true);
  for (const name of Object.keys(given)) {
    if (!JSON.stringify(form.children).includes(`"name":"${name}"`)) {
      problems.push({ field: name, code: 'unknown_field', message: 'not in the form' });
    }
  }
  return { answers, problems };
}
