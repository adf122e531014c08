import { REFERRAL_OPEN_STATUSES } from '../../../shared/outcomes/alert-constants.ts';
import type { ReferralService, ReferralStatus } from '../../../shared/outcomes/constants.ts';
import type { ReferralView } from '../../../shared/outcomes/schemas/referrals.ts';
import type { outcomeReferrals } from '../tables.ts';

type ReferralRow = typeof outcomeReferrals.$inferSelect;

/**
 * A referral as either organisation sees it: the household's reference, the service, the due date, the notes,
 * the steps; overdue when still open after its due date.
 */
export function presentReferral(
  row: { referral: ReferralRow; fromOrganisation: string | null; toOrganisation: string | null },
  opened: { reference: string | null; note: string | null; updates: ReferralView['updates']; today: string },
): ReferralView {
  const { referral } = row;
  const status = referral.status as ReferralStatus;
  return {
    id: referral.id,
    householdId: referral.householdId,
    reference: opened.reference,
    alertId: referral.alertId,
    service: referral.service as ReferralService,
    fromOrganisationId: referral.fromOrganisationId,
    fromOrganisation: row.fromOrganisation ?? '',
    toOrganisationId: referral.toOrganisationId,
    toOrganisation: row.toOrganisation ?? '',
    dueOn: referral.dueOn,
    status,
    overdue: (REFERRAL_OPEN_STATUSES as readonly string[]).includes(status) && referral.dueOn < opened.today,
    note: opened.note,
    createdAt: referral.createdAt.toISOString(),
    closedAt: referral.closedAt?.toISOString() ?? null,
    updates: opened.updates,
  };
}
