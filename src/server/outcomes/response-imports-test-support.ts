import type { Choice, FormDefinition, FormNode, Question, QuestionType } from '../../shared/outcomes/form.ts';
import { caseArrivals, caseFollowUps } from '../cases/tables.ts';
import { insertTestHousehold } from '../cases/test-support.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { outcomeFollowUps, outcomeInstruments } from './tables.ts';

/**
 * The default instrument's questions (`homeward_reintegration`, version 2026.1) as a form tree, for tests of the
 * parts that read answers against it without importing its XLSForm; and the setup of returned households with
 * their follow-up rounds.
 */
let row = 1;
const q = (name: string, type: QuestionType, listName?: string, extra: Partial<Question> = {}): Question => ({
  kind: 'question',
  name,
  type,
  ...(listName ? { listName } : {}),
  label: { en: name.replace(/_/g, ' ') },
  row: ++row,
  ...extra,
});
const group = (name: string, children: FormNode[], kind: 'group' | 'repeat' = 'group'): FormNode => ({
  kind,
  name,
  label: { en: name },
  children,
  row: ++row,
});
const list = (...names: string[]): Choice[] => names.map((name) => ({ name, label: { en: name } }));

export function reintegrationTestForm(): FormDefinition {
  return {
    formId: 'homeward_reintegration',
    version: '2026.1',
    title: { en: 'Reintegration follow-up' },
    defaultLanguage: 'en',
    languages: ['en'],
    children: [
      q('case_reference', 'text'),
      q('zone', 'text'),
      q('consent_interview', 'select_one', 'yes_no', {
        label: { en: 'Do you agree to answer?', ar: 'هل توافق على الإجابة؟' },
      }),
      group('household', [
        q('head_sex', 'select_one', 'sex'),
        q('head_age', 'integer'),
        q('head_disability', 'select_one', 'yes_no'),
        q('household_size', 'integer'),
      ]),
      group('economic', [
        q('income_source', 'select_one', 'income_source', { label: { en: 'Main source of income' } }),
        q('income_enough', 'select_one', 'frequency'),
        q('debt', 'select_one', 'debt'),
        q('food_days_reduced', 'integer'),
        q('productive_assets', 'select_one', 'yes_no'),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an XLSForm expression, not a template
        q('food_insecure', 'calculate', undefined, { calculation: 'if(${food_days_reduced} >= 3, 1, 0)' }),
      ]),
      group('social', [
        q('housing', 'select_one', 'housing'),
        q('documents', 'select_one', 'documents'),
        q('health_access', 'select_one', 'yes_no_na'),
        q('school_age_children', 'integer'),
        q('children_out_of_school', 'integer'),
        q('participation', 'select_one', 'frequency'),
        q('feels_safe', 'select_one', 'frequency'),
        q('discrimination', 'select_one', 'yes_no'),
      ]),
      group('psychosocial', [
        q('distress', 'select_one', 'distress'),
        q('belonging', 'select_one', 'frequency'),
        q('migrate_again', 'select_one', 'migrate'),
        q('support_network', 'select_one', 'yes_no'),
      ]),
      group('family', [
        q('members_separated', 'integer'),
        q('member_missing', 'select_one', 'yes_no'),
        q('reunification_wish', 'select_one', 'yes_no'),
        group(
          'separated_member',
          [q('relationship', 'select_one', 'relationship'), q('location_known', 'select_one', 'yes_no')],
          'repeat',
        ),
      ]),
      group('services', [
        q('services_used', 'select_multiple', 'services', { orOther: true }),
        q('water_access', 'select_one', 'yes_no'),
        q('electricity_access', 'select_one', 'yes_no'),
        q('service_barriers', 'select_multiple', 'barriers'),
      ]),
      q('interviewer_notes', 'text'),
    ],
    choices: {
      yes_no: list('yes', 'no'),
      yes_no_na: list('yes', 'no', 'not_needed'),
      sex: list('female', 'male'),
      frequency: list('never', 'sometimes', 'mostly', 'always'),
      income_source: list('regular_job', 'casual_work', 'own_business', 'farming', 'remittances', 'assistance', 'none'),
      debt: list('none', 'manageable', 'unmanageable'),
      housing: list('own', 'rented', 'hosted', 'damaged', 'shelter', 'none'),
      documents: list('all', 'some', 'none'),
      distress: list('none', 'mild', 'moderate', 'severe'),
      migrate: list('no', 'maybe', 'yes_planning'),
      relationship: list('spouse', 'child', 'parent', 'sibling', 'other'),
      services: list(
        'health',
        'school',
        'water',
        'electricity',
        'civil_registry',
        'legal_aid',
        'livelihood_support',
        'psychosocial',
      ),
      barriers: list('cost', 'distance', 'documents', 'discrimination', 'insecurity', 'none'),
    },
  };
}

/** Stores a form as an imported instrument; answers its id. */
export async function insertTestInstrument(
  db: Database,
  form: FormDefinition = reintegrationTestForm(),
): Promise<string> {
  const [instrument] = await db
    .insert(outcomeInstruments)
    .values({
      formId: form.formId,
      version: form.version,
      title: form.title,
      defaultLanguage: form.defaultLanguage,
      languages: form.languages,
      definition: form,
      sourceHash: 'a'.repeat(64),
    })
    .returning({ id: outcomeInstruments.id });
  return instrument!.id;
}

export interface TestFollowUps {
  householdId: string;
  reference: string;
  /** The outcome follow-up of each round, by round. */
  followUps: Record<number, string>;
}

/**
 * A returned household of `organisationId` in QM0101, arrived on `arrivedOn`, with its four rounds scheduled and
 * the outcome follow-ups of `open` rounds opened (status `due`).
 */
export async function insertTestFollowUps(
  db: Database,
  keyring: Keyring,
  options: { organisationId: string; recordedBy: string; arrivedOn?: string; open?: readonly number[] },
): Promise<TestFollowUps> {
  const household = await insertTestHousehold(db, keyring, {
    organisationId: options.organisationId,
    stage: 'arrived',
  });
  const arrivedOn = options.arrivedOn ?? '2026-01-10';
  const arrivalId = newId();
  await db.insert(caseArrivals).values({
    id: arrivalId,
    householdId: household.id,
    arrivedOn,
    pcode: 'QM0101',
    people: 2,
    recordedBy: options.recordedBy,
  });
  const followUps: Record<number, string> = {};
  for (const round of [1, 3, 6, 12]) {
    const due = new Date(`${arrivedOn}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + round);
    const dueOn = due.toISOString().slice(0, 10);
    const caseFollowUpId = newId();
    await db.insert(caseFollowUps).values({
      id: caseFollowUpId,
      householdId: household.id,
      arrivalId,
      monthsAfterArrival: round,
      dueOn,
      status: 'scheduled',
    });
    if (!(options.open ?? [1, 3, 6, 12]).includes(round)) continue;
    const id = newId();
    await db.insert(outcomeFollowUps).values({
      id,
      caseFollowUpId,
      householdId: household.id,
      organisationId: options.organisationId,
      pcode: 'QM0101',
      stateCode: 'QM',
      cohort: arrivedOn.slice(0, 7),
      round,
      dueOn,
      status: 'due',
      headSex: 'female',
      headAgeGroup: '40-59',
      disability: false,
    });
    followUps[round] = id;
  }
  return { householdId: household.id, reference: household.reference, followUps };
}
