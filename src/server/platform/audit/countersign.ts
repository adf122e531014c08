import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import type { CountersignatureRequest } from './api.ts';
import { checkpointNote } from './checkpoint.ts';
import { auditCheckpoints, auditWitnessSignatures } from './schema.ts';
import { verifyEd25519 } from './witness-keys.ts';

/** The countersignatures of the checkpoint of `treeSize`, oldest first, as the public checkpoint serves them. */
export async function countersignaturesOf(db: Database, treeSize: number) {
  const rows = await db
    .select()
    .from(auditWitnessSignatures)
    .where(eq(auditWitnessSignatures.treeSize, treeSize))
    .orderBy(asc(auditWitnessSignatures.receivedAt), asc(auditWitnessSignatures.keyId));
  return rows.map((row) => ({
    witness: row.witness,
    keyId: row.keyId,
    publicKey: row.publicKey,
    signature: row.signature,
    time: row.receivedAt.toISOString(),
  }));
}

/**
 * Stores a witness's signature of a checkpoint note. Only a configured witness key, only a checkpoint that
 * exists, only a signature that verifies; sending the same one again changes nothing. Nothing here is
 * appended to the log: a countersignature would otherwise make the log grow and call for a checkpoint to sign.
 */
export async function storeCountersignature(
  db: Database,
  config: Pick<Config, 'witnessKeys'>,
  request: z.infer<typeof CountersignatureRequest>,
) {
  const witness = config.witnessKeys.find((key) => key.keyId === request.keyId);
  if (!witness) throw new AppError('forbidden', { params: { reason: 'unknown_witness' } });
  const [checkpoint] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.treeSize, request.treeSize));
  if (!checkpoint) throw new AppError('not_found', { params: { reason: 'checkpoint_size' } });
  const note = checkpointNote({ ...checkpoint, time: checkpoint.signedAt });
  if (!verifyEd25519(witness.publicKey, note, request.signature)) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field: 'body.signature',
          code: 'invalid_signature',
          message: "not a valid Ed25519 signature of the checkpoint's note by this witness key",
        },
      ],
    });
  }
  await db
    .insert(auditWitnessSignatures)
    .values({
      treeSize: request.treeSize,
      keyId: witness.keyId,
      witness: witness.name,
      publicKey: witness.publicKey,
      signature: request.signature,
      receivedAt: new Date(),
    })
    .onConflictDoNothing();
  return { treeSize: request.treeSize, witness: witness.name, keyId: witness.keyId };
}
