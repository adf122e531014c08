import { and, asc, eq, inArray } from 'drizzle-orm';
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
import { findUserById, membershipsOf, membershipsOfUsers, type UserRow } from './directory.ts';
import { presentOrganisation, presentUser } from './presenter.ts';
import {
  createOrganisation,
  createUser,
  findOrganisationById,
  findOrganisationByName,
  isUniqueViolation,
} from './provisioning.ts';
import { memberships, organisations, users } from './schema.ts';

/**
 * The administration of organisations and accounts, for the administration screens. Every function
 * authorizes first. Administrators acting for a monitoring centre administer the whole mechanism; an
 * administrator of any other organisation administers that organisation's memberships only, and a person
 * outside their reach is "not found". What would widen an organisation's reach (its kind, its home state, the
 * auditor role) and what acts on a whole account rather than one membership are for the monitoring centre
 * (see docs/access.md).
 */
type Scope = { everywhere: true } | { everywhere: false; organisationId: string };

const auditActor = (actor: Actor) => ({ userId: actor.userId, organisationId: actor.organisationId });

async function scopeOf(ctx: RequestContext, actor: Actor): Promise<Scope> {
  const organisation = await findOrganisationById(ctx.db, actor.organisationId);
  return organisation?.kind === 'monitoring_centre'
    ? { everywhere: true }
    : { everywhere: false, organisationId: actor.organisationId };
}

const reaches = (scope: Scope, organisationId: string) => scope.everywhere || scope.organisationId === organisationId;

function requireReach(scope: Scope, organisationId: string): void {
  if (!reaches(scope, organisationId))
    throw new AppError('forbidden', { params: { reason: 'mechanism_administration' } });
}

/**
 * The fields that decide how far an organisation reaches: a monitoring centre's kind gives mechanism-wide
 * reach, and the home state is the distribution key that places its data. An organisation may not set them
 * for itself.
 */
const REACH_FIELDS = ['kind', 'homeState'] as const;

/** The auditor role reads every organisation's log details, so only the monitoring centre grants it. */
function requireGrantable(scope: Scope, roles: readonly string[]): void {
  if (!scope.everywhere && roles.includes('auditor'))
    throw new AppError('forbidden', { params: { reason: 'auditor_role' } });
}

/**
 * Deactivating, reactivating or resetting the two-factor of an account acts in every organisation the person
 * belongs to, so the caller must administer each of them (or act for a monitoring centre). They may still
 * remove the person's membership of their own organisation.
 */
async function requireWholeAccount(ctx: RequestContext, scope: Scope, actor: Actor, userId: string): Promise<void> {
  if (scope.everywhere) return;
  const administered = new Set(
    actor.memberships.filter((m) => m.roles.includes('administrator')).map((m) => m.organisationId),
  );
  const held = await membershipsOf(ctx.db, userId);
  if (held.some((m) => !administered.has(m.organisation.id)))
    throw new AppError('forbidden', { params: { reason: 'whole_account' } });
}

/** The person, when the caller may administer them (a membership within reach); otherwise "not found". */
async function reachableUser(ctx: RequestContext, scope: Scope, userId: string): Promise<UserRow> {
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
