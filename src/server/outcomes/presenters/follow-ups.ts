import type { FollowUpMode, FollowUpStatus, HeadAgeGroup, LostReason } from '../../../shared/outcomes/constants.ts';
import type { FollowUp } from '../../../shared/outcomes/schemas/follow-ups.ts';
import type { outcomeFollowUps } from '../tables.ts';

/** A follow-up row with the names its list shows, read in the same statement. */
export type FollowUpRow = typeof outcomeFollowUps.$inferSelect & {
  reference: string | null;
  organisationName: string | null;
  assignedOrganisationName: string | null;
  assignedToName: string | null;
};

const OPEN: readonly string[] = ['due', 'assigned', 'retry'];

/** A follow-up as the API shows it to `organisationId` on `today`: never the link's code, only when it expires. */
export function presentFollowUp(
  row: FollowUpRow,
  viewer: { organisationId: string; today: string; maxAttempts: number },
): FollowUp {
  const open = OPEN.includes(row.status);
  return {
    id: row.id,
    householdId: row.householdId,
    reference: row.reference ?? '',
    organisationId: row.organisationId,
    organisationName: row.organisationName ?? '',
    assignedOrganisationId: row.assignedOrganisationId,
    assignedOrganisationName: row.assignedOrganisationName,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedToName,
    pcode: row.pcode,
    stateCode: row.stateCode,
    cohort: row.cohort,
    round: row.round,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatus,
    mode: row.mode as FollowUpMode | null,
    attempts: row.attempts,
    maxAttempts: viewer.maxAttempts,
    nextAttemptOn: row.nextAttemptOn,
    lostReason: row.lostReason as LostReason | null,
    overdue: open && row.dueOn < viewer.today,
    linkExpiresAt: open && row.linkTokenHash && row.linkExpiresAt ? row.linkExpiresAt.toISOString() : null,
    responseId: row.responseId,
    headSex: row.headSex,
    headAgeGroup: row.headAgeGroup as HeadAgeGroup,
    disability: row.disability,
    completedAt: row.completedAt?.toISOString() ?? null,
    owned: row.organisationId === viewer.organisationId,
    assigned: row.assignedOrganisationId === viewer.organisationId,
  };
}
