import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AlertCloseReason } from '../../shared/outcomes/alert-constants.ts';
import type { AlertKind } from '../../shared/outcomes/constants.ts';
import type { AlertListQuery, AlertPage, AlertView, CloseAlertRequest } from '../../shared/outcomes/schemas/alerts.ts';
import { householdReferences, standingConsents } from '../cases/consent-check.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { type AnyAuditEntryInput, appendAudit, appendAuditBatch } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { conflict } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import './events.ts';
import './permissions.ts';
import { presentAlert, presentRound } from './presenters/alerts.ts';
import { outcomeNotFound } from './reach.ts';
import { withConfiguredWeights } from './rescore.ts';
import { onResponsesStored, type StoredResponse } from './response-writer.ts';
import { type AlertThresholds, alertsFor, DEFAULT_ALERT_THRESHOLDS, type Round } from './rules/alerts.ts';
import { DEFAULT_SCORE_WEIGHTS, type ScoreWeights } from './rules/scores.ts';
import { outcomeAlerts, outcomeFollowUps, outcomeResponses } from './tables.ts';

/**
 * Alerts about returned households: raised in the transaction that stores a round (a listener of the response
 * writer), by comparing the round with the household's earlier ones (rules/alerts.ts); sent to the household's
 * organisation (the owner of its follow-up), which works through them in its queue and closes them with a reason,
 * or refers the household to a service (referrals.ts).
 */

let thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS;
let weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS;

/**
 * What the server's configuration sets: the alert thresholds (HOMEWARD_OUTCOME_ALERT_*) and the composite's
 * weights (HOMEWARD_OUTCOME_SCORE_WEIGHTS); the defaults until then (the CLI and the demo).
 */
export function configureOutcomeRules(configured: { thresholds: AlertThresholds; weights: ScoreWeights }): void {
  thresholds = configured.thresholds;
  weights = configured.weights;
}

/** Earlier rounds read per new round: enough for the distress rule. */
const EARLIER_ROUNDS = 6;

/** The listener: alerts for the returnee rounds just stored, one per response and kind, each audited. */
export async function raiseAlerts(tx: Database, created: readonly StoredResponse[]): Promise<number> {
  const rounds = created.filter((response) => response.population === 'returnee' && response.householdId !== null);
  if (rounds.length === 0) return 0;
  const owners = await ownersOf(tx, rounds);
  const history = await roundsOf(tx, [...new Set(rounds.map((r) => r.householdId!))]);
  const rows: (typeof outcomeAlerts.$inferInsert)[] = [];
  for (const response of rounds) {
    const earlier = (history.get(response.householdId!) ?? [])
      .filter((round) => round.round < response.round)
      .slice(0, EARLIER_ROUNDS);
    const findings = alertsFor(
      { indicators: response.indicators, scores: response.scores },
      earlier.map(({ indicators, round: _, collectedOn: __, ...scores }): Round => ({ indicators, scores })),
      thresholds,
    );
    for (const finding of findings) {
      rows.push({
        householdId: response.householdId!,
        responseId: response.id,
        organisationId: owners.get(response.id) ?? response.organisationId,
        kind: finding.kind,
        detail: finding.detail,
        status: 'open',
      });
    }
  }
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(outcomeAlerts)
    .values(rows)
    .onConflictDoNothing({ target: [outcomeAlerts.responseId, outcomeAlerts.kind] })
    .returning({ id: outcomeAlerts.id, householdId: outcomeAlerts.householdId, kind: outcomeAlerts.kind });
  await appendAuditBatch(
    tx,
    inserted.map(
      (alert): AnyAuditEntryInput => ({
        type: 'outcomes.alert_raised',
        actor: null,
        subject: `household:${alert.householdId}`,
        details: { alertId: alert.id, householdId: alert.householdId, kind: alert.kind as AlertKind },
      }),
    ),
  );
  return inserted.length;
}

onResponsesStored(async (tx, created) => {
  await raiseAlerts(tx, await withConfiguredWeights(tx, created, weights));
});

/** The returnee rounds of these households (one statement), each household's latest round first. */
async function roundsOf(tx: Database, householdIds: readonly string[]) {
  const rows = await tx
    .select({
      householdId: outcomeResponses.householdId,
      round: outcomeResponses.round,
      collectedOn: outcomeResponses.collectedOn,
      indicators: outcomeResponses.indicators,
      ...scoreColumns,
    })
    .from(outcomeResponses)
    .where(and(inArray(outcomeResponses.householdId, [...householdIds]), eq(outcomeResponses.population, 'returnee')))
    .orderBy(desc(outcomeResponses.round), desc(outcomeResponses.collectedOn));
  const byHousehold = new Map<string, Omit<(typeof rows)[number], 'householdId'>[]>();
  for (const { householdId, ...round } of rows) {
    const list = byHousehold.get(householdId!);
    if (list) list.push(round);
    else byHousehold.set(householdId!, [round]);
  }
  return byHousehold;
}

const scoreColumns = {
  economic: outcomeResponses.economic,
  social: outcomeResponses.social,
  psychosocial: outcomeResponses.psychosocial,
  composite: outcomeResponses.composite,
  familyUnity: outcomeResponses.familyUnity,
  servicesAccess: outcomeResponses.servicesAccess,
};

/**
 * The organisation each round's alerts go to: the owner of its follow-up, else of any follow-up of the
 * household, else (a household never followed up) the organisation that collected the round.
 */
async function ownersOf(tx: Database, rounds: readonly StoredResponse[]): Promise<Map<string, string>> {
  const households = [...new Set(rounds.map((r) => r.householdId!))];
  const followUps = await tx
    .select({
      id: outcomeFollowUps.id,
      householdId: outcomeFollowUps.householdId,
      organisationId: outcomeFollowUps.organisationId,
    })
    .from(outcomeFollowUps)
    .where(inArray(outcomeFollowUps.householdId, households));
  const byFollowUp = new Map(followUps.map((f) => [f.id, f.organisationId]));
  const byHousehold = new Map(followUps.map((f) => [f.householdId, f.organisationId]));
  return new Map(
    rounds.map((r) => [
      r.id,
      (r.followUpId ? byFollowUp.get(r.followUpId) : undefined) ?? byHousehold.get(r.householdId!) ?? r.organisationId,
    ]),
  );
}

const alertColumns = {
  alert: outcomeAlerts,
  pcode: outcomeResponses.pcode,
  round: outcomeResponses.round,
  collectedOn: outcomeResponses.collectedOn,
};

/** The organisation's alerts: open first, then referred, then closed; oldest first within each. */
export async function listAlerts(ctx: RequestContext, query: z.infer<typeof AlertListQuery>): Promise<AlertPage> {
  const actor = authorize(ctx, 'alert:handle');
  const conditions: SQL[] = [eq(outcomeAlerts.organisationId, actor.organisationId)];
  if (query.kind) conditions.push(eq(outcomeAlerts.kind, query.kind));
  if (query.status) conditions.push(eq(outcomeAlerts.status, query.status));
  if (query.pcode) conditions.push(sql`starts_with(${outcomeResponses.pcode}, ${query.pcode})`);
  const where = and(...conditions)!;
  const rows = await ctx.db
    .select({ ...alertColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(outcomeAlerts)
    .innerJoin(outcomeResponses, eq(outcomeResponses.id, outcomeAlerts.responseId))
    .where(where)
    .orderBy(
      sql`case ${outcomeAlerts.status} when 'open' then 0 when 'referred' then 1 else 2 end`,
      asc(outcomeAlerts.raisedAt),
      asc(outcomeAlerts.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const references = await householdReferences(
    ctx.db,
    rows.map((row) => row.alert.householdId),
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => presentAlert(row.alert, row, references.get(row.alert.householdId) ?? null)),
  };
}

/** One alert of the organisation, or 404. */
export async function findAlert(db: Database, actor: Actor, alertId: string, lock = false) {
  const query = db
    .select(alertColumns)
    .from(outcomeAlerts)
    .innerJoin(outcomeResponses, eq(outcomeResponses.id, outcomeAlerts.responseId))
    .where(and(eq(outcomeAlerts.id, alertId), eq(outcomeAlerts.organisationId, actor.organisationId)));
  const [row] = lock ? await query.for('update', { of: outcomeAlerts }) : await query;
  if (!row) throw outcomeNotFound('outcome_alert');
  return row;
}

/** A household's returnee rounds with their scores, earliest first. */
export async function householdRounds(db: Database, householdId: string) {
  return db
    .select({
      id: outcomeResponses.id,
      round: outcomeResponses.round,
      collectedOn: outcomeResponses.collectedOn,
      indicators: outcomeResponses.indicators,
      ...scoreColumns,
    })
    .from(outcomeResponses)
    .where(and(eq(outcomeResponses.householdId, householdId), eq(outcomeResponses.population, 'returnee')))
    .orderBy(asc(outcomeResponses.round), asc(outcomeResponses.collectedOn));
}

/** An alert with the household's scores round by round (the read is access-logged) and its referral consents. */
export async function readAlert(ctx: RequestContext, alertId: string): Promise<AlertView> {
  const actor = authorize(ctx, 'alert:handle');
  return inTransaction(ctx.db, async (tx) => {
    const row = await findAlert(tx, actor, alertId);
    const householdId = row.alert.householdId;
    const [rounds, references, consents] = await Promise.all([
      householdRounds(tx, householdId),
      householdReferences(tx, [householdId]),
      standingConsents(tx, householdId, 'service_referral'),
    ]);
    await recordAccess(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      recordType: 'outcome_response',
      recordId: rounds.map((round) => round.id),
      purpose: 'post_return_monitoring',
    });
    return {
      ...presentAlert(row.alert, row, references.get(householdId) ?? null),
      rounds: rounds.map(presentRound),
      referralConsents: consents.map((consent) => ({ id: consent.id, givenOn: consent.givenOn })),
    };
  });
}

/** Closes an open or referred alert with a reason; closing twice is a conflict. */
export async function closeAlert(
  ctx: RequestContext,
  alertId: string,
  input: z.infer<typeof CloseAlertRequest>,
  now = new Date(),
): Promise<AlertView> {
  const actor = authorize(ctx, 'alert:handle');
  await inTransaction(ctx.db, async (tx) => {
    const row = await findAlert(tx, actor, alertId, true);
    if (row.alert.status === 'closed') throw conflict('alert_closed');
    await tx
      .update(outcomeAlerts)
      .set({ status: 'closed', closedAt: now, closedBy: actor.userId, closeReason: input.reason })
      .where(eq(outcomeAlerts.id, alertId));
    await appendAudit(tx, {
      type: 'outcomes.alert_closed',
      actor: { userId: actor.userId, organisationId: actor.organisationId },
      subject: `household:${row.alert.householdId}`,
      details: { alertId, reason: input.reason satisfies AlertCloseReason },
    });
  });
  return readAlert(ctx, alertId);
}
