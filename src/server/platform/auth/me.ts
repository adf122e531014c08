import type { Me } from '../../../shared/accounts.ts';
import type { Config } from '../../config.ts';
import type { Actor, RequestContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { PERMISSIONS, type Permission } from '../policy/permissions.ts';
import { can } from '../policy/policy.ts';
import { type RequestAuth, signInRequired } from './request-auth.ts';
import { type Account, actorOf } from './resolve.ts';
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

/** The session and account as this request resolved them: read once per request, not again here. */
function signedIn(auth: RequestAuth): { session: SessionRow; account: Account } {
  if (auth.state !== 'signed_in') throw signInRequired({ auth });
  return auth;
}

export function getMe(ctx: RequestContext, auth: RequestAuth): Me {
  const { session, account } = signedIn(auth);
  return presentMe(account, session, ctx.platform.config);
}

/** The organisation switcher: act for another organisation the person belongs to. */
export async function switchOrganisation(ctx: RequestContext, auth: RequestAuth, organisationId: string): Promise<Me> {
  const { session, account } = signedIn(auth);
  if (!account.memberships.some((m) => m.organisation.id === organisationId)) throw notFound('organisation');
  await setSessionOrganisation(ctx.db, session.id, organisationId);
  return presentMe(account, { ...session, organisationId }, ctx.platform.config);
}
