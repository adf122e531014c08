import type { z } from 'zod';
import type { AccessLogEntry, AuditEntry, Checkpoint as CheckpointView } from './api.ts';
import { type Checkpoint, checkpointNote } from './checkpoint.ts';
import type { accessLog, auditEntries } from './schema.ts';

const actorOf = (row: { actorUserId: string | null; organisationId: string | null }) =>
  row.actorUserId && row.organisationId ? { userId: row.actorUserId, organisationId: row.organisationId } : null;

type Countersignature = z.infer<typeof CheckpointView>['countersignatures'][number];

export function presentCheckpoint(
  checkpoint: Checkpoint,
  countersignatures: Countersignature[] = [],
): z.infer<typeof CheckpointView> {
  return {
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    time: checkpoint.time.toISOString(),
    algorithm: 'Ed25519',
    keyId: checkpoint.keyId,
    publicKey: checkpoint.publicKey,
    signature: checkpoint.signature,
    note: checkpointNote(checkpoint),
    countersignatures,
  };
}

export function presentEntry(
  row: typeof auditEntries.$inferSelect,
  details: string | null | undefined,
): z.infer<typeof AuditEntry> {
  return {
    seq: row.seq,
    recordedAt: row.recordedAt.toISOString(),
    actor: actorOf(row),
    eventType: row.eventType,
    subject: row.subject,
    detailsHash: row.detailsHash,
    leafHash: row.leafHash,
    ...(typeof details === 'string' ? { details: JSON.parse(details) as Record<string, unknown> } : {}),
  };
}

export function presentAccess(row: typeof accessLog.$inferSelect): z.infer<typeof AccessLogEntry> {
  return {
    id: row.id,
    recordedAt: row.recordedAt.toISOString(),
    actor: actorOf(row),
    recordType: row.recordType,
    recordId: row.recordId,
    purpose: row.purpose,
  };
}
