import type { z } from 'zod';
import type {
  AccessLogEntry as AccessLogEntrySchema,
  AccessLogPage as AccessLogPageSchema,
  AuditEntryPage as AuditEntryPageSchema,
  AuditEntry as AuditEntrySchema,
  Checkpoint as CheckpointSchema,
  VerifyResult as VerifyResultSchema,
} from '../../../server/platform/audit/api.ts';

/** The transparency-log and access-log API shapes (types only; the schemas stay on the server). */
export type Checkpoint = z.infer<typeof CheckpointSchema>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditEntryPage = z.infer<typeof AuditEntryPageSchema>;
export type VerifyResult = z.infer<typeof VerifyResultSchema>;
export type AccessLogEntry = z.infer<typeof AccessLogEntrySchema>;
export type AccessLogPage = z.infer<typeof AccessLogPageSchema>;
