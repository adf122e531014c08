import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Share, ShareRecipient, ShareRequest } from '../../shared/cases/schemas.ts';
import type { SharingPurpose } from '../../shared/vocabulary.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, conflict, notFound } from '../platform/http/errors.ts';
import { authorize, findAgreementInForce, organisationsWithAgreementInForce } from '../platform/policy/policy.ts';
import type { HouseholdRow } from './access.ts';
import './events.ts';
import { auditActor, ownedHousehold } from './households.ts';
import { presentShare } from './presenters/households.ts';
import { caseConsents, casePeople, caseShares } from './tables.ts';

/**
 * Sharing a household's case with another organisation for one purpose. Only the owner shares, and only under
 * a data-sharing agreement in force from it to the recipient covering case data for that purpose, with every
 * member's standing consent for that purpose. access.ts checks the same on every read, so a revoked agreement
 * or a withdrawn consent ends the recipient's reach at once.
 */
export async function shareHousehold(
  ctx: RequestContext,
  householdId: string,
  input: z.infer<typeof ShareRequest>,
): Promise<Share> {
  const actor = authorize(ctx, 'case:share');
  const household = await ownedHousehold(ctx, actor, householdId);
  if (input.toOrganisationId === actor.organisationId) throw conflict('share_to_self');
  return inTransaction(ctx.db, async (tx) => {
    const agreementId = await findAgreementInForce(
      tx,
      household.organisationId,
      input.toOrganisationId,
      'case',
      input.purpose,
    );
    if (!agreementId) throw conflict('no_agreement');
    const [missing] = await tx
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(casePeople)
      .where(
        and(
          eq(casePeople.householdId, household.id),
          sql`not exists (select 1 from ${caseConsents} c where c.person_id = ${casePeople.id}
            and c.purpose = ${input.purpose} and c.withdrawn_at is null)`,
        ),
      );
    if ((missing?.count ?? 0) > 0) {
      throw new AppError('conflict', {
        params: { reason: 'consent_missing', count: missing!.count, purpose: input.purpose },
      });
    }
    const [active] = await tx
      .select({ id: caseShares.id })
      .from(caseShares)
      .where(
        and(
          eq(caseShares.householdId, household.id),
          eq(caseShares.toOrganisationId, input.toOrganisationId),
          eq(caseShares.purpose, input.purpose),
          isNull(caseShares.endedAt),
        ),
      );
    if (active) throw conflict('already_shared');
    const [row] = await tx
      .insert(caseShares)
      .values({
        householdId: household.id,
        toOrganisationId: input.toOrganisationId,
        purpose: input.purpose,
        agreementId,
        sharedBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, {
      type: 'cases.case_shared',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        shareId: row!.id,
        toOrganisationId: input.toOrganisationId,
        agreementId,
        purpose: input.purpose,
      },
    });
    return presentShare(row!);
  });
}

/**
 * Whom the actor's organisation may share a case with for `purpose`: the organisations it has a data-sharing
 * agreement in force with covering case data for that purpose (the same rule shareHousehold checks), never itself.
 */
export async function shareRecipients(ctx: RequestContext, purpose: SharingPurpose): Promise<ShareRecipient[]> {
  const actor = authorize(ctx, 'case:share');
  return organisationsWithAgreementInForce(ctx.db, actor.organisationId, 'case', purpose);
}

export async function endShare(ctx: RequestContext, householdId: string, shareId: string, now = new Date()) {
  const actor = authorize(ctx, 'case:share');
  const household = await ownedHousehold(ctx, actor, householdId, { closed: true });
  return inTransaction(ctx.db, async (tx) => {
    const [share] = await tx
      .select()
      .from(caseShares)
      .where(and(eq(caseShares.id, shareId), eq(caseShares.householdId, household.id)))
      .for('update');
    if (!share) throw notFound('share');
    if (share.endedAt) throw conflict('share_ended');
    const [row] = await tx
      .update(caseShares)
      .set({ endedAt: now, endedBy: actor.userId })
      .where(eq(caseShares.id, share.id))
      .returning();
    await logShareEnded(tx, actor, household, share.id, 'ended_by_owner');
    return presentShare(row!);
  });
}

/** Ends every open share of the household for `purpose` (a consent for it was withdrawn), each logged. */
export async function endSharesFor(
  tx: Database,
  actor: Actor,
  household: Pick<HouseholdRow, 'id' | 'reference'>,
  purpose: SharingPurpose,
  reason: string,
  now: Date,
): Promise<number> {
  const ended = await tx
    .update(caseShares)
    .set({ endedAt: now, endedBy: actor.userId })
    .where(and(eq(caseShares.householdId, household.id), eq(caseShares.purpose, purpose), isNull(caseShares.endedAt)))
    .returning({ id: caseShares.id });
  for (const share of ended) await logShareEnded(tx, actor, household, share.id, reason);
  return ended.length;
}

function logShareEnded(
  tx: Database,
  actor: Actor,
  household: Pick<HouseholdRow, 'id' | 'reference'>,
  shareId: string,
  reason: string,
) {
  return appendAudit(tx, {
    type: 'cases.share_ended',
    actor: auditActor(actor),
    subject: `household:${household.id}`,
    details: { householdId: household.id, reference: household.reference, shareId, reason },
  });
}
