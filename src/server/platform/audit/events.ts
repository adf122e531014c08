import { z } from 'zod';
import type { PlatformAuditEventType } from '../../../shared/vocabulary.ts';
import { accountEvents } from '../accounts/events.ts';
import { cryptoEvents } from '../crypto/events.ts';
import { policyEvents } from '../policy/events.ts';
import { type AuditDetailsSchema, auditCode, auditCount, defineAuditEvents } from './event-schema.ts';

/** The transparency log's own events. */
export const auditEvents = defineAuditEvents({
  'audit.signing_key_created': z.strictObject({ keyId: auditCode }),
  /** Appended right after each checkpoint: its size and root, so that deleting the checkpoint shows. */
  'audit.checkpoint_signed': z.strictObject({
    treeSize: auditCount,
    rootHash: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: auditCode,
    signedAt: z.iso.datetime(),
  }),
  /** The access log's hash chain had `size` rows, the last with hash `headHash` (see access-chain.ts). */
  'audit.access_log_anchored': z.strictObject({ size: auditCount, headHash: z.string().regex(/^[0-9a-f]{64}$/) }),
});

/** The platform's own events: the log's, accounts', keys' and agreements'. */
const platformAuditEvents = {
  ...auditEvents,
  ...accountEvents,
  ...cryptoEvents,
  ...policyEvents,
} as const;

/** The compiler holds the schemas to the list the screens read (src/shared/vocabulary.ts), both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTheList: Same<keyof typeof platformAuditEvents, PlatformAuditEventType> = true;
void schemasMatchTheList;

/**
 * The audit events of the feature modules, by type. A module adds its own by declaration merging in its
 * `module.ts`, so that appendAudit checks their details at compile time:
 *
 *   declare module '../platform/audit/events.ts' { interface ModuleAuditEvents extends ZoneAuditEvents {} }
 *
 * and its schemas join the registry at run time through registerAuditEvents (installModules calls it).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging.
export interface ModuleAuditEvents {}

export type AuditEventSchemas = typeof platformAuditEvents & ModuleAuditEvents;
export type AuditEventType = keyof AuditEventSchemas & string;

/** Every audit event type and the schema of its details: the platform's, then each registered module's. */
export const auditEventSchemas: typeof platformAuditEvents & Record<string, AuditDetailsSchema> = {
  ...platformAuditEvents,
};

/**
 * Adds a module's events to the registry. An event without a schema, or a type another owner already declared
 * with a different schema, stops the start-up with a message naming the module and the event.
 */
export function registerAuditEvents(owner: string, events: Readonly<Record<string, AuditDetailsSchema>>): void {
  for (const [type, schema] of Object.entries(events)) {
    if (!isSchema(schema)) throw new Error(`module "${owner}": audit event "${type}" declares no schema`);
    const known = auditEventSchemas[type];
    if (known && known !== schema) throw new Error(`module "${owner}": audit event "${type}" is already declared`);
    auditEventSchemas[type] = schema;
  }
}

const isSchema = (value: unknown): value is AuditDetailsSchema =>
  typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';

/** The event types known now: the platform's and those of every module registered so far. */
export const auditEventTypes = (): [AuditEventType, ...AuditEventType[]] =>
  Object.keys(auditEventSchemas) as [AuditEventType, ...AuditEventType[]];
