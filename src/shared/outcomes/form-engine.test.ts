import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsForm } from '../../server/outcomes/files/xlsform.ts';
import type { Answers, FormDefinition } from './form.ts';
import { checkAnswers, initialAnswers, liveForm, visibleQuestions } from './form-engine.ts';

const read = (file: string) =>
  readXlsForm({ fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)), importedAt: new Date() });

let instrument: FormDefinition;
let odk: FormDefinition;
let kobo: FormDefinition;

beforeAll(async () => {
  const root = path.resolve(import.meta.dirname, '../../server/outcomes');
  instrument = await read(path.join(root, 'instruments/homeward_reintegration.xlsx'));
  odk = await read(path.join(root, 'files/fixtures/odk-follow-up.xlsx'));
  kobo = await read(path.join(root, 'files/fixtures/kobo_household.xlsx'));
});

const today = '2026-03-15';
const now = '2026-03-15T09:30:00.000Z';

/** A complete, valid answer set of the default instrument. */
const complete = (): Answers => ({
  case_reference: 'HW-7K3M-9QXD',
  zone: 'SD0101003',
  consent_interview: 'yes',
  head_sex: 'female',
  head_age: 42,
  head_disability: 'no',
  household_size: 6,
  income_source: 'casual_work',
  income_enough: 'sometimes',
  debt: 'manageable',
  food_days_reduced: 4,
  productive_assets: 'no',
  housing: 'rented',
  documents: 'some',
  health_access: 'yes',
  school_age_children: 3,
  children_out_of_school: 1,
  participation: 'sometimes',
  feels_safe: 'mostly',
  discrimination: 'no',
  distress: 'mild',
  belonging: 'mostly',
  migrate_again: 'no',
  support_network: 'yes',
  members_separated: 2,
  member_missing: 'no',
  reunification_wish: 'yes',
  separated_member: [
    { relationship: 'spouse', location_known: 'yes' },
    { relationship: 'child', location_known: 'no' },
  ],
  services_used: ['health', 'school'],
  water_access: 'yes',
  electricity_access: 'no',
  service_barriers: ['cost', 'distance'],
  interviewer_notes: 'Asked for a follow-up visit about the documents.',
});

const codes = (answers: Answers, form = instrument) =>
  checkAnswers(form, answers, { today, now }).problems.map((p) => `${p.field}:${p.code}`);

describe('checkAnswers on the default instrument', () => {
  it('accepts a complete answer set, typed, with the calculation and the metadata filled', () => {
    const { answers, problems } = checkAnswers(instrument, complete(), { today, now });
    expect(problems).toEqual([]);
    expect(answers.food_insecure).toBe(1);
    expect(answers.start).toBe(now);
    expect(answers.end).toBe(now);
    expect(answers.separated_member).toEqual([
      { relationship: 'spouse', location_known: 'yes' },
      { relationship: 'child', location_known: 'no' },
    ]);
    expect(checkAnswers(instrument, { ...complete(), food_days_reduced: 2 }, { today }).answers.food_insecure).toBe(0);
  });

  it('keeps the values an imported submission gives its metadata fields', () => {
    const { answers } = checkAnswers(instrument, { ...complete(), start: '2026-01-02T08:00:00Z' }, { now });
    expect(answers.start).toBe('2026-01-02T08:00:00Z');
  });

  it('without consent, every group is not relevant: answers to them are refused, none are required', () => {
    expect(codes({ consent_interview: 'no' })).toEqual([]);
    const refused = codes({ consent_interview: 'no', head_age: 40, separated_member: [{ relationship: 'child' }] });
    expect(refused).toEqual(['head_age:not_relevant', 'separated_member:not_relevant']);
    const { answers } = checkAnswers(instrument, { consent_interview: 'no', food_days_reduced: 5 }, { today });
    expect(answers).not.toHaveProperty('food_insecure');
    expect(answers).not.toHaveProperty('food_days_reduced');
  });

  it('refuses a missing required answer, a value out of range, with the form’s message in each language', () => {
    const answers = complete();
    delete answers.head_sex;
    answers.head_age = 12;
    const { problems } = checkAnswers(instrument, answers, { today });
    expect(problems).toEqual([
      { field: 'head_sex', code: 'required', message: 'needs an answer' },
      {
        field: 'head_age',
        code: 'constraint',
        message: 'Between 15 and 110',
        messages: { en: 'Between 15 and 110', ar: 'بين 15 و110', fr: 'Entre 15 et 110' },
      },
    ]);
  });

  it('checks a constraint against another answer, and the relevance it depends on', () => {
    expect(codes({ ...complete(), children_out_of_school: 4 })).toEqual(['children_out_of_school:constraint']);
    expect(codes({ ...complete(), school_age_children: 0 })).toEqual(['children_out_of_school:not_relevant']);
    const without = complete();
    delete without.children_out_of_school;
    expect(codes({ ...without, school_age_children: 0 })).toEqual([]);
    expect(codes(without)).toEqual(['children_out_of_school:required']);
  });

  it('refuses wrong types, unknown choices and unknown fields', () => {
    expect(
      codes({
        ...complete(),
        head_age: 'forty',
        head_sex: 'other',
        household_size: 2.5,
        colour: 'blue',
        services_used: 'health water',
      }).sort(),
    ).toEqual(['colour:unknown_field', 'head_age:wrong_type', 'head_sex:unknown_choice', 'household_size:wrong_type']);
    expect(codes({ ...complete(), relationship: 'spouse' })).toEqual(['relationship:unknown_field']);
    expect(codes({ ...complete(), household: 'x' })).toEqual(['household:unknown_field']);
    expect(codes({ ...complete(), separated_member: 'two' })[0]).toBe('separated_member:wrong_type');
  });

  it('asks for as many separated members as the household counts, each checked in its own place', () => {
    const answers = complete();
    answers.separated_member = [{ relationship: 'cousin', location_known: 'yes' }];
    expect(codes(answers)).toEqual([
      'separated_member:repeat_count',
      'separated_member[1]/relationship:unknown_choice',
    ]);
    answers.separated_member = [{ relationship: 'spouse' }, { relationship: 'child', location_known: 'no', extra: 1 }];
    expect(codes(answers)).toEqual([
      'separated_member[2]/extra:unknown_field',
      'separated_member[1]/location_known:required',
    ]);
  });

  it('requires the other service written out when "other" is chosen, and refuses it otherwise', () => {
    expect(codes({ ...complete(), services_used: ['other'] })).toEqual(['services_used_other:required']);
    const { answers, problems } = checkAnswers(
      instrument,
      { ...complete(), services_used: ['health', 'other'], services_used_other: 'Mine clearance' },
      { today },
    );
    expect(problems).toEqual([]);
    expect(answers.services_used_other).toBe('Mine clearance');
    expect(codes({ ...complete(), services_used_other: 'Mine clearance' })).toEqual([
      'services_used_other:not_relevant',
    ]);
  });

  it('refuses "none" with another barrier', () => {
    expect(codes({ ...complete(), service_barriers: ['none', 'cost'] })).toEqual(['service_barriers:constraint']);
    expect(codes({ ...complete(), service_barriers: ['none'] })).toEqual([]);
  });

  it('shows the questions a person should see now, as the answers change', () => {
    const shown = visibleQuestions(instrument, { consent_interview: 'no' }, { today });
    expect(shown).toEqual(['case_reference', 'zone', 'consent_interview', 'interviewer_notes']);
    const consented = visibleQuestions(instrument, { consent_interview: 'yes', school_age_children: 0 }, { today });
    expect(consented).toContain('head_age');
    expect(consented).not.toContain('children_out_of_school');
    expect(consented).not.toContain('food_insecure');
    expect(visibleQuestions(instrument, { ...complete() }, { today })).toContain('separated_member[2]/location_known');
  });
});

describe('the engine on other forms', () => {
  it('fills defaults, checks dates against today(), and counts a repeat from an answer', () => {
    expect(initialAnswers(odk, { today })).toEqual({ visit_date: today });
    const answers: Answers = {
      children: 2,
      child: [{ child_age: 4 }, { child_age: 9, in_school: 'yes' }],
      region: 'north',
      district: 'n1',
    };
    const { problems, answers: stored } = checkAnswers(odk, answers, { today });
    expect(problems).toEqual([]);
    expect(stored.visit_date).toBe(today);
    expect(codes({ ...answers, visit_date: '2026-04-01' }, odk)).toEqual(['visit_date:constraint']);
    expect(codes({ ...answers, visit_date: '2026-02-30' }, odk)).toEqual(['visit_date:wrong_type']);
    expect(codes({ ...answers, child: [{ child_age: 4, in_school: 'no' }, { child_age: 9 }] }, odk)).toEqual([
      'child[1]/in_school:not_relevant',
      'child[2]/in_school:required',
    ]);
  });

  it('offers only the choices a choice_filter lets through', () => {
    const live = liveForm(odk, { region: 'south' }, { today });
    expect(live.choices('district').map((c) => c.name)).toEqual(['s1']);
    const answers: Answers = { visit_date: today, children: 0, region: 'south', district: 'n1' };
    expect(codes(answers, odk)).toEqual(['district:unknown_choice']);
  });

  it('reads geopoints and select_multiple with or_other on a Kobo form, and fills device and user', () => {
    const base: Answers = { consent: 'yes', size: 8, needs: ['food', 'other'], needs_other: 'Blankets' };
    const { answers, problems } = checkAnswers(
      kobo,
      { ...base, location: '15.5 32.5 380 5' },
      { today, now, deviceId: 'homeward:web', username: 'amal' },
    );
    expect(problems).toEqual([]);
    expect(answers).toMatchObject({
      large: 1,
      location: '15.5 32.5 380 5',
      deviceid: 'homeward:web',
      username: 'amal',
      today,
    });
    expect(codes({ ...base, location: '95 10' }, kobo)).toEqual(['location:wrong_type']);
    expect(codes({ ...base, location: 'here' }, kobo)).toEqual(['location:wrong_type']);
    expect(codes({ ...base, needs: ['none', 'food'], needs_other: undefined as never }, kobo)).toEqual([
      'needs:constraint',
    ]);
    expect(codes({ ...base, thanks: 'ok' }, kobo)).toEqual(['thanks:wrong_type']);
  });

  it('gives live state: relevance, calculations and the repeat count', () => {
    const live = liveForm(
      instrument,
      { consent_interview: 'yes', food_days_reduced: 5, members_separated: 3 },
      { today },
    );
    expect(live.isRelevant('economic')).toBe(true);
    expect(live.valueOf('food_insecure')).toBe(1);
    expect(live.repeatCount('separated_member')).toBe(3);
    expect(liveForm(instrument, { consent_interview: 'no' }).isRelevant('economic')).toBe(false);
  });
});

describe('the engine on any input', () => {
  const names = [
    'consent_interview',
    'head_age',
    'head_sex',
    'members_separated',
    'separated_member',
    'services_used',
    'services_used_other',
    'food_insecure',
    'household',
    'start',
    'relationship',
    'nothing',
  ];
  const scalar = fc.oneof(
    fc.constantFrom('yes', 'no', 'other', '', 'female', 'spouse', '2026-13-01'),
    fc.integer({ min: -5, max: 50 }),
    fc.double(),
    fc.constant(null),
    fc.array(fc.constantFrom('health', 'other', 'none', 'x'), { maxLength: 3 }),
    fc.string({ maxLength: 5 }),
  );
  const answers: fc.Arbitrary<Answers> = fc.letrec((tie) => ({
    set: fc.dictionary(
      fc.constantFrom(...names),
      fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('set'), { maxLength: 3 })),
    ),
  })).set as fc.Arbitrary<Answers>;

  it('property: never throws, names every problem by a path, and stores no answer it refused as not relevant', () => {
    fc.assert(
      fc.property(answers, (given) => {
        const { answers: stored, problems } = checkAnswers(instrument, given, { today, now });
        for (const problem of problems) expect(problem.field).toMatch(/^[A-Za-z_][\w.-]*(\[\d+\]\/[A-Za-z_][\w.-]*)*$/);
        for (const problem of problems.filter((p) => p.code === 'not_relevant' && !p.field.includes('/'))) {
          expect(stored).not.toHaveProperty(problem.field);
        }
        if (given.consent_interview !== 'yes') expect(stored).not.toHaveProperty('head_age');
      }),
      { numRuns: 300 },
    );
  });
});
