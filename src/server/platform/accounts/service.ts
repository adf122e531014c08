import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreatedUser,
  CreateOrganisationRequest,
  CreateUserRequest,
  MembershipInput,
  Organisation,
  UpdateOrganisationRequest,
  UserSummary,
} from '../../../shared/accounts.ts';
import { appendAudit } from '../audit/log.ts';
import { endUserSessions } from '../auth/sessions.ts';
import type { Actor, RequestContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { AppError, conflict, notFound } from '../http/errors.ts';
import { authorize } from '../policy/policy.ts';
import { findUserById, membershipsOf, membershipsOfUsers } from './directory.ts';
import { presentOrganisation, presentUser } from './presenter.ts';
import {
  createOrganisation,
  createUser,
  findOrganisationById,
  findOrganisationByName,
  isUniqueViolation,
} from './provisioning.ts';
import {
  REACH_FIELDS,
  reachableUser,
  reaches,
  requireGrantable,
  requireReach,
  requireWholeAccount,
  scopeOf,
} from './reach.ts';
import { memberships, organisations, users } from './schema.ts';

/**
 * The administration of organisations and accounts, for the administration screens. Every function
 * authorizes first, then keeps to the caller's reach (reach.ts): a person outside it is "not found".
 */
const auditActor = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId });

async function presentUserById(db: Database, userId: string): Promise<UserSummary> {
  const user = (await findUserById(db, userId))!;
  return presentUser(user, await membershipsOf(db, userId));
}

// Organisations

export async function listOrganisations(ctx: RequestContext): Promise<Organisation[]> {
  authorize(ctx, 'organisation:read');
  const rows = await ctx.db.select().from(organisations).orderBy(asc(organisations.name));
  return rows.map(presentOrganisation);
}

export async function addOrganisation(
  ctx: RequestContext,
  input: z.infer<typeof CreateOrganisationRequest>,
): Promise<Organisation> {
  const actor = authorize(ctx, 'organisation:manage');
  const scope = await scopeOf(ctx, actor);
  if (!scope.everywhere) throw new AppError('forbidden', { params: { reason: 'mechanism_administration' } });
  return presentOrganisation(await createOrganisation(ctx.db, input, auditActor(actor)));
}

export async function updateOrganisation(
  ctx: RequestContext,
  organisationId: string,
  input: z.infer<typeof UpdateOrganisationRequest>,
): Promise<Organisation> {
  const actor = authorize(ctx, 'organisation:manage');
  const scope = await scopeOf(ctx, actor);
  const current = await findOrganisationById(ctx.db, organisationId);
  if (!current) throw notFound('organisation');
  requireReach(scope, organisationId);
  const changed = (['name', 'kind', 'homeState'] as const).filter(
    (field) => input[field] !== undefined && input[field] !== current[field],
  );
  const reach = REACH_FIELDS.filter((field) => changed.includes(field));
  if (reach.length > 0 && !scope.everywhere)
    throw new AppError('forbidden', { params: { reason: 'organisation_reach' } });
  if (changed.length === 0) return presentOrganisation(current);
  if (input.name !== undefined && changed.includes('name') && (await findOrganisationByName(ctx.db, input.name))) {
    throw conflict('organisation_name_taken');
  }
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(organisations)
        .set(Object.fromEntries(changed.map((field) => [field, input[field]])))
        .where(eq(organisations.id, organisationId))
        .returning();
      await appendAudit(tx, {
        type: 'account.organisation_updated',
        actor: auditActor(actor),
        subject: `organisation:${organisationId}`,
        details: {
          organisationId,
          changed,
          ...Object.fromEntries(reach.map((field) => [field, { from: current[field], to: row![field] }])),
        },
      });
      return row!;
    });
    return presentOrganisation(updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('organisation_name_taken');
    throw error;
  }
}

// People

export async function listUsers(ctx: RequestContext, filter: { organisationId?: string }): Promise<UserSummary[]> {
  const actor = authorize(ctx, 'user:read');
  const scope = await scopeOf(ctx, actor);
  if (filter.organisationId && !reaches(scope, filter.organisationId)) return [];
  const organisationId = filter.organisationId ?? (scope.everywhere ? undefined : scope.organisationId);
  const members = organisationId
    ? ctx.db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.organisationId, organisationId))
    : undefined;
  const rows = await ctx.db
    .select()
    .from(users)
    .where(members ? inArray(users.id, members) : undefined)
    .orderBy(asc(users.displayName), asc(users.email));
  const byUser = await membershipsOfUsers(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentUser(row, byUser.get(row.id) ?? []));
}

export async function getUser(ctx: RequestContext, userId: string): Promise<UserSummary> {
  const actor = authorize(ctx, 'user:read');
  const user = await reachableUser(ctx, await scopeOf(ctx, actor), userId);
  return presentUser(user, await membershipsOf(ctx.db, userId));
}

export async function addUser(
  ctx: RequestContext,
  input: z.infer<typeof CreateUserRequest>,
): Promise<z.infer<typeof CreatedUser>> {
  const actor = authorize(ctx, 'user:manage');
  const scope = await scopeOf(ctx, actor);
  for (const membership of input.memberships) requireReach(scope, membership.organisationId);
  requireGrantable(
    scope,
    input.memberships.map((m) => m.role),
  );
  const created = await createUser(ctx.db, ctx.platform.keyring, input, auditActor(actor));
  const user = await presentUserById(ctx.db, created.user.id);
  return created.oneTimePassword ? { user, oneTimePassword: created.oneTimePassword } : { user };
}

/** Sets a person's active flag; deactivation ends every session of theirs at once. */
async function setActive(ctx: RequestContext, userId: string, active: boolean): Promise<UserSummary> {
  const actor = authorize(ctx, 'user:manage');
  const scope = await scopeOf(ctx, actor);
  const user = await reachableUser(ctx, scope, userId);
  if (user.id === actor.userId) throw conflict('own_account');
  await requireWholeAccount(ctx, scope, actor, userId);
  if (user.active !== active) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ active }).where(eq(users.id, userId));
      if (!active) await endUserSessions(tx, userId);
      await appendAudit(tx, {
        type: active ? 'account.user_reactivated' : 'account.user_deactivated',
        actor: auditActor(actor),
        subject: `user:${userId}`,
        details: { userId },
      });
    });
  }
  return presentUserById(ctx.db, userId);
}

export const deactivateUser = (ctx: RequestContext, userId: string) => setActive(ctx, userId, false);
export const reactivateUser = (ctx: RequestContext, userId: string) => setActive(ctx, userId, true);

/**
 * For a lost authenticator: removes the person's two-factor secret and ends their sessions. At the next
 * sign-in they enrol again (when a role requires it).
 */
export async function resetTwoFactor(ctx: RequestContext, userId: string): Promise<UserSummary> {
  const actor = authorize(ctx, 'user:manage');
  const scope = await scopeOf(ctx, actor);
  const user = await reachableUser(ctx, scope, userId);
  if (user.id === actor.userId) throw conflict('own_account');
  await requireWholeAccount(ctx, scope, actor, userId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId));
    await endUserSessions(tx, userId);
    await appendAudit(tx, {
      type: 'account.two_factor_reset',
      actor: auditActor(actor),
      subject: `user:${userId}`,
      details: { userId },
    });
  });
  return presentUserById(ctx.db, userId);
}

// Memberships

export async function addMembership(
  ctx: RequestContext,
  userId: string,
  input: z.infer<typeof MembershipInput>,
): Promise<UserSummary> {
  const actor = authorize(ctx, 'user:manage');
  const scope = await scopeOf(ctx, actor);
  await reachableUser(ctx, scope, userId);
  const organisation = await findOrganisationById(ctx.db, input.organisationId);
  if (!organisation?.active) throw notFound('organisation');
  requireReach(scope, organisation.id);
  requireGrantable(scope, [input.role]);
  try {
    await ctx.db.transaction(async (tx) => {
      const [membership] = await tx
        .insert(memberships)
        .values({ userId, organisationId: organisation.id, role: input.role })
        .returning();
      await appendAudit(tx, {
        type: 'account.membership_added',
        actor: auditActor(actor),
        subject: `user:${userId}`,
        details: { membershipId: membership!.id, userId, organisationId: organisation.id, role: input.role },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('membership_exists');
    throw error;
  }
  return presentUserById(ctx.db, userId);
}

export async function removeMembership(
  ctx: RequestContext,
  userId: string,
  membershipId: string,
): Promise<UserSummary> {
  const actor = authorize(ctx, 'user:manage');
  const scope = await scopeOf(ctx, actor);
  await reachableUser(ctx, scope, userId);
  const held = await ctx.db.select().from(memberships).where(eq(memberships.userId, userId));
  const membership = held.find((m) => m.id === membershipId);
  if (!membership || !reaches(scope, membership.organisationId)) throw notFound('membership');
  if (held.length === 1) throw conflict('last_membership');
  if (userId === actor.userId && membership.role === 'administrator') throw conflict('own_account');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await appendAudit(tx, {
      type: 'account.membership_removed',
      actor: auditActor(actor),
      subject: `user:${userId}`,
      details: { membershipId, userId, organisationId: membership.organisationId, role: membership.role },
    });
  });
  return presentUserById(ctx.db, userId);
}
