import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT_FORM_ID } from '../../../shared/outcomes/constants.ts';
import type { Group } from '../../../shared/outcomes/form.ts';
import { questionsOf, readXlsForm } from '../files/xlsform.ts';
import { workbookBytes } from '../files/xlsform-book.ts';
import { DEFAULT_INSTRUMENT_FILE, defaultInstrumentSheets } from './build-default.ts';

const at = new Date('2026-01-01T00:00:00Z');

describe('the default instrument', () => {
  it('is the workbook its script writes', async () => {
    const committed = await readXlsForm({
      fileName: 'homeward_reintegration.xlsx',
      bytes: new Uint8Array(fs.readFileSync(DEFAULT_INSTRUMENT_FILE)),
      importedAt: at,
    });
    const fresh = await readXlsForm({
      fileName: 'homeward_reintegration.xlsx',
      bytes: await workbookBytes(defaultInstrumentSheets()),
      importedAt: at,
    });
    expect(committed).toEqual(fresh);
  });

  it('has the fields the scores, alerts and imports read, in three languages', async () => {
    const form = await readXlsForm({
      fileName: 'x.xlsx',
      bytes: new Uint8Array(fs.readFileSync(DEFAULT_INSTRUMENT_FILE)),
    });
    expect(form).toMatchObject({ formId: DEFAULT_INSTRUMENT_FORM_ID, version: '2026.1', defaultLanguage: 'en' });
    expect(form.languages).toEqual(['en', 'ar', 'fr']);
    const groups = form.children.filter((n): n is Group => n.kind !== 'question').map((g) => g.name);
    expect(groups).toEqual(['household', 'economic', 'social', 'psychosocial', 'family', 'services']);
    const questions = questionsOf(form.children);
    for (const name of [
      'case_reference',
      'zone',
      'consent_interview',
      'head_sex',
      'head_age',
      'head_disability',
      'household_size',
      'income_source',
      'income_enough',
      'debt',
      'food_days_reduced',
      'productive_assets',
      'food_insecure',
      'housing',
      'documents',
      'health_access',
      'school_age_children',
      'children_out_of_school',
      'participation',
      'feels_safe',
      'discrimination',
      'distress',
      'belonging',
      'migrate_again',
      'support_network',
      'members_separated',
      'member_missing',
      'reunification_wish',
      'relationship',
      'location_known',
      'services_used',
      'water_access',
      'electricity_access',
      'service_barriers',
      'interviewer_notes',
    ]) {
      expect(
        questions.some((q) => q.name === name),
        name,
      ).toBe(true);
    }
    for (const q of questions) {
      if (q.type === 'calculate' || q.type === 'start' || q.type === 'end') continue;
      expect(Object.keys(q.label).sort(), q.name).toEqual(['ar', 'en', 'fr']);
    }
    for (const [list, choices] of Object.entries(form.choices)) {
      for (const c of choices) expect(Object.keys(c.label).sort(), `${list}.${c.name}`).toEqual(['ar', 'en', 'fr']);
    }
    expect(form.choices.frequency!.map((c) => c.name)).toEqual(['never', 'sometimes', 'mostly', 'always']);
    expect(form.choices.services!.map((c) => c.name)).toEqual([
      'health',
      'school',
      'water',
      'electricity',
      'civil_registry',
      'legal_aid',
      'livelihood_support',
      'psychosocial',
    ]);
    const repeat = (form.children.find((n) => n.name === 'family') as Group).children.find(
      (n) => n.name === 'separated_member',
    ) as Group;
    expect(repeat).toMatchObject({ kind: 'repeat', repeatCount: '${members_separated}' });
  });
});
