import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { REFERRAL_NEXT, REFERRAL_OPEN_STATUSES, type ReferralSide } from '../../shared/outcomes/alert-constants.ts';
import type { ReferralStatus } from '../../shared/outcomes/constants.ts';
import type {
  MakeReferralRequest,
  ReferralListQuery,
  ReferralPage,
  ReferralTarget,
  ReferralView,
  UpdateReferralRequest,
} from '../../shared/outcomes/schemas/referrals.ts';
import { consentStands, consentStandsCondition, householdReferences } from '../cases/consent-check.ts';
import { organisationNameOf } from '../platform/accounts/directory.ts';
import { recordAccess } from '../platform/audit/access.ts';
import { inTransaction } from '../platform/audit/head.ts';
import { appendAudit } from '../platform/audit/log.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError, conflict } from '../platform/http/errors.ts';
import {
  agreementInForce,
  authorize,
  can,
  findAgreementInForce,
  organisationsWithAgreementInForce,
} from '../platform/policy/policy.ts';
import { findAlert } from './alerts.ts';
import './events.ts';
import './permissions.ts';
import { presentReferral } from './presenters/referrals.ts';
import { outcomeNotFound } from './reach.ts';
import { outcomeAlerts, outcomeFollowUps, outcomeReferrals, outcomeReferralUpdates } from './tables.ts';

/**
 * Referrals of a returned household to a service. The household's organisation makes one only with (a) the
 * household's consent record for `service_referral`, standing (asked of the cases module), and (b) a data-sharing
 * agreement in force from it to the receiving organisation for `service_referral` covering `outcome` data. The
 * receiving organisation sees its referrals while both still hold (checked in the query, so a withdrawn consent or
 * a revoked agreement ends its view at the next read): the household's reference, the service, the due date and
 * the note, nothing else. It accepts or declines, then says whether the service was given, with an outcome note
 * the referring organisation reads. Notes are sealed (purpose `outcome`); every read of them is access-logged.
 */

const actorOf = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId });
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The organisations the actor's may refer to: those it has an agreement in force with for the purpose. */
export async function referralTargets(ctx: RequestContext): Promise<ReferralTarget[]> {
  const actor = authorize(ctx, 'referral:make');
  return organisationsWithAgreementInForce(ctx.db, actor.organisationId, 'outcome', 'service_referral');
}

export async function makeReferral(
  ctx: RequestContext,
  input: z.infer<typeof MakeReferralRequest>,
  now = new Date(),
): Promise<ReferralView> {
  const actor = authorize(ctx, 'referral:make');
  if (input.dueOn <= dayOf(now)) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.dueOn', code: 'not_in_future', message: 'The deadline must be after today.' }],
    });
  }
  const id = await inTransaction(ctx.db, async (tx) => {
    // The household must be one the organisation owns in outcome monitoring; any other is not found.
    const [followed] = await tx
      .select({ id: outcomeFollowUps.id })
      .from(outcomeFollowUps)
      .where(
        and(
          eq(outcomeFollowUps.householdId, input.householdId),
          eq(outcomeFollowUps.organisationId, actor.organisationId),
        ),
      )
      .limit(1);
    if (!followed) throw outcomeNotFound('outcome_household');
    if (input.alertId) {
      const alert = await findAlert(tx, actor, input.alertId, true);
      if (alert.alert.householdId !== input.householdId) throw outcomeNotFound('outcome_alert');
      if (alert.alert.status === 'closed') throw conflict('alert_closed');
    }
    if (input.toOrganisationId === actor.organisationId) throw conflict('referral_same_organisation');
    if (!(await consentStands(tx, input.householdId, input.consentId, 'service_referral'))) {
      throw conflict('referral_without_consent');
    }
    const agreementId = await findAgreementInForce(
      tx,
      actor.organisationId,
      input.toOrganisationId,
      'outcome',
      'service_referral',
    );
    if (!agreementId) throw conflict('referral_no_agreement');
    const noteEnc = input.note ? await ctx.platform.keyring.encrypt(tx, 'outcome', input.note) : null;
    const [row] = await tx
      .insert(outcomeReferrals)
      .values({
        alertId: input.alertId ?? null,
        householdId: input.householdId,
        fromOrganisationId: actor.organisationId,
        toOrganisationId: input.toOrganisationId,
        service: input.service,
        consentId: input.consentId,
        agreementId,
        dueOn: input.dueOn,
        status: 'sent',
        noteEnc,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: outcomeReferrals.id });
    await tx.insert(outcomeReferralUpdates).values({
      referralId: row!.id,
      status: 'sent',
      noteEnc: null,
      organisationId: actor.organisationId,
      by: actor.userId,
      at: now,
    });
    if (input.alertId) {
      await tx.update(outcomeAlerts).set({ status: 'referred' }).where(eq(outcomeAlerts.id, input.alertId));
    }
    await appendAudit(tx, {
      type: 'outcomes.referral_made',
      actor: actorOf(actor),
      subject: `household:${input.householdId}`,
      details: {
        referralId: row!.id,
        householdId: input.householdId,
        alertId: input.alertId ?? null,
        service: input.service,
        toOrganisationId: input.toOrganisationId,
        consentId: input.consentId,
        agreementId,
      },
    });
    return row!.id;
  });
  return readReferral(ctx, id, now);
}

/**
 * Which referrals the actor's organisation may see: those it sent, and those it received while the agreement
 * is in force and the household's consent stands.
 */
export function reachableReferrals(actor: Actor, side?: ReferralSide): SQL {
  const sent = eq(outcomeReferrals.fromOrganisationId, actor.organisationId);
  const received = sql`${eq(outcomeReferrals.toOrganisationId, actor.organisationId)}
    and ${agreementInForce(outcomeReferrals.fromOrganisationId, actor.organisationId, 'outcome', 'service_referral')}
    and ${consentStandsCondition(outcomeReferrals.consentId, 'service_referral')}`;
  if (side === 'sent') return sent;
  if (side === 'received') return received;
  return or(sent, received)!;
}

/** The side the actor may see a referral from, by permission: makers see what they sent, receivers what they got. */
function sidesOf(actor: Actor): ReferralSide[] {
  const sides: ReferralSide[] = [];
  if (can(actor, 'referral:make')) sides.push('sent');
  if (can(actor, 'referral:receive')) sides.push('received');
  return sides;
}

const referralColumns = {
  referral: outcomeReferrals,
  fromOrganisation: organisationNameOf(outcomeReferrals.fromOrganisationId),
  toOrganisation: organisationNameOf(outcomeReferrals.toOrganisationId),
};

/** Referrals with their steps, notes opened, and the reads access-logged. */
async function present(
  ctx: RequestContext,
  tx: Database,
  actor: Actor,
  rows: {
    referral: typeof outcomeReferrals.$inferSelect;
    fromOrganisation: string | null;
    toOrganisation: string | null;
  }[],
  now: Date,
): Promise<ReferralView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.referral.id);
  const [updates, references] = await Promise.all([
    tx
      .select()
      .from(outcomeReferralUpdates)
      .where(inArray(outcomeReferralUpdates.referralId, ids))
      .orderBy(asc(outcomeReferralUpdates.at), asc(outcomeReferralUpdates.id)),
    householdReferences(
      tx,
      rows.map((row) => row.referral.householdId),
    ),
  ]);
  const open = (envelope: string | null) =>
    envelope === null ? Promise.resolve(null) : ctx.platform.keyring.decrypt(tx, envelope, 'outcome');
  await recordAccess(tx, {
    actor: actorOf(actor),
    recordType: 'outcome_referral',
    recordId: ids,
    purpose: 'service_referral',
  });
  return Promise.all(
    rows.map(async (row) =>
      presentReferral(row, {
        reference: references.get(row.referral.householdId) ?? null,
        note: await open(row.referral.noteEnc),
        updates: await Promise.all(
          updates
            .filter((update) => update.referralId === row.referral.id)
            .map(async (update) => ({
              status: update.status as ReferralStatus,
              note: await open(update.noteEnc),
              at: update.at.toISOString(),
            })),
        ),
        today: dayOf(now),
      }),
    ),
  );
}

const overdue = (today: string) =>
  sql`${outcomeReferrals.dueOn} < ${today} and ${inArray(outcomeReferrals.status, [...REFERRAL_OPEN_STATUSES])}`;

/** The referrals the organisation sent or received, earliest due first. */
export async function listReferrals(
  ctx: RequestContext,
  query: z.infer<typeof ReferralListQuery>,
  now = new Date(),
): Promise<ReferralPage> {
  const signedIn = authorize(ctx, 'referral:receive');
  const side = query.side ?? (can(signedIn, 'referral:make') ? 'sent' : 'received');
  const actor = authorize(ctx, side === 'sent' ? 'referral:make' : 'referral:receive');
  const conditions: SQL[] = [reachableReferrals(actor, side)];
  if (query.status) conditions.push(eq(outcomeReferrals.status, query.status));
  if (query.overdue === 'true') conditions.push(overdue(dayOf(now)));
  if (query.overdue === 'false') conditions.push(sql`not (${overdue(dayOf(now))})`);
  return inTransaction(ctx.db, async (tx) => {
    const rows = await tx
      .select({ ...referralColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(outcomeReferrals)
      .where(and(...conditions))
      .orderBy(asc(outcomeReferrals.dueOn), asc(outcomeReferrals.createdAt), asc(outcomeReferrals.id))
      .limit(query.limit)
      .offset(query.offset);
    return { total: rows[0]?.total ?? 0, items: await present(ctx, tx, actor, rows, now) };
  });
}

async function findReferral(db: Database, actor: Actor, referralId: string, side?: ReferralSide, lock = false) {
  const sides = side ? [side] : sidesOf(actor);
  if (sides.length === 0) throw outcomeNotFound('outcome_referral');
  const query = db
    .select(referralColumns)
    .from(outcomeReferrals)
    .where(and(eq(outcomeReferrals.id, referralId), or(...sides.map((s) => reachableReferrals(actor, s)))));
  const [row] = lock ? await query.for('update', { of: outcomeReferrals }) : await query;
  if (!row) throw outcomeNotFound('outcome_referral');
  return row;
}

/** One referral the organisation sent or received, with its steps. */
export async function readReferral(ctx: RequestContext, referralId: string, now = new Date()): Promise<ReferralView> {
  // Whoever makes referrals also receives them: the makers see what they sent as well (sidesOf).
  const actor = authorize(ctx, 'referral:receive');
  return inTransaction(ctx.db, async (tx) => {
    const row = await findReferral(tx, actor, referralId);
    const [view] = await present(ctx, tx, actor, [row], now);
    return view!;
  });
}

/**
 * The receiving organisation's answer: accept or decline a sent referral, then complete it or not, each with an
 * optional note for the referring organisation.
 */
export async function updateReferral(
  ctx: RequestContext,
  referralId: string,
  input: z.infer<typeof UpdateReferralRequest>,
  now = new Date(),
): Promise<ReferralView> {
  const actor = authorize(ctx, 'referral:receive');
  await inTransaction(ctx.db, async (tx) => {
    const { referral } = await findReferral(tx, actor, referralId, 'received', true);
    const allowed: readonly string[] = REFERRAL_NEXT[referral.status as ReferralStatus];
    if (!allowed.includes(input.status)) {
      throw new AppError('conflict', {
        params: { reason: allowed.length === 0 ? 'referral_closed' : 'referral_step_out_of_order' },
      });
    }
    const closes = input.status !== 'accepted';
    await tx
      .update(outcomeReferrals)
      .set({ status: input.status, updatedAt: now, ...(closes ? { closedAt: now } : {}) })
      .where(eq(outcomeReferrals.id, referral.id));
    await tx.insert(outcomeReferralUpdates).values({
      referralId: referral.id,
      status: input.status,
      noteEnc: input.note ? await ctx.platform.keyring.encrypt(tx, 'outcome', input.note) : null,
      organisationId: actor.organisationId,
      by: actor.userId,
      at: now,
    });
    await appendAudit(tx, {
      type: 'outcomes.referral_updated',
      actor: actorOf(actor),
      subject: `household:${referral.householdId}`,
      details: { referralId: referral.id, status: input.status },
    });
  });
  return readReferral(ctx, referralId, now);
}

/** The referrals a household's organisation sent about it (for the household timeline), newest first. */
export async function householdReferrals(
  ctx: RequestContext,
  tx: Database,
  actor: Actor,
  householdId: string,
  now: Date,
): Promise<ReferralView[]> {
  const rows = await tx
    .select(referralColumns)
    .from(outcomeReferrals)
    .where(and(eq(outcomeReferrals.householdId, householdId), reachableReferrals(actor, 'sent')))
    .orderBy(desc(outcomeReferrals.createdAt));
  return present(ctx, tx, actor, rows, now);
}
