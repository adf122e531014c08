import { and, eq, inArray } from 'drizzle-orm';
import type { HeadAgeGroup, Population, ResponseSource } from '../../shared/outcomes/constants.ts';
import type { Answers } from '../../shared/outcomes/form.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import type { Database } from '../platform/db/client.ts';
import { newId } from '../platform/db/columns.ts';
import { type Indicators, indicatorsOf, type Scores, scoreIndicators } from './rules/scores.ts';
import { outcomeResponses } from './tables.ts';

/**
 * The one writer of answered rounds, shared by the web form, the API, the household's link and the file imports:
 * it seals the answers, reads the indicators the scores need from them, computes the scores, and inserts the
 * rows in multi-row statements. A row whose instrument already holds its submission id is left as it is (an
 * import repeated), and counted as unchanged. The caller has checked the answers against the form and holds the
 * transaction, with its audit entry; the listeners (alerts) run in the same transaction on the rows created.
 */
export interface NewResponse {
  instrumentId: string;
  /** `_uuid` (Kobo), `meta-instanceID` (ODK Central), or an id Homeward gives. */
  submissionId: string;
  population: Population;
  followUpId: string | null;
  householdId: string | null;
  organisationId: string;
  pcode: string;
  stateCode: string;
  cohort: string | null;
  round: number;
  collectedOn: string;
  source: ResponseSource;
  /** Checked answers (form-engine checkAnswers). */
  answers: Answers;
  headSex: string;
  headAgeGroup: HeadAgeGroup;
  disability: boolean;
  recordedBy: string | null;
}

export interface StoredResponse {
  id: string;
  submissionId: string;
  instrumentId: string;
  population: Population;
  householdId: string | null;
  followUpId: string | null;
  organisationId: string;
  pcode: string;
  round: number;
  collectedOn: string;
  indicators: Indicators;
  scores: Scores;
}

export type ResponsesListener = (tx: Database, created: readonly StoredResponse[]) => Promise<void>;

const listeners: ResponsesListener[] = [];

/** Registers what must follow new answers in the same transaction (alerts register on load). */
export function onResponsesStored(listener: ResponsesListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

const CHUNK = 1000;

export async function writeResponses(
  tx: Database,
  keyring: Keyring,
  rows: readonly NewResponse[],
): Promise<{ created: StoredResponse[]; unchanged: number }> {
  const created: StoredResponse[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const prepared = await Promise.all(
      chunk.map(async (row) => {
        const indicators = indicatorsOf(row.answers);
        const scores = scoreIndicators(indicators);
        return {
          row,
          indicators,
          scores,
          values: {
            id: newId(),
            instrumentId: row.instrumentId,
            submissionId: row.submissionId,
            population: row.population,
            followUpId: row.followUpId,
            householdId: row.householdId,
            organisationId: row.organisationId,
            pcode: row.pcode,
            stateCode: row.stateCode,
            cohort: row.cohort,
            round: row.round,
            collectedOn: row.collectedOn,
            source: row.source,
            answersEnc: await keyring.encrypt(tx, 'outcome', JSON.stringify(row.answers)),
            indicators,
            ...scores,
            headSex: row.headSex,
            headAgeGroup: row.headAgeGroup,
            disability: row.disability,
            recordedBy: row.recordedBy,
          },
        };
      }),
    );
    const inserted = await tx
      .insert(outcomeResponses)
      .values(prepared.map((p) => p.values))
      .onConflictDoNothing({ target: [outcomeResponses.instrumentId, outcomeResponses.submissionId] })
      .returning({ id: outcomeResponses.id });
    const ids = new Set(inserted.map((r) => r.id));
    for (const p of prepared) {
      if (!ids.has(p.values.id)) continue;
      created.push({
        id: p.values.id,
        submissionId: p.row.submissionId,
        instrumentId: p.row.instrumentId,
        population: p.row.population,
        householdId: p.row.householdId,
        followUpId: p.row.followUpId,
        organisationId: p.row.organisationId,
        pcode: p.row.pcode,
        round: p.row.round,
        collectedOn: p.row.collectedOn,
        indicators: p.indicators,
        scores: p.scores,
      });
    }
  }
  for (const listener of listeners) await listener(tx, created);
  return { created, unchanged: rows.length - created.length };
}

/** The age group of a head of household aged `age` (years), for disaggregation. */
export function headAgeGroupOf(age: number): HeadAgeGroup {
  if (age < 25) return '18-24';
  if (age < 40) return '25-39';
  if (age < 60) return '40-59';
  return '60+';
}

/** The submission ids of an instrument already stored, among those given (to report a repeated import). */
export async function storedSubmissionIds(
  db: Database,
  instrumentId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ submissionId: outcomeResponses.submissionId })
    .from(outcomeResponses)
    .where(and(eq(outcomeResponses.instrumentId, instrumentId), inArray(outcomeResponses.submissionId, [...ids])));
  return new Set(rows.map((r) => r.submissionId));
}
