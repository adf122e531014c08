import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { reintegrationTestForm } from '../response-imports-test-support.ts';
import { type ResponseRow, readResponses } from './responses.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'responses');
const fixture = (name: string, refs: Record<string, string> = {}) => {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  if (name.endsWith('.xlsx')) return bytes;
  let text = bytes.toString('utf8');
  for (const [key, value] of Object.entries(refs)) text = text.replaceAll(`{{${key}}}`, value);
  return Buffer.from(text);
};
const form = reintegrationTestForm();

async function read(bytes: Buffer): Promise<ResponseRow[]> {
  const rows: ResponseRow[] = [];
  for await (const row of readResponses(bytes, form)) rows.push(row);
  return rows;
}

async function refusal(bytes: Buffer): Promise<AppError> {
  try {
    await read(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('KoboToolbox exports', () => {
  it('reads a ";" CSV with group paths, typed per the form, select_multiple from its space-separated column', async () => {
    const rows = await read(fixture('kobo-returnees.csv', { REF1: 'HW-AAAA-BBBB' }));
    expect(rows).toHaveLength(3);
    const [first, second] = rows;
    expect(first!.place).toBe('line 2');
    expect(first!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e01');
    expect(first!.collectedOn).toBe('2026-02-11');
    expect(first!.answers).toMatchObject({
      case_reference: 'HW-AAAA-BBBB',
      head_sex: 'female',
      head_age: 43,
      food_days_reduced: 3,
      income_source: 'casual_work',
      services_used: ['health', 'water'],
      service_barriers: ['cost', 'distance'],
      interviewer_notes: 'الأسرة تسكن عند أقارب; the roof leaks',
    });
    // Empty cells and `n/a` are missing answers, not empty texts.
    expect(first!.answers).not.toHaveProperty('zone');
    expect(second!.answers).not.toHaveProperty('children_out_of_school');
    expect(second!.answers).not.toHaveProperty('reunification_wish');
    expect(second!.answers).not.toHaveProperty('services_used');
    expect(rows.every((row) => row.problems.length === 0 && !row.rejected)).toBe(true);
  });

  it('reads a "," CSV without group names, select_multiple from one 0/1 column per choice, and skips rejected rows', async () => {
    const rows = await read(fixture('kobo-residents.csv'));
    expect(rows.map((row) => row.rejected)).toEqual([false, false, true]);
    expect(rows[0]!.answers).toMatchObject({ zone: 'QM0101', head_age: 43, services_used: ['health', 'water'] });
    expect(rows[1]!.answers.services_used).toEqual([]);
    expect(rows[1]!.answers.service_barriers).toEqual(['none']);
    expect(rows[2]!.answers.interviewer_notes).toBe('Said: "we have nowhere to go"');
  });

  it('reads a workbook with its repeat sheet joined by _parent_index', async () => {
    const rows = await read(fixture('kobo-returnees.xlsx'));
    expect(rows.map((row) => row.place)).toEqual([
      'sheet Reintegration follow-up, line 2',
      'sheet Reintegration follow-up, line 3',
      'sheet Reintegration follow-up, line 4',
    ]);
    expect(rows[0]!.answers.separated_member).toEqual([{ relationship: 'spouse', location_known: 'yes' }]);
    expect(rows[1]!.answers).not.toHaveProperty('separated_member');
    expect(rows[2]!.answers.separated_member).toEqual([
      { relationship: 'child', location_known: 'no' },
      { relationship: 'sibling', location_known: 'yes' },
    ]);
    expect(rows[2]!.answers.head_age).toBe(29);
    expect(rows[0]!.answers.services_used).toEqual(['health', 'water']);
  });

  it("reads the API's JSON, its repeats nested", async () => {
    const rows = await read(fixture('kobo-returnees.json', { REF3: 'HW-CCCC-DDDD' }));
    expect(rows).toHaveLength(3);
    expect(rows[2]!.place).toBe('submission 3');
    expect(rows[2]!.answers).toMatchObject({
      case_reference: 'HW-CCCC-DDDD',
      members_separated: 2,
      services_used: ['health', 'civil_registry', 'legal_aid'],
      separated_member: [
        { relationship: 'child', location_known: 'no' },
        { relationship: 'sibling', location_known: 'yes' },
      ],
    });
    expect(rows[2]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e03');
  });

  it('reads a plain array of submissions too', async () => {
    const plain = JSON.parse(fixture('kobo-returnees.json').toString('utf8')).results;
    const rows = await read(Buffer.from(JSON.stringify(plain)));
    expect(rows).toHaveLength(3);
  });

  it('refuses label headers, saying how to export', async () => {
    const error = await refusal(fixture('kobo-labels.csv'));
    expect(error.errors).toEqual([
      expect.objectContaining({ code: 'label_headers', message: expect.stringContaining('XML values and headers') }),
    ]);
  });

  it('refuses a column that names no question, naming it', async () => {
    const text = fixture('kobo-residents.csv').toString('utf8').replace('water_access', 'water_acess');
    const error = await refusal(Buffer.from(text));
    expect(error.errors).toEqual([expect.objectContaining({ field: 'line 1, water_acess', code: 'unknown_column' })]);
  });

  it('refuses a JSON key that names no question', async () => {
    const error = await refusal(Buffer.from(JSON.stringify([{ _uuid: 'x', 'economic/incme_source': 'farming' }])));
    expect(error.errors?.[0]).toMatchObject({ field: 'file, economic/incme_source', code: 'unknown_column' });
  });

  it('names the line and field of a value that is not of its type', async () => {
    const text = fixture('kobo-residents.csv').toString('utf8').replace(',43,', ',forty,');
    const rows = await read(Buffer.from(text));
    expect(rows[0]!.problems).toEqual([{ field: 'head_age', code: 'wrong_type', message: 'is not a whole number' }]);
  });

  it('names a value holding a NUL character, in an answer or in the submission id', async () => {
    const json = JSON.parse(fixture('kobo-returnees.json').toString('utf8'));
    json.results[0]['economic/debt'] = 'none\u0000';
    json.results[1]._uuid = '7f1c2d3e\u0000';
    delete json.results[1]['meta/instanceID'];
    const rows = await read(Buffer.from(JSON.stringify(json)));
    expect(rows[0]!.problems).toEqual([expect.objectContaining({ field: 'debt', code: 'nul_character' })]);
    expect(rows[1]!.problems).toEqual([expect.objectContaining({ field: '_uuid', code: 'nul_character' })]);
    expect(rows[1]!.submissionId).toBeNull();
  });

  it('refuses a group path that is not the question’s', async () => {
    const text = fixture('kobo-returnees.csv').toString('utf8').replace('"economic/debt"', '"social/debt"');
    const error = await refusal(Buffer.from(text));
    expect(error.errors?.[0]).toMatchObject({ field: 'line 1, social/debt', code: 'unknown_column' });
  });
});

describe('ODK Central exports', () => {
  it('reads submissions.csv with group paths joined by "-" and KEY / meta-instanceID', async () => {
    const rows = await read(fixture('odk-returnees.csv', { REF2: 'HW-EEEE-FFFF' }));
    expect(rows).toHaveLength(3);
    expect(rows[1]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e02');
    expect(rows[1]!.answers).toMatchObject({ case_reference: 'HW-EEEE-FFFF', head_age: 61, income_source: 'farming' });
    expect(rows[0]!.answers.services_used).toEqual(['health', 'water']);
    expect(rows[0]!.collectedOn).toBe('2026-02-11');
  });

  it('takes KEY when meta-instanceID is absent, and refuses Kobo-style paths in an ODK file', async () => {
    const odk = fixture('odk-returnees.csv').toString('utf8');
    const withoutInstance = odk.replace('meta-instanceID', 'meta-instanceName');
    expect((await read(Buffer.from(withoutInstance)))[0]!.submissionId).toBe('7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e01');
    const error = await refusal(Buffer.from(odk.replace('economic-debt', 'economic/debt')));
    expect(error.errors?.[0]).toMatchObject({ field: 'line 1, economic/debt', code: 'unknown_column' });
  });
});
