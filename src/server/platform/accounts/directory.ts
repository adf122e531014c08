import { and, asc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ROLES_REQUIRING_TOTP, type Role } from '../../../shared/vocabulary.ts';
import type { Database } from '../db/client.ts';
import { memberships, organisations, users } from './schema.ts';

/**
 * Reads (and the credential writes) on the accounts tables that the auth module needs. Accounts owns these
 * tables; nothing outside the two modules reaches them except through these functions and service.ts.
 */
export type UserRow = typeof users.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** Email addresses are compared trimmed and lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row;
}

export async function findUserById(db: Database, userId: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

export interface MembershipView {
  membershipId: string;
  role: Role;
  organisation: Pick<OrganisationRow, 'id' | 'name' | 'kind' | 'homeState'>;
}

/** A person's memberships in active organisations, ordered by organisation name then role. */
export async function membershipsOf(db: Database, userId: string): Promise<MembershipView[]> {
  return (await membershipsOfUsers(db, [userId])).get(userId) ?? [];
}

/**
 * membershipsOf as an expression on a user id column, in the same order, so that a caller reads a person's
 * memberships in its own statement (the session lookup on every staff request).
 */
export function membershipsOfColumn(userId: AnyPgColumn): SQL<MembershipView[]> {
  return sql`coalesce((select json_agg(json_build_object('membershipId', ${memberships.id}, 'role', ${memberships.role},
      'organisation', json_build_object('id', ${organisations.id}, 'name', ${organisations.name},
        'kind', ${organisations.kind}, 'homeState', ${organisations.homeState}))
      order by ${organisations.name}, ${memberships.role})
    from ${memberships} join ${organisations} on ${organisations.id} = ${memberships.organisationId}
    where ${memberships.userId} = ${userId} and ${organisations.active}), '[]'::json)`.mapWith((value: unknown) =>
    typeof value === 'string' ? JSON.parse(value) : value,
  );
}

/**
 * An organisation's name as an expression on an organisation id column (null when there is none), so that
 * another module's list reads the names in its own statement without reaching into the accounts tables.
 */
export function organisationNameOf(organisationId: AnyPgColumn): SQL<string | null> {
  return sql<
    string | null
  >`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${organisationId})`;
}

/** Memberships of several people at once, by user id (for lists). */
export async function membershipsOfUsers(db: Database, userIds: string[]): Promise<Map<string, MembershipView[]>> {
  const byUser = new Map<string, MembershipView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: memberships.userId,
      membershipId: memberships.id,
      role: memberships.role,
      organisation: {
        id: organisations.id,
        name: organisations.name,
        kind: organisations.kind,
        homeState: organisations.homeState,
      },
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(inArray(memberships.userId, userIds), eq(organisations.active, true)))
    .orderBy(asc(organisations.name), asc(memberships.role));
  for (const { userId, ...membership } of rows) {
    const list = byUser.get(userId);
    if (list) list.push(membership);
    else byUser.set(userId, [membership]);
  }
  return byUser;
}

/** Memberships grouped by organisation, in the order given. */
export function rolesByOrganisation(rows: MembershipView[]): { organisationId: string; roles: Role[] }[] {
  const grouped = new Map<string, Role[]>();
  for (const row of rows) grouped.set(row.organisation.id, [...(grouped.get(row.organisation.id) ?? []), row.role]);
  return [...grouped].map(([organisationId, roles]) => ({ organisationId, roles }));
}

/** Whether any of these roles sees personal data, so that the account must use two-factor sign-in. */
export const rolesRequireTotp = (roles: readonly Role[]): boolean =>
  roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));

export async function setPassword(
  db: Database,
  userId: string,
  passwordHash: string,
  { changeRequired }: { changeRequired: boolean },
): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangeRequired: changeRequired }).where(eq(users.id, userId));
}

/** Starts (or restarts) enrolment: a new encrypted secret that is not in force until confirmed. */
export async function setPendingTotpSecret(db: Database, userId: string, envelope: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: envelope, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)));
}

/**
 * Records that a code of time step `step` was used, only if no code of that step or a later one was used
 * before: false means a replay (also under concurrent requests, as the check and the write are one statement).
 */
export async function acceptTotpStep(db: Database, userId: string, step: number, enableAt?: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, ...(enableAt ? { totpEnabledAt: enableAt } : {}) })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Active organisations where an active account holds `role`, by name: who can act on a kind of work (the
 * organisations whose verifiers may decide an observation, for instance).
 */
export async function organisationsWithRole(db: Database, role: Role): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, role), eq(organisations.active, true), eq(users.active, true)))
    .orderBy(asc(organisations.name));
}

/**
 * The active people of an organisation who hold one of `roles` there, by name, each with the roles they hold
 * among those: whom a module may give a piece of work to (the gateway's assignee picker).
 */
export async function accountsWithRoles(
  db: Database,
  organisationId: string,
  roles: readonly Role[],
): Promise<{ id: string; name: string; roles: Role[] }[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .select({ id: users.id, name: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, [...roles]),
        eq(users.active, true),
        eq(organisations.active, true),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  const byId = new Map<string, { id: string; name: string; roles: Role[] }>();
  for (const row of rows) {
    const person = byId.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    person.roles.push(row.role);
    byId.set(row.id, person);
  }
  return [...byId.values()];
}

/** People's display names by id (for a history that says who did what); unknown ids are left out. */
export async function displayNamesOf(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Organisations by id (the active and the inactive), for a module that names or checks the ones it was given. */
export async function organisationsByIds(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string; kind: OrganisationRow['kind']; homeState: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      homeState: organisations.homeState,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
