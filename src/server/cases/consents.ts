import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, RecordConsentRequest, WithdrawConsentRequest } from '../../shared/cases/schemas.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { RequestContext } from '../platform/context.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { authorize } from '../platform/policy/policy.ts';
import { reachableHousehold } from './access.ts';
import './events.ts';
import { auditActor, ownedHousehold } from './households.ts';
import { presentConsent } from './presenters/households.ts';
import { endSharesFor } from './shares.ts';
import { caseConsents, casePeople } from './tables.ts';

/**
 * Consent per person and purpose: recorded by the organisation that registered the household, withdrawn by
 * whoever the person tells. A withdrawal ends at once every share of the household for that purpose: the
 * recipient's reach already stops (access.ts checks consent on every read), and the share is closed for good
 * so that a later consent does not silently reopen it.
 */
export async function recordConsent(
  ctx: RequestContext,
  householdId: string,
  input: z.infer<typeof RecordConsentRequest>,
  now = new Date(),
): Promise<Consent> {
  const actor = authorize(ctx, 'case:counsel');
  const household = await ownedHousehold(ctx, actor, householdId);
  if (input.givenOn > now.toISOString().slice(0, 10)) throw conflict('consent_in_future');
  return inTransaction(ctx.db, async (tx) => {
    const [person] = await tx
      .select({ id: casePeople.id })
      .from(casePeople)
      .where(and(eq(casePeople.id, input.personId), eq(casePeople.householdId, household.id)));
    if (!person) throw notFound('person');
    const [standing] = await tx
      .select({ id: caseConsents.id })
      .from(caseConsents)
      .where(
        and(
          eq(caseConsents.personId, person.id),
          eq(caseConsents.purpose, input.purpose),
          isNull(caseConsents.withdrawnAt),
        ),
      );
    if (standing) throw conflict('consent_exists');
    const [row] = await tx
      .insert(caseConsents)
      .values({
        personId: person.id,
        householdId: household.id,
        purpose: input.purpose,
        givenOn: input.givenOn,
        channel: input.channel,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning();
    await appendAudit(tx, {
      type: 'cases.consent_recorded',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        personId: person.id,
        consentId: row!.id,
        purpose: input.purpose,
      },
    });
    return presentConsent(row!);
  });
}

export async function withdrawConsent(
  ctx: RequestContext,
  householdId: string,
  consentId: string,
  input: z.infer<typeof WithdrawConsentRequest>,
  now = new Date(),
): Promise<Consent> {
  const actor = authorize(ctx, 'case:counsel');
  const household = await reachableHousehold(ctx, householdId);
  return inTransaction(ctx.db, async (tx) => {
    const [consent] = await tx
      .select()
      .from(caseConsents)
      .where(and(eq(caseConsents.id, consentId), eq(caseConsents.householdId, household.id)))
      .for('update');
    if (!consent) throw notFound('consent');
    if (consent.withdrawnAt) throw conflict('consent_withdrawn');
    const [row] = await tx
      .update(caseConsents)
      .set({ withdrawnAt: now, withdrawnChannel: input.channel, withdrawnBy: actor.userId })
      .where(eq(caseConsents.id, consent.id))
      .returning();
    await appendAudit(tx, {
      type: 'cases.consent_withdrawn',
      actor: auditActor(actor),
      subject: `household:${household.id}`,
      details: {
        householdId: household.id,
        reference: household.reference,
        personId: consent.personId,
        consentId: consent.id,
        purpose: consent.purpose as Consent['purpose'],
      },
    });
    await endSharesFor(tx, actor, household, consent.purpose as Consent['purpose'], 'consent_withdrawn', now);
    return presentConsent(row!);
  });
}
