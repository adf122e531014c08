import type { Database } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { accessChainHash, lockAccessHead, saveAccessHead } from './access-chain.ts';
import { inTransaction } from './head.ts';
import type { AuditActor } from './log.ts';
import { accessLog } from './schema.ts';

/** What kind of record was read (`person`, `case`, `grievance`…) and why: codes, never free text. */
export const ACCESS_CODE = /^[a-z][a-z0-9_.-]{0,63}$/;
/** The id of the record read: an identifier, never a name. */
export const ACCESS_RECORD_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class AccessLogError extends Error {
  override name = 'AccessLogError';
}

export interface AccessRecord {
  /** Who read: a person in the organisation they act for, or null for the system. */
  actor: AuditActor | null;
  recordType: string;
  /** One record, or every record of a list that was read at once. */
  recordId: string | readonly string[];
  /** Why it was read, e.g. `case_management`, `protection_follow_up`, `audit`. */
  purpose: string;
}

/**
 * Records that personal records were read. Every module calls this wherever it shows personal data, in the
 * same transaction or database handle as the read. The rows join the access log's hash chain under its head
 * lock, which is held until the transaction ends.
 */
export async function recordAccess(db: Database, access: AccessRecord): Promise<void> {
  const ids = typeof access.recordId === 'string' ? [access.recordId] : [...access.recordId];
  if (!ACCESS_CODE.test(access.recordType)) throw new AccessLogError('access record type must be a code');
  if (!ACCESS_CODE.test(access.purpose)) throw new AccessLogError('access purpose must be a code');
  if (!ids.every((id) => ACCESS_RECORD_ID.test(id))) throw new AccessLogError('access record ids must be ids');
  if (ids.length === 0) return;
  const actorUserId = access.actor?.userId.toLowerCase() ?? null;
  const organisationId = access.actor?.organisationId.toLowerCase() ?? null;
  await inTransaction(db, async (tx) => {
    const head = await lockAccessHead(tx);
    const recordedAt = new Date();
    let { size, headHash } = head;
    const rows = ids.map((recordId) => {
      const row = {
        seq: size + 1,
        id: newId(),
        recordedAt,
        actorUserId,
        organisationId,
        recordType: access.recordType,
        recordId,
        purpose: access.purpose,
        prevHash: headHash,
      };
      const hash = accessChainHash(row);
      size += 1;
      headHash = hash;
      return { ...row, hash };
    });
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(accessLog).values(rows.slice(i, i + 1000));
    await saveAccessHead(tx, size, headHash);
  });
}
