import { DEFAULT_INSTRUMENT_FORM_ID, type HeadAgeGroup, type Population } from '../../shared/outcomes/constants.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import type { Scores } from './rules/scores.ts';
import { outcomeInstruments, outcomeResponses } from './tables.ts';

/**
 * Test and benchmark support for the aggregates: answered rounds written straight into `outcome_responses` with
 * the scores and indicators given (the dashboards, the public figures and the zones feed read only those), so
 * that a test says exactly what the aggregates must show. The answers' envelope is a stand-in: nothing here
 * opens it.
 */
export async function insertTestInstrument(db: Database, version = 'test'): Promise<string> {
  const [row] = await db
    .insert(outcomeInstruments)
    .values({
      formId: DEFAULT_INSTRUMENT_FORM_ID,
      version,
      title: { en: 'Reintegration (test)' },
      defaultLanguage: 'en',
      languages: ['en'],
      definition: {
        formId: DEFAULT_INSTRUMENT_FORM_ID,
        version,
        title: { en: 'Reintegration (test)' },
        defaultLanguage: 'en',
        languages: ['en'],
        children: [],
        choices: {},
      },
      sourceHash: 'test'.padEnd(64, '0'),
    })
    .returning({ id: outcomeInstruments.id });
  return row!.id;
}

export interface TestResponse {
  population?: Population;
  pcode: string;
  stateCode?: string;
  cohort?: string | null;
  round: number;
  collectedOn?: string;
  organisationId: string;
  scores?: Partial<Scores>;
  indicators?: Record<string, number | string | null>;
  headSex?: string;
  headAgeGroup?: HeadAgeGroup;
  disability?: boolean;
}

const NO_SCORES: Scores = {
  economic: null,
  social: null,
  psychosocial: null,
  composite: null,
  familyUnity: null,
  servicesAccess: null,
};

export const testResponseRow = (instrumentId: string, response: TestResponse) => {
  const population = response.population ?? 'returnee';
  return {
    id: newId(),
    instrumentId,
    submissionId: newId(),
    population,
    organisationId: response.organisationId,
    pcode: response.pcode,
    stateCode: response.stateCode ?? response.pcode.slice(0, 2),
    cohort: population === 'resident' ? null : (response.cohort ?? '2026-01'),
    round: response.round,
    collectedOn: response.collectedOn ?? '2026-06-15',
    source: 'import',
    answersEnc: 'sealed',
    indicators: response.indicators ?? {},
    ...NO_SCORES,
    ...response.scores,
    headSex: response.headSex ?? 'female',
    headAgeGroup: response.headAgeGroup ?? '25-39',
    disability: response.disability ?? false,
  };
};

export async function insertTestResponses(
  db: Database,
  instrumentId: string,
  responses: readonly TestResponse[],
): Promise<void> {
  for (let start = 0; start < responses.length; start += 1000) {
    await db
      .insert(outcomeResponses)
      .values(responses.slice(start, start + 1000).map((response) => testResponseRow(instrumentId, response)));
  }
}

/** `n` copies of a response. */
export const times = (n: number, response: TestResponse): TestResponse[] => Array.from({ length: n }, () => response);
