import { z } from 'zod';
import { auditCode, auditCount, defineAuditEvents } from '../audit/event-schema.ts';

/** Audit events of the keyring: key fingerprints and counts, never key material. */
export const cryptoEvents = defineAuditEvents({
  'crypto.master_key_rotated': z.strictObject({
    previousMasterKeyId: auditCode,
    masterKeyId: auditCode,
    rewrappedDataKeys: auditCount,
    newDataKeyPurposes: z.array(auditCode),
  }),
});
