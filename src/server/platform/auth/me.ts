import type { Me } from '../../../shared/accounts.ts';
import type { Config } from '../../config.ts';
import { findUserById } from '../accounts/directory.ts';
import type { Actor, RequestContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { PERMISSIONS, type Permission } from '../policy/permissions.ts';
import { can } from '../policy/policy.ts';
import { type RequestAuth, signInRequired } from './request-auth.ts';
import { type Account, actorOf, loadAccount } from './resolve.ts';
import { type SessionRow, sessionExpiry, setSessionOrganisation } from './sessions.ts';

/** The permissions the actor holds in their active organisation, in the order of the permission table. */
export function permissionsOf(actor: Actor): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(actor, permission));
}

/** Who the signed-in person is, where they act now, what they may do: the staff workspace's first request. */
export function presentMe(
  account: Account,
  session: SessionRow,
  lifetimes: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
): Me {
  const actor = actorOf(session, account.memberships);
  const organisations = new Map(account.memberships.map((m) => [m.organisation.id, m.organisation]));
  const summary = (id: string) => {
    const { name, kind, homeState } = organisations.get(id)!;
    return { id, name, kind, homeState };
  };
  const expiry = sessionExpiry(session, lifetimes);
  return {
    user: { id: account.user.id, email: account.user.email, displayName: account.user.displayName },
    organisation: summary(actor.organisationId),
    roles: actor.roles,
    permissions: permissionsOf(actor),
    memberships: actor.memberships.map((m) => ({ organisation: summary(m.organisationId), roles: m.roles })),
    twoFactor: { enabled: account.standing.totpEnabled, required: account.standing.totpRequired },
    session: {
      idleExpiresAt: expiry.idleExpiresAt.toISOString(),
      absoluteExpiresAt: expiry.absoluteExpiresAt.toISOString(),
      idleMinutes: lifetimes.sessionIdleMinutes,
    },
  };
}

function signedInSession(auth: RequestAuth): SessionRow {
  if (auth.state !== 'signed_in') throw signInRequired({ auth });
  return auth.session;
}

async function currentAccount(ctx: RequestContext, session: SessionRow): Promise<Account> {
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw notFound('user');
  return loadAccount(ctx.db, user);
}

export async function getMe(ctx: RequestContext, auth: RequestAuth): Promise<Me> {
  const session = signedInSession(auth);
  return presentMe(await currentAccount(ctx, session), session, ctx.platform.config);
}

/** The organisation switcher: act for another organisation the person belongs to. */
export async function switchOrganisation(ctx: RequestContext, auth: RequestAuth, organisationId: string): Promise<Me> {
  const session = signedInSession(auth);
  const account = await currentAccount(ctx, session);
  if (!account.memberships.some((m) => m.organisation.id === organisationId)) throw notFound('organisation');
  await setSessionOrganisation(ctx.db, session.id, organisationId);
  return presentMe(account, { ...session, organisationId }, ctx.platform.config);
}
