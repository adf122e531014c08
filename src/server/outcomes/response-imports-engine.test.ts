import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../../test/support/app.ts';
import type { Answers } from '../../shared/outcomes/form.ts';
import { createTestAccount, type TestAccount } from '../platform/auth/test-support.ts';
import { importResponses } from './response-imports.ts';
import { insertTestInstrument } from './response-imports-test-support.ts';
import { outcomeResponses } from './tables.ts';

/**
 * The form engine's refusals, as the import reports them: every problem `checkAnswers` finds becomes a message
 * naming the row's line and the question. The engine is replaced here by one that refuses a head of household
 * older than 110 and a repeat's relationship outside its list, as the instrument's constraints do.
 */
vi.mock('../../shared/outcomes/form-engine.ts', () => ({
  checkAnswers: (_form: unknown, answers: Answers) => {
    const problems = [];
    if (typeof answers.head_age === 'number' && answers.head_age > 110) {
      problems.push({ field: 'head_age', code: 'constraint', message: 'must be between 15 and 110' });
    }
    for (const [i, member] of ((answers.separated_member as Answers[] | undefined) ?? []).entries()) {
      if (member.relationship === 'cousin') {
        problems.push({
          field: `separated_member[${i + 1}]/relationship`,
          code: 'unknown_choice',
          message: 'is not a choice of the list relationship',
        });
      }
    }
    return { answers, problems };
  },
}));

let env: TestEnvironment;
let coordinator: TestAccount;

beforeAll(async () => {
  env = await createTestEnvironment();
  coordinator = await createTestAccount(env.app, { roles: ['coordinator'] });
  await insertTestInstrument(env.database.db);
});

afterAll(async () => {
  await env.close();
});

describe("the form engine's refusals", () => {
  it('name the line and the field of each, and nothing is stored', async () => {
    const file = path.join(import.meta.dirname, 'files', 'fixtures', 'responses', 'kobo-returnees.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.results[0]['household/head_age'] = '140';
    json.results[2]['family/separated_member'][1]['family/separated_member/relationship'] = 'cousin';
    const ctx = {
      db: env.database.db,
      actor: {
        userId: coordinator.userId,
        sessionId: 'test',
        organisationId: coordinator.organisationId,
        roles: ['coordinator' as const],
        memberships: [],
      },
      requestId: 'test',
      language: 'en' as const,
      platform: env.app.platform,
    };
    const refusal = importResponses(ctx, {
      formId: 'homeward_reintegration',
      fileName: 'kobo.json',
      bytes: Buffer.from(JSON.stringify(json)),
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [
        { field: 'submission 1, head_age', code: 'constraint', message: 'must be between 15 and 110' },
        // The engine's problems and the import's own, in file order.
        { field: 'submission 2, case_reference', code: 'unknown_household' },
        {
          field: 'submission 3, separated_member[2]/relationship',
          code: 'unknown_choice',
          message: 'is not a choice of the list relationship',
        },
      ],
    });
    expect(await env.database.db.select().from(outcomeResponses)).toHaveLength(0);
  });
});
