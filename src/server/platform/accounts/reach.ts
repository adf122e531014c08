import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/vocabulary.ts';
import type { Actor, RequestContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { findUserById, membershipsOf, type UserRow } from './directory.ts';
import { findOrganisationById } from './provisioning.ts';
import './problems.ts';
import { memberships } from './schema.ts';

/**
 * How far an administrator reaches. Acting for a monitoring centre, the whole mechanism; acting for any other
 * organisation, that organisation's memberships only. Nothing an administrator can do widens this: the fields
 * and the role that would (an organisation's kind and home state, the auditor role) and the actions that reach
 * past one membership (those on a whole account) are the monitoring centre's. See docs/access.md.
 */
export type Scope = { everywhere: true } | { everywhere: false; organisationId: string };

export async function scopeOf(ctx: RequestContext, actor: Actor): Promise<Scope> {
  const organisation = await findOrganisationById(ctx.db, actor.organisationId);
  return organisation?.kind === 'monitoring_centre'
    ? { everywhere: true }
    : { everywhere: false, organisationId: actor.organisationId };
}

export const reaches = (scope: Scope, organisationId: string) =>
  scope.everywhere || scope.organisationId === organisationId;

export function requireReach(scope: Scope, organisationId: string): void {
  if (!reaches(scope, organisationId))
    throw new AppError('forbidden', { params: { reason: 'mechanism_administration' } });
}

/**
 * The fields that decide how far an organisation reaches: a monitoring centre's kind gives mechanism-wide
 * reach, and the home state is the distribution key that places its data. An organisation may not set them
 * for itself.
 */
export const REACH_FIELDS = ['kind', 'homeState'] as const;

/** The auditor role reads every organisation's log details, so only the monitoring centre grants it. */
export function requireGrantable(scope: Scope, roles: readonly Role[]): void {
  if (!scope.everywhere && roles.includes('auditor'))
    throw new AppError('forbidden', { params: { reason: 'auditor_role' } });
}

/**
 * Deactivating, reactivating or resetting the two-factor of an account acts in every organisation the person
 * belongs to, so the caller must administer each of them (or act for a monitoring centre). They may still
 * remove the person's membership of their own organisation.
 */
export async function requireWholeAccount(
  ctx: RequestContext,
  scope: Scope,
  actor: Actor,
  userId: string,
): Promise<void> {
  if (scope.everywhere) return;
  const administered = new Set(
    actor.memberships.filter((m) => m.roles.includes('administrator')).map((m) => m.organisationId),
  );
  const held = await membershipsOf(ctx.db, userId);
  if (held.some((m) => !administered.has(m.organisation.id)))
    throw new AppError('forbidden', { params: { reason: 'whole_account' } });
}

/** The person, when the caller may administer them (a membership within reach); otherwise "not found". */
export async function reachableUser(ctx: RequestContext, scope: Scope, userId: string): Promise<UserRow> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('user');
  if (scope.everywhere) return user;
  const rows = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, scope.organisationId)));
  if (rows.length === 0) throw notFound('user');
  return user;
}
