import type { AppealOutcome, CaseStage, DecisionKind } from '../../../shared/cases/constants.ts';
import type { Appeal, AppealableDecision, PublicCaseStatus } from '../../../shared/cases/schemas.ts';
import type { caseAppeals, caseDecisions } from '../tables.ts';

export type DecisionRow = typeof caseDecisions.$inferSelect;
export interface AppealRow {
  appeal: typeof caseAppeals.$inferSelect;
  reference: string;
  decision: DecisionRow;
  decidingName: string | null;
  reviewerName: string | null;
}

/** Whether something due on `dueOn` is late on `now`'s day (UTC). */
export const isOverdue = (dueOn: string, now: Date): boolean => dueOn < now.toISOString().slice(0, 10);

/** An appeal with its grounds and written outcome, opened by the caller (who logged the access). */
export function presentAppeal(row: AppealRow, texts: { grounds: string; reasons: string | null }, now: Date): Appeal {
  const { appeal, decision } = row;
  return {
    id: appeal.id,
    householdId: appeal.householdId,
    reference: row.reference,
    decision: {
      id: decision.id,
      kind: decision.kind as DecisionKind,
      outcome: decision.outcome,
      organisationId: decision.organisationId,
      organisationName: row.decidingName,
      decidedAt: decision.decidedAt?.toISOString() ?? null,
    },
    lodgedBy: appeal.lodgedBy as Appeal['lodgedBy'],
    lodgedAt: appeal.lodgedAt.toISOString(),
    grounds: texts.grounds,
    reviewerOrganisationId: appeal.reviewerOrganisationId,
    reviewerOrganisationName: row.reviewerName,
    dueOn: appeal.dueOn,
    overdue: appeal.status === 'pending' && isOverdue(appeal.dueOn, now),
    status: appeal.status as Appeal['status'],
    outcome: appeal.outcome as AppealOutcome | null,
    reasons: texts.reasons,
    decidedAt: appeal.decidedAt?.toISOString() ?? null,
  };
}

/** A decision as the appeals section lists it; `underAppeal` holds the decisions with a pending appeal. */
export function presentAppealableDecision(
  decision: DecisionRow,
  organisationName: string | null,
  underAppeal: ReadonlySet<string>,
): AppealableDecision {
  return {
    id: decision.id,
    kind: decision.kind as DecisionKind,
    status: decision.status as AppealableDecision['status'],
    outcome: decision.outcome,
    organisationId: decision.organisationId,
    organisationName,
    decidedAt: decision.decidedAt?.toISOString() ?? null,
    appealable: decision.status === 'decided' && !underAppeal.has(decision.id),
  };
}

/** What the public status page shows of a case: its stage, what is due next, and nothing about anyone. */
export function presentPublicStatus(
  household: { reference: string; stage: string },
  next: { kind: string; dueOn: string } | undefined,
  appeal: { dueOn: string } | undefined,
  appealable: boolean,
  now: Date,
): PublicCaseStatus {
  return {
    reference: household.reference,
    stage: household.stage as CaseStage,
    nextDecision: next
      ? { kind: next.kind as DecisionKind, dueOn: next.dueOn, overdue: isOverdue(next.dueOn, now) }
      : null,
    appeal: appeal ? { dueOn: appeal.dueOn, overdue: isOverdue(appeal.dueOn, now) } : null,
    appealable,
  };
}
