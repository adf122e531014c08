import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Keyring } from '../crypto/keyring.ts';
import type { Database } from '../db/client.ts';
import { anchorAccessLog } from './access-chain.ts';
import { inTransaction, lockHead } from './head.ts';
import { appendAudit } from './log.ts';
import { auditCheckpoints, auditSigningKeys } from './schema.ts';

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
export function signingKeyId(publicKey: string): string {
  return hash('sha256', Buffer.from(publicKey, 'base64'), 'hex').slice(0, 16);
}

export function verifyCheckpointSignature(
  checkpoint: Pick<Checkpoint, 'treeSize' | 'rootHash' | 'time' | 'signature' | 'keyId'>,
  publicKey: string,
): boolean {
  try {
    if (signingKeyId(publicKey) !== checkpoint.keyId) return false;
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    return verify(null, Buffer.from(checkpointNote(checkpoint)), key, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Signs a checkpoint of the log as it is now, when it grew since the last checkpoint (otherwise returns the
 * last one, `signed: false`). Creates the signing key on first need, and records that in the log before
 * signing, so the first checkpoint covers it. Returns null only when there is nothing to sign yet. The access
 * log's head is anchored first when it moved (access-chain.ts), so the checkpoint covers that too.
 */
export async function signCheckpoint(
  db: Database,
  keyring: Keyring,
): Promise<{ checkpoint: Checkpoint; signed: boolean } | null> {
  return inTransaction(db, async (tx) => {
    let frontier = await lockHead(tx);
    if (await anchorAccessLog(tx)) frontier = await lockHead(tx);
    const latest = await latestCheckpoint(tx);
    if (latest && latest.treeSize === frontier.size) return { checkpoint: latest, signed: false };

    let key = await currentSigningKey(tx);
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
    return { checkpoint: { ...unsigned, signature, keyId: key.id, publicKey: key.publicKey }, signed: true };
  });
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

async function currentSigningKey(db: Database) {
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
