import { asc, gt, sql } from 'drizzle-orm';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Database } from '../platform/db/client.ts';
import './events.ts';
import type { StoredResponse } from './response-writer.ts';
import {
  compositeScore,
  DEFAULT_SCORE_WEIGHTS,
  DIMENSIONS,
  type ScoreWeights,
  scoreIndicators,
} from './rules/scores.ts';
import { outcomeResponses } from './tables.ts';

/**
 * Recomputes every stored round's scores from its coded indicators, for when the composite's weights change
 * (HOMEWARD_OUTCOME_SCORE_WEIGHTS) or the score rules do. Reads pages of rows in id order and writes each page
 * back in one statement; the whole run is one transaction with its audit entry, so the scores never mix two
 * weightings. Raises no alerts: the answers did not change.
 */
const PAGE = 5000;

export async function rescoreAll(db: Database, weights: ScoreWeights): Promise<{ responses: number }> {
  return inTransaction(db, async (tx) => {
    let after = '00000000-0000-0000-0000-000000000000';
    let responses = 0;
    for (;;) {
      const rows = await tx
        .select({ id: outcomeResponses.id, indicators: outcomeResponses.indicators })
        .from(outcomeResponses)
        .where(gt(outcomeResponses.id, after))
        .orderBy(asc(outcomeResponses.id))
        .limit(PAGE);
      if (rows.length === 0) break;
      const scored = rows.map((row) => ({ id: row.id, ...scoreIndicators(row.indicators, weights) }));
      await tx.execute(sql`update ${outcomeResponses} set
          economic = s.economic, social = s.social, psychosocial = s.psychosocial, composite = s.composite,
          family_unity = s."familyUnity", services_access = s."servicesAccess"
        from json_to_recordset(${JSON.stringify(scored)}::json) as s(id uuid, economic real, social real,
          psychosocial real, composite real, "familyUnity" real, "servicesAccess" real)
        where ${outcomeResponses.id} = s.id`);
      responses += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    await appendAudit(tx, {
      type: 'outcomes.scores_recomputed',
      actor: null,
      subject: 'outcomes:scores',
      details: { responses, alerts: 0 },
    });
    return { responses };
  });
}

/**
 * The writer scores new rounds with the default weights; when the configuration sets others, the rounds just
 * stored get their composite (the one score the weights change) again, in the same transaction, before the
 * alerts compare them. One statement per call, none with the default weights.
 */
export async function withConfiguredWeights(
  tx: Database,
  created: readonly StoredResponse[],
  weights: ScoreWeights,
): Promise<readonly StoredResponse[]> {
  if (created.length === 0 || DIMENSIONS.every((d) => weights[d] === DEFAULT_SCORE_WEIGHTS[d])) return created;
  const rescored = created.map((response) => ({
    ...response,
    scores: { ...response.scores, composite: compositeScore(response.scores, weights) },
  }));
  const rows = rescored.map((response) => ({ id: response.id, composite: response.scores.composite }));
  await tx.execute(sql`update ${outcomeResponses} set composite = s.composite
    from json_to_recordset(${JSON.stringify(rows)}::json) as s(id uuid, composite real)
    where ${outcomeResponses.id} = s.id`);
  return rescored;
}
