import type { Role } from '../../../shared/vocabulary.ts';
import type { Actor, RequestContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';

/**
 * Whether the actor holds the permission through a role in their active organisation. `actor.roles` are the
 * roles of that membership only, so a role held in another organisation never counts here.
 */
export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const holders: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((role) => holders.includes(role));
}

/**
 * The first line of a service function: the actor, when they hold the permission; otherwise 401
 * `unauthenticated` (nobody signed in) or 403 `forbidden`.
 */
export function authorize(ctx: Pick<RequestContext, 'actor'>, permission: Permission): Actor {
  const { actor } = ctx;
  if (!actor) throw new AppError('unauthenticated');
  if (!can(actor, permission)) throw new AppError('forbidden');
  return actor;
}
