import { organisationsByIds } from '../platform/accounts/directory.ts';
import type { AuditActor } from '../platform/audit/log.ts';
import type { Actor } from '../platform/context.ts';
import type { Database } from '../platform/db/client.ts';
import { AppError } from '../platform/http/errors.ts';

export const auditActorOf = (actor: Actor): AuditActor => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

/** Today in UTC, YYYY-MM-DD. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Refuses organisation ids that name no organisation, each by its field. */
export async function requireOrganisations(
  db: Database,
  given: readonly { field: string; id: string }[],
): Promise<Map<string, { id: string; name: string; kind: string; homeState: string }>> {
  const found = await organisationsByIds(
    db,
    given.map((item) => item.id),
  );
  const errors = given
    .filter((item) => !found.has(item.id))
    .map((item) => ({ field: item.field, code: 'unknown', message: 'no such organisation' }));
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  return found;
}

/** A refusal of a forum rule: 409 with its reason (texts in problems/<part>.ts). */
export const refused = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('conflict', { params: { reason, ...params } });

/** A refusal because the caller's organisation does not hold the role the rule needs (403 with its reason). */
export const notYours = (reason: string) => new AppError('forbidden', { params: { reason } });
