import { z } from 'zod';
import type { JsonValue } from './canonical.ts';

/**
 * Building blocks for the audit event schemas each module declares in its own `events.ts`. Details hold ids
 * and non-personal facts only: never names, contact details, dates of birth or free text. Prefer these
 * blocks to bare strings, so that nothing personal fits.
 */
export const auditId = z.uuid().transform((id) => id.toLowerCase());
/** A machine code (a role, a status, a key id): lower-case letters, digits and `_ . : -`. */
export const auditCode = z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,99}$/);
export const auditCount = z.number().int().nonnegative();

export type AuditDetailsSchema = z.ZodType<{ [key: string]: JsonValue | undefined }>;

/** Event types read `<module>.<what_happened>` in the past tense, e.g. `account.user_created`. */
export const AUDIT_EVENT_TYPE = /^[a-z][a-z_]*\.[a-z][a-z_]*$/;

/** Declares a module's audit events; the registry in audit/events.ts spreads them in. */
export function defineAuditEvents<const T extends Record<string, AuditDetailsSchema>>(events: T): T {
  for (const type of Object.keys(events)) {
    if (!AUDIT_EVENT_TYPE.test(type)) throw new Error(`audit event type "${type}" must read module.what_happened`);
  }
  return events;
}
