import { createHash } from 'node:crypto';
import type { FormDefinition } from '../../shared/outcomes/form.ts';
import type { Database } from '../platform/db/client.ts';
import { outcomeInstruments } from './tables.ts';

/**
 * A small reintegration form for tests of follow-ups and answers, so they need no XLSForm: consent, one group of
 * household questions, and a group of social questions where `children_out_of_school` is relevant only when
 * there are school-age children (its constraint: no more than them).
 */
export const TEST_FORM: FormDefinition = {
  formId: 'homeward_reintegration',
  version: 'test-1',
  title: { en: 'Reintegration (test)', ar: 'إعادة الإدماج (اختبار)', fr: 'Réintégration (test)' },
  defaultLanguage: 'en',
  languages: ['en', 'ar', 'fr'],
  choices: {
    yes_no: [
      { name: 'yes', label: { en: 'Yes', ar: 'نعم', fr: 'Oui' } },
      { name: 'no', label: { en: 'No', ar: 'لا', fr: 'Non' } },
    ],
    sex: [
      { name: 'female', label: { en: 'Female', ar: 'أنثى', fr: 'Femme' } },
      { name: 'male', label: { en: 'Male', ar: 'ذكر', fr: 'Homme' } },
    ],
  },
  children: [
    {
      kind: 'question',
      name: 'consent_interview',
      type: 'select_one',
      listName: 'yes_no',
      label: { en: 'Do you agree to answer?', ar: 'هل توافق على الإجابة؟', fr: 'Acceptez-vous de répondre ?' },
      required: true,
      row: 2,
    },
    {
      kind: 'group',
      name: 'household',
      label: { en: 'Your household', ar: 'أسرتك', fr: 'Votre ménage' },
      relevant: `\${consent_interview} = 'yes'`,
      row: 3,
      children: [
        {
          kind: 'question',
          name: 'head_sex',
          type: 'select_one',
          listName: 'sex',
          label: { en: 'Sex of the head', ar: 'جنس رب الأسرة', fr: 'Sexe du chef' },
          required: true,
          row: 4,
        },
        {
          kind: 'question',
          name: 'head_age',
          type: 'integer',
          label: { en: 'Age of the head', ar: 'عمر رب الأسرة', fr: 'Âge du chef' },
          constraint: '. >= 15 and . <= 110',
          constraintMessage: { en: 'Between 15 and 110', ar: 'بين 15 و110', fr: 'Entre 15 et 110' },
          required: true,
          row: 5,
        },
      ],
    },
    {
      kind: 'group',
      name: 'social',
      label: { en: 'Daily life', ar: 'الحياة اليومية', fr: 'La vie quotidienne' },
      relevant: `\${consent_interview} = 'yes'`,
      row: 6,
      children: [
        {
          kind: 'question',
          name: 'school_age_children',
          type: 'integer',
          label: { en: 'Children of school age', ar: 'الأطفال في سن الدراسة', fr: 'Enfants d’âge scolaire' },
          required: true,
          row: 7,
        },
        {
          kind: 'question',
          name: 'children_out_of_school',
          type: 'integer',
          label: { en: 'Of them, out of school', ar: 'منهم خارج المدرسة', fr: 'Dont non scolarisés' },
          relevant: `\${school_age_children} > 0`,
          constraint: `. <= \${school_age_children}`,
          constraintMessage: {
            en: 'No more than the children of school age',
            ar: 'لا يزيد عن عدد الأطفال في سن الدراسة',
            fr: 'Pas plus que les enfants d’âge scolaire',
          },
          required: true,
          row: 8,
        },
      ],
    },
  ],
};

/** Stores the test form as an imported instrument version; answers its id. */
export async function insertTestInstrument(db: Database, form: FormDefinition = TEST_FORM): Promise<string> {
  const [row] = await db
    .insert(outcomeInstruments)
    .values({
      formId: form.formId,
      version: form.version,
      title: form.title,
      defaultLanguage: form.defaultLanguage,
      languages: form.languages,
      definition: form,
      sourceHash: createHash('sha256').update(JSON.stringify(form)).digest('hex'),
    })
    .returning({ id: outcomeInstruments.id });
  return row!.id;
}
