import { z } from 'zod';
import { zoneEvents } from '../../zones/events.ts';
import { accountEvents } from '../accounts/events.ts';
import { cryptoEvents } from '../crypto/events.ts';
import { policyEvents } from '../policy/events.ts';
import { auditCode, auditCount, defineAuditEvents } from './event-schema.ts';

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

/**
 * Every audit event type and the schema of its details. Each module declares its events in its own
 * `events.ts` with defineAuditEvents and adds one line here (`...accountEvents,`).
 */
export const auditEventSchemas = {
  ...auditEvents,
  ...accountEvents,
  ...cryptoEvents,
  ...policyEvents,
  ...zoneEvents,
} as const;

export type AuditEventType = keyof typeof auditEventSchemas;
export const AUDIT_EVENT_TYPES = Object.keys(auditEventSchemas) as [AuditEventType, ...AuditEventType[]];
