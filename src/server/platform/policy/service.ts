import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Agreement, AgreementListQuery, CreateAgreementRequest } from '../../../shared/agreements.ts';
import type { OrganisationRow } from '../accounts/directory.ts';
import { findOrganisationById } from '../accounts/provisioning.ts';
import { organisations } from '../accounts/schema.ts';
import { appendAudit } from '../audit/log.ts';
import type { Actor, RequestContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { AppError, conflict, type FieldError, notFound } from '../http/errors.ts';
import { authorize } from './policy.ts';
import { type AgreementRow, presentAgreement } from './presenter.ts';
import './problems.ts';
import { dataSharingAgreements as agreements } from './schema.ts';

/**
 * Data-sharing agreements. Only the organisation that owns the data records an agreement giving it to
 * another; either party may revoke it. An agreement is visible to its two parties, and to a monitoring centre,
 * which oversees the mechanism; to anyone else it does not exist.
 */

const auditActor = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId });

async function overseesMechanism(db: Database, actor: Actor): Promise<boolean> {
  return (await findOrganisationById(db, actor.organisationId))?.kind === 'monitoring_centre';
}

const involves = (organisationId: string) =>
  or(eq(agreements.fromOrganisationId, organisationId), eq(agreements.toOrganisationId, organisationId));

async function namesOf(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function present(db: Database, rows: AgreementRow[], now: Date): Promise<Agreement[]> {
  const names = await namesOf(
    db,
    rows.flatMap((row) => [row.fromOrganisationId, row.toOrganisationId]),
  );
  return rows.map((row) => presentAgreement(row, names, now));
}

const statusFilter: Record<NonNullable<z.infer<typeof AgreementListQuery>['status']>, SQL> = {
  active: and(isNull(agreements.revokedAt), gt(agreements.expiresAt, sql`now()`))!,
  expired: and(isNull(agreements.revokedAt), lte(agreements.expiresAt, sql`now()`))!,
  revoked: isNotNull(agreements.revokedAt),
};

export async function listAgreements(
  ctx: RequestContext,
  query: z.infer<typeof AgreementListQuery> = {},
): Promise<Agreement[]> {
  const actor = authorize(ctx, 'agreement:read');
  const everywhere = await overseesMechanism(ctx.db, actor);
  const rows = await ctx.db
    .select()
    .from(agreements)
    .where(
      and(
        everywhere ? undefined : involves(actor.organisationId),
        query.status ? statusFilter[query.status] : undefined,
      ),
    )
    .orderBy(desc(agreements.createdAt), desc(agreements.id));
  return present(ctx.db, rows, new Date());
}

function fieldError(field: string, code: string, message: string): FieldError {
  return { field: `body.${field}`, code, message };
}

async function checkParty(db: Database, id: string, field: string): Promise<FieldError | OrganisationRow> {
  const organisation = await findOrganisationById(db, id);
  if (!organisation) return fieldError(field, 'unknown_organisation', 'No organisation has this id.');
  if (!organisation.active) return fieldError(field, 'inactive_organisation', 'This organisation is deactivated.');
  return organisation;
}

export async function createAgreement(ctx: RequestContext, input: CreateAgreementRequest): Promise<Agreement> {
  const actor = authorize(ctx, 'agreement:manage');
  const fromOrganisationId = input.fromOrganisationId ?? actor.organisationId;
  if (fromOrganisationId !== actor.organisationId) {
    throw new AppError('forbidden', { params: { reason: 'agreement_owner_only' } });
  }
  const now = new Date();
  const errors: FieldError[] = [];
  if (new Date(input.expiresAt).getTime() <= now.getTime()) {
    errors.push(fieldError('expiresAt', 'in_past', 'The expiry must be in the future.'));
  }
  if (input.toOrganisationId === fromOrganisationId) {
    errors.push(fieldError('toOrganisationId', 'same_organisation', 'An organisation cannot share with itself.'));
  } else {
    const party = await checkParty(ctx.db, input.toOrganisationId, 'toOrganisationId');
    if ('field' in party) errors.push(party);
  }
  if (errors.length > 0) throw new AppError('validation_failed', { errors });

  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(agreements)
      .values({
        fromOrganisationId,
        toOrganisationId: input.toOrganisationId,
        purpose: input.purpose,
        dataCategories: input.dataCategories,
        expiresAt: new Date(input.expiresAt),
        createdBy: actor.userId,
      })
      .returning();
    await appendAudit(tx, {
      type: 'agreement.created',
      actor: auditActor(actor),
      subject: `agreement:${created!.id}`,
      details: {
        agreementId: created!.id,
        fromOrganisationId,
        toOrganisationId: input.toOrganisationId,
        purpose: input.purpose,
        dataCategories: input.dataCategories,
        expiresAt: created!.expiresAt.toISOString(),
      },
    });
    return created!;
  });
  const [presented] = await present(ctx.db, [row], now);
  return presented!;
}

/** Either party may revoke; to anyone else the agreement is "not found". Revoking twice is a conflict. */
export async function revokeAgreement(ctx: RequestContext, agreementId: string): Promise<Agreement> {
  const actor = authorize(ctx, 'agreement:manage');
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(agreements)
      .where(and(eq(agreements.id, agreementId), involves(actor.organisationId)))
      .for('update');
    if (!current) throw notFound('agreement');
    if (current.revokedAt) throw conflict('agreement_already_revoked');
    const [revoked] = await tx
      .update(agreements)
      .set({ revokedAt: new Date(), revokedBy: actor.userId })
      .where(eq(agreements.id, agreementId))
      .returning();
    await appendAudit(tx, {
      type: 'agreement.revoked',
      actor: auditActor(actor),
      subject: `agreement:${agreementId}`,
      details: {
        agreementId,
        fromOrganisationId: current.fromOrganisationId,
        toOrganisationId: current.toOrganisationId,
      },
    });
    return revoked!;
  });
  const [presented] = await present(ctx.db, [row], new Date());
  return presented!;
}
