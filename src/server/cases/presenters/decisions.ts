import type { CaseStage, DecisionKind, DecisionStatus } from '../../../shared/cases/constants.ts';
import type { Decision, QueuedDecision } from '../../../shared/cases/schemas.ts';
import type { caseDecisions } from '../tables.ts';

type DecisionRow = typeof caseDecisions.$inferSelect;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A decision on the household page: overdue while pending past its due date. */
export const presentDecision = (
  row: DecisionRow,
  extra: {
    reference: string;
    organisationName: string | null;
    today: string;
    responsible: boolean;
    rationale: string | null;
  },
): Decision => ({
  id: row.id,
  householdId: row.householdId,
  reference: extra.reference,
  kind: row.kind as DecisionKind,
  organisationId: row.organisationId,
  organisationName: extra.organisationName,
  openedAt: row.openedAt.toISOString(),
  dueOn: row.dueOn,
  status: row.status as DecisionStatus,
  overdue: row.status === 'pending' && row.dueOn < extra.today,
  outcome: row.outcome,
  rationale: extra.rationale,
  eligibility: row.eligibility ?? null,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  responsible: extra.responsible,
});

/** A pending decision in a queue: the case by reference, never its people. */
export const presentQueuedDecision = (
  row: DecisionRow,
  extra: { reference: string; stage: string; organisationName: string | null; reachable: boolean; today: string },
): QueuedDecision => ({
  id: row.id,
  householdId: row.householdId,
  reference: extra.reference,
  kind: row.kind as DecisionKind,
  organisationId: row.organisationId,
  organisationName: extra.organisationName,
  stage: extra.stage as CaseStage,
  openedAt: row.openedAt.toISOString(),
  dueOn: row.dueOn,
  overdue: row.dueOn < extra.today,
  daysOverdue: Math.max(0, daysBetween(row.dueOn, extra.today)),
  reachable: extra.reachable,
});
