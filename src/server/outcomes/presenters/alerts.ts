import type { AlertCloseReason } from '../../../shared/outcomes/alert-constants.ts';
import type { AlertKind, AlertStatus } from '../../../shared/outcomes/constants.ts';
import type { AlertSummary, RoundScores } from '../../../shared/outcomes/schemas/alerts.ts';
import type { outcomeAlerts } from '../tables.ts';

type AlertRow = typeof outcomeAlerts.$inferSelect;

/** An alert as the queue shows it: codes, numbers, the household's reference; never an answer's text. */
export function presentAlert(
  alert: AlertRow,
  round: { pcode: string; round: number; collectedOn: string },
  reference: string | null,
): AlertSummary {
  return {
    id: alert.id,
    householdId: alert.householdId,
    reference,
    kind: alert.kind as AlertKind,
    detail: alert.detail,
    status: alert.status as AlertStatus,
    pcode: round.pcode,
    round: round.round,
    collectedOn: round.collectedOn,
    raisedAt: alert.raisedAt.toISOString(),
    closedAt: alert.closedAt?.toISOString() ?? null,
    closeReason: (alert.closeReason as AlertCloseReason | null) ?? null,
  };
}

/** Scores are stored as `real`: shown to the thousandth, as they were computed (not float4 noise). */
const score = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

export function presentRound(row: {
  id: string;
  round: number;
  collectedOn: string;
  economic: number | null;
  social: number | null;
  psychosocial: number | null;
  composite: number | null;
  familyUnity: number | null;
  servicesAccess: number | null;
}): RoundScores {
  return {
    responseId: row.id,
    round: row.round,
    collectedOn: row.collectedOn,
    economic: score(row.economic),
    social: score(row.social),
    psychosocial: score(row.psychosocial),
    composite: score(row.composite),
    familyUnity: score(row.familyUnity),
    servicesAccess: score(row.servicesAccess),
  };
}
