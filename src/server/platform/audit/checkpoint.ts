import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from '../db/client.ts';
import { anchorAccessLog } from './access-chain.ts';
import { inTransaction, lockHead } from './head.ts';
import { appendAudit } from './log.ts';
import { auditCheckpoints, auditEntries, auditSigningKeys } from './schema.ts';
import { ed25519KeyId, verifyEd25519 } from './witness-keys.ts';

/** A signed statement that the log had `treeSize` entries with this root at `time`. */
export interface Checkpoint {
  treeSize: number;
  /** Hex RFC 6962 root hash. */
  rootHash: string;
  time: Date;
  /** Ed25519 signature of `checkpointNote(...)`, base64. */
  signature: string;
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

const NOTE_ORIGIN = 'Homeward transparency log v1';

/**
 * The exact text a checkpoint's signature covers: an origin line, the tree size, the hex root hash and the
 * ISO 8601 time, each followed by a line feed. Anyone holding the public key can check it.
 */
export function checkpointNote(checkpoint: { treeSize: number; rootHash: string; time: Date }): string {
  return `${NOTE_ORIGIN}\n${checkpoint.treeSize}\n${checkpoint.rootHash}\n${checkpoint.time.toISOString()}\n`;
}

/** A key's id: the first 16 hex digits of SHA-256 of the raw public key. */
export const signingKeyId = ed25519KeyId;

export function verifyCheckpointSignature(
  checkpoint: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'time' | 'signature' | 'keyId'>,
  publicKey: string,
): boolean {
  return (
    signingKeyId(publicKey) === checkpoint.keyId &&
    verifyEd25519(publicKey, checkpointNote(checkpoint), checkpoint.signature)
  );
}

/** The signing key stored is not the one configuration pins (HOMEWARD_AUDIT_SIGNING_KEY_ID). */
export class SigningKeyMismatchError extends Error {
  override name = 'SigningKeyMismatchError';
  constructor(pinned: string, stored: string | undefined) {
    super(
      stored
        ? `the transparency log's signing key is ${stored}, but HOMEWARD_AUDIT_SIGNING_KEY_ID pins ${pinned}: ` +
            'the stored key was replaced, or the pin is out of date'
        : `HOMEWARD_AUDIT_SIGNING_KEY_ID pins ${pinned}, but the database holds no signing key: it was removed, ` +
            'or this is not the database the pin belongs to',
    );
  }
}

/** The subject of the entry that records a checkpoint, appended right after it (one per tree size). */
export const checkpointSubject = (treeSize: number) => `audit-checkpoint:${treeSize}`;

/**
 * Signs a checkpoint of the log as it is now, when it grew since the last checkpoint (otherwise returns the
 * last one, `signed: false`). Creates the signing key on first need, and records that in the log before
 * signing, so the first checkpoint covers it. The access log's head is anchored first when it moved
 * (access-chain.ts), so the checkpoint covers that too. Then appends `audit.checkpoint_signed` with the
 * checkpoint's size and root, so that deleting checkpoint rows shows in `audit verify`; entries about the
 * checkpoint do not count as growth, or every checkpoint would call for another. With `pinnedKeyId`, refuses
 * (SigningKeyMismatchError) to sign with, or create, any other key. Returns null only when there is nothing to
 * sign yet.
 */
export async function signCheckpoint(
  db: Database,
  keyring: Keyring,
  options: { pinnedKeyId?: string | undefined } = {},
): Promise<{ checkpoint: Checkpoint; signed: boolean } | null> {
  return inTransaction(db, async (tx) => {
    let frontier = await lockHead(tx);
    let key = await currentSigningKey(tx);
    if (options.pinnedKeyId && key?.id !== options.pinnedKeyId) {
      throw new SigningKeyMismatchError(options.pinnedKeyId, key?.id);
    }
    if (await anchorAccessLog(tx)) frontier = await lockHead(tx);
    const latest = await latestCheckpoint(tx);
    if (latest && (await onlyRecordedSince(tx, latest, frontier.size))) return { checkpoint: latest, signed: false };

    if (!key) {
      key = await createSigningKey(tx, keyring);
      frontier = await lockHead(tx);
    }
    if (frontier.size === 0) return null;

    const unsigned = { treeSize: frontier.size, rootHash: frontier.root().toString('hex'), time: new Date() };
    const privateKey = createPrivateKey({
      key: Buffer.from(await keyring.decrypt(tx, key.privateKey, 'audit-signing'), 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    const signature = sign(null, Buffer.from(checkpointNote(unsigned)), privateKey).toString('base64');
    await tx.insert(auditCheckpoints).values({
      treeSize: unsigned.treeSize,
      rootHash: unsigned.rootHash,
      signedAt: unsigned.time,
      signature,
      keyId: key.id,
    });
    await appendAudit(tx, {
      type: 'audit.checkpoint_signed',
      actor: null,
      subject: checkpointSubject(unsigned.treeSize),
      details: {
        treeSize: unsigned.treeSize,
        rootHash: unsigned.rootHash,
        keyId: key.id,
        signedAt: unsigned.time.toISOString(),
      },
    });
    return { checkpoint: { ...unsigned, signature, keyId: key.id, publicKey: key.publicKey }, signed: true };
  });
}

/**
 * Whether the log holds nothing after `latest` but entries about it (subject `audit-checkpoint:<size>`, as the
 * entry recording it), which are bookkeeping of the checkpoint, not growth.
 */
async function onlyRecordedSince(tx: Database, latest: Checkpoint, size: number): Promise<boolean> {
  if (size === latest.treeSize) return true;
  const [other] = await tx
    .select({ seq: auditEntries.seq })
    .from(auditEntries)
    .where(and(gt(auditEntries.seq, latest.treeSize), ne(auditEntries.subject, checkpointSubject(latest.treeSize))))
    .limit(1);
  return other === undefined;
}

/** The checkpoint of the largest tree signed so far, with its key. */
export async function latestCheckpoint(db: Database): Promise<Checkpoint | null> {
  const [row] = await checkpointsWithKeys(db).orderBy(desc(auditCheckpoints.treeSize)).limit(1);
  return row ? toCheckpoint(row) : null;
}

/** Every checkpoint, smallest tree first, with its key (verification checks them all). */
export async function allCheckpoints(db: Database): Promise<Checkpoint[]> {
  const rows = await checkpointsWithKeys(db).orderBy(auditCheckpoints.treeSize);
  return rows.map(toCheckpoint);
}

function checkpointsWithKeys(db: Database) {
  return db
    .select({
      treeSize: auditCheckpoints.treeSize,
      rootHash: auditCheckpoints.rootHash,
      signedAt: auditCheckpoints.signedAt,
      signature: auditCheckpoints.signature,
      keyId: auditCheckpoints.keyId,
      publicKey: auditSigningKeys.publicKey,
    })
    .from(auditCheckpoints)
    .innerJoin(auditSigningKeys, eq(auditSigningKeys.id, auditCheckpoints.keyId))
    .$dynamic();
}

function toCheckpoint(row: {
  treeSize: number;
  rootHash: string;
  signedAt: Date;
  signature: string;
  keyId: string;
  publicKey: string;
}): Checkpoint {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    time: row.signedAt,
    signature: row.signature,
    keyId: row.keyId,
    publicKey: row.publicKey,
  };
}

/** The key that signs new checkpoints: the newest stored. */
export async function currentSigningKey(db: Database) {
  const [key] = await db.select().from(auditSigningKeys).orderBy(desc(auditSigningKeys.createdAt)).limit(1);
  return key;
}

async function createSigningKey(tx: Database, keyring: Keyring) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const [key] = await tx
    .insert(auditSigningKeys)
    .values({
      id: signingKeyId(raw),
      algorithm: 'ed25519',
      publicKey: raw,
      privateKey: await keyring.encrypt(tx, 'audit-signing', pkcs8),
      createdAt: new Date(),
    })
    .returning();
  await appendAudit(tx, {
    type: 'audit.signing_key_created',
    actor: null,
    subject: `audit-signing-key:${key!.id}`,
    details: { keyId: key!.id },
  });
  return key!;
}
