import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { newId } from '../db/columns.ts';
import { DATA_KEY_BYTES, unwrapDataKey, wrapDataKey } from './data-keys.ts';
import { DecryptionError, MasterKeyMismatchError } from './keyring.ts';
import type { MasterKey } from './master-key.ts';
import { dataKeys } from './schema.ts';

export interface RotationOptions {
  /** Also start new encryption keys for new writes; the old ones are retired but kept for decryption. */
  newDataKeys?: boolean;
  /** Runs inside the rotation's transaction, after the keys are rewrapped (the audit entry is written here). */
  record?: (tx: Database, result: RotationResult) => Promise<void>;
}

export interface RotationResult {
  previousMasterKeyId: string;
  masterKeyId: string;
  rewrapped: number;
  /** Purposes that got a new encryption key. */
  newDataKeyPurposes: string[];
}

/**
 * Rewraps every data key from the current master key to the next one, in one transaction: either every key
 * moves to the new master key or none does. Blind-index keys are rewrapped, never replaced, so every stored
 * index keeps matching.
 */
export async function rotateMasterKey(
  db: Database,
  current: MasterKey,
  next: MasterKey,
  options: RotationOptions = {},
): Promise<RotationResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(dataKeys).orderBy(dataKeys.id).for('update');
    for (const row of rows) {
      if (row.masterKeyId !== current.id) throw new MasterKeyMismatchError(row.masterKeyId, current);
      const key = unwrapDataKey(current, row);
      if (!key) throw new DecryptionError(`data key ${row.id} is damaged (it does not unwrap with the master key)`);
      await tx
        .update(dataKeys)
        .set({ wrappedKey: wrapDataKey(next, row, key), masterKeyId: next.id })
        .where(eq(dataKeys.id, row.id));
    }

    const newDataKeyPurposes: string[] = [];
    if (options.newDataKeys) {
      const retired = await tx
        .update(dataKeys)
        .set({ retiredAt: new Date() })
        .where(and(eq(dataKeys.kind, 'encryption'), isNull(dataKeys.retiredAt)))
        .returning({ purpose: dataKeys.purpose });
      for (const { purpose } of retired.sort((a, b) => a.purpose.localeCompare(b.purpose))) {
        const row = { id: newId(), purpose, kind: 'encryption' as const };
        const wrappedKey = wrapDataKey(next, row, randomBytes(DATA_KEY_BYTES));
        await tx.insert(dataKeys).values({ ...row, wrappedKey, masterKeyId: next.id });
        newDataKeyPurposes.push(purpose);
      }
    }

    const result = {
      previousMasterKeyId: current.id,
      masterKeyId: next.id,
      rewrapped: rows.length,
      newDataKeyPurposes,
    };
    await options.record?.(tx, result);
    return result;
  });
}
