import { reintegrationTestForm } from '../../src/server/outcomes/response-imports-test-support.ts';
import type { Answers, FormDefinition, FormNode } from '../../src/shared/outcomes/form.ts';

/**
 * The benchmark's instrument and answers: the default instrument's questions (about forty, with its repeat)
 * and a group of forty more (`extra/bench_q01`…), so that each answer set holds about eighty answers, as a
 * longer household survey does. The answers are the same on every run (a hash of the row's number).
 */
export const EXTRA_QUESTIONS = 40;
const FREQUENCY = ['never', 'sometimes', 'mostly', 'always'];

export function benchForm(): FormDefinition {
  const form = reintegrationTestForm();
  const extra: FormNode[] = Array.from({ length: EXTRA_QUESTIONS }, (_, i) => {
    const name = `bench_q${String(i + 1).padStart(2, '0')}`;
    return i % 2 === 0
      ? { kind: 'question', name, type: 'select_one', listName: 'frequency', label: { en: name }, row: 200 + i }
      : { kind: 'question', name, type: 'integer', label: { en: name }, row: 200 + i };
  });
  form.children.push({ kind: 'group', name: 'extra', label: { en: 'More' }, children: extra, row: 199 });
  form.formId = 'homeward_bench';
  return form;
}

/** Group path of every question, for the export's headers. */
export function headersOf(form: FormDefinition): { header: string; name: string }[] {
  const out: { header: string; name: string }[] = [];
  const walk = (nodes: readonly FormNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'question') out.push({ header: [...path, node.name].join('/'), name: node.name });
      else if (node.kind === 'group') walk(node.children, [...path, node.name]);
    }
  };
  walk(form.children, []);
  return out;
}

const hash = (n: number) => Math.imul(n + 1, 2654435761) >>> 8;
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

/** The answers of resident household `i` in a round, as stored (numbers typed, select_multiple as lists). */
export function answersOf(i: number, round: number): Answers {
  const n = hash(i * 16 + round);
  const separated = n % 3;
  const answers: Answers = {
    zone: pick(['QM0101', 'QM0102', 'QM0201'], i),
    consent_interview: 'yes',
    head_sex: pick(['female', 'male'], n),
    head_age: 18 + (n % 70),
    head_disability: pick(['no', 'no', 'no', 'yes'], n >> 2),
    household_size: 1 + (n % 9),
    income_source: pick(
      ['regular_job', 'casual_work', 'own_business', 'farming', 'remittances', 'assistance', 'none'],
      n >> 3,
    ),
    income_enough: pick(FREQUENCY, n >> 4),
    debt: pick(['none', 'manageable', 'unmanageable'], n >> 5),
    food_days_reduced: n % 8,
    productive_assets: pick(['yes', 'no'], n >> 6),
    food_insecure: String(n % 8 >= 3 ? 1 : 0),
    housing: pick(['own', 'rented', 'hosted', 'damaged', 'shelter', 'none'], n >> 7),
    documents: pick(['all', 'some', 'none'], n >> 8),
    health_access: pick(['yes', 'no', 'not_needed'], n >> 9),
    school_age_children: n % 4,
    ...(n % 4 > 0 ? { children_out_of_school: (n >> 10) % (n % 4) } : {}),
    participation: pick(FREQUENCY, n >> 11),
    feels_safe: pick(FREQUENCY, n >> 12),
    discrimination: pick(['yes', 'no'], n >> 13),
    distress: pick(['none', 'mild', 'moderate', 'severe'], n >> 14),
    belonging: pick(FREQUENCY, n >> 15),
    migrate_again: pick(['no', 'maybe', 'yes_planning'], n >> 16),
    support_network: pick(['yes', 'no'], n >> 17),
    members_separated: separated,
    member_missing: pick(['no', 'no', 'yes'], n >> 18),
    ...(separated > 0 ? { reunification_wish: pick(['yes', 'no'], n >> 19) } : {}),
    services_used: ['health', 'school', 'water', 'electricity'].filter((_, k) => (n >> (20 + k)) & 1),
    water_access: pick(['yes', 'no'], n >> 21),
    electricity_access: pick(['yes', 'no'], n >> 22),
    service_barriers: (n >> 23) & 1 ? ['cost', 'distance'] : ['none'],
    interviewer_notes: `Visit ${round}; household met at home, answers given by the head (${i % 997}).`,
  };
  for (let q = 0; q < EXTRA_QUESTIONS; q++) {
    const name = `bench_q${String(q + 1).padStart(2, '0')}`;
    answers[name] = q % 2 === 0 ? pick(FREQUENCY, hash(n + q)) : hash(n + q) % 50;
  }
  return answers;
}

/** The submission id of household `i`'s answers in a round (a UUID, as Kobo writes `_uuid`). */
export function submissionIdOf(i: number, round: number): string {
  const hex = (i * 16 + round).toString(16).padStart(12, '0');
  return `5e1d0c2a-0000-4000-8000-${hex}`;
}
