import {
  type MembershipView,
  membershipsOf,
  rolesByOrganisation,
  rolesRequireTotp,
  type UserRow,
} from '../accounts/directory.ts';
import type { Actor } from '../context.ts';
import type { Database } from '../db/client.ts';
import type { RequestAuth } from './request-auth.ts';
import {
  endSession,
  findSessionWithAccount,
  isExpired,
  type SessionLifetimes,
  type SessionRow,
  setSessionOrganisation,
  setSessionStage,
  touchSession,
} from './sessions.ts';
import { type AccountStanding, nextStage } from './stages.ts';
import { isWellFormedToken } from './tokens.ts';

/** A person's account as sign-in sees it: the user row, memberships in active organisations, standing. */
export interface Account {
  user: UserRow;
  memberships: MembershipView[];
  standing: AccountStanding;
}

export async function loadAccount(db: Database, user: UserRow): Promise<Account> {
  return accountOf(user, await membershipsOf(db, user.id));
}

function accountOf(user: UserRow, memberships: MembershipView[]): Account {
  return {
    user,
    memberships,
    standing: {
      totpEnabled: user.totpEnabledAt !== null,
      totpRequired: rolesRequireTotp(memberships.map((m) => m.role)),
      passwordChangeRequired: user.passwordChangeRequired,
    },
  };
}

/** The actor of an active session, in the session's organisation (or the first one, if it was left). */
export function actorOf(session: SessionRow, memberships: MembershipView[]): Actor {
  const grouped = rolesByOrganisation(memberships);
  const active = grouped.find((m) => m.organisationId === session.organisationId) ?? grouped[0]!;
  return {
    userId: session.userId,
    sessionId: session.id,
    organisationId: active.organisationId,
    roles: active.roles,
    memberships: grouped,
  };
}

/**
 * Resolves a session cookie. Never throws for a bad cookie: anything that is not a live session of an
 * active account with at least one membership is `expired`, and a dead session row is removed.
 */
export async function resolveSession(
  db: Database,
  lifetimes: SessionLifetimes,
  token: string | undefined,
  now: Date,
): Promise<{ auth: RequestAuth; actor: Actor | null }> {
  if (token === undefined) return { auth: { state: 'anonymous' }, actor: null };
  const expired = { auth: { state: 'expired' } as const, actor: null };
  if (!isWellFormedToken(token)) return expired;
  const found = await findSessionWithAccount(db, token);
  if (!found) return expired;
  const { session, user } = found;
  const account = !isExpired(session, lifetimes, now) && user?.active ? accountOf(user, found.memberships) : undefined;
  if (!account || account.memberships.length === 0) {
    await endSession(db, session.id);
    return expired;
  }

  // A role that needs two-factor may have been granted, or a one-time password set, since this sign-in.
  const stage = session.stage === 'totp' ? 'totp' : nextStage(account.standing, true);
  if (stage !== session.stage) await setSessionStage(db, session.id, stage);
  await touchSession(db, session, now);
  const current = { ...session, stage };
  if (stage !== 'active') return { auth: { state: 'pending', session: current, stage }, actor: null };

  const actor = actorOf(current, account.memberships);
  if (actor.organisationId !== session.organisationId) {
    await setSessionOrganisation(db, session.id, actor.organisationId);
    current.organisationId = actor.organisationId;
  }
  return { auth: { state: 'signed_in', session: current, account }, actor };
}
