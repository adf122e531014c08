import type { AuditActor } from '../platform/audit/log.ts';
import type { Actor } from '../platform/context.ts';
import type { FieldError } from '../platform/http/errors.ts';

export const auditActorOf = (actor: Actor): AuditActor => ({
  userId: actor.userId,
  organisationId: actor.organisationId,
});

/** The current month in UTC, YYYY-MM. */
export const currentPeriod = (now = new Date()): string => now.toISOString().slice(0, 7);

export const fieldError = (field: string, code: string, message: string): FieldError => ({ field, code, message });
