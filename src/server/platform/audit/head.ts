import { eq } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import { MerkleFrontier } from './merkle.ts';
import { auditLogHead } from './schema.ts';

/** Nodes from this level up are stored (each covers 16 leaves or more); lower ones are rebuilt from leaves. */
export const STORED_NODE_MIN_LEVEL = 4;

/** Runs `work` in the caller's transaction, or in a new one when given the database itself. */
export function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction
    ? work(db as unknown as Database)
    : db.transaction((tx) => work(tx as unknown as Database));
}

/**
 * Locks the head row until the transaction ends and returns the tree it describes. Every append and every
 * signature goes through here, which is what keeps sequence numbers gapless and appends in one order.
 */
export async function lockHead(tx: Database): Promise<MerkleFrontier> {
  const select = () => tx.select().from(auditLogHead).where(eq(auditLogHead.id, 1)).for('update');
  let [head] = await select();
  if (!head) {
    await tx
      .insert(auditLogHead)
      .values({ id: 1, treeSize: 0, frontier: [], updatedAt: new Date() })
      .onConflictDoNothing();
    [head] = await select();
  }
  return new MerkleFrontier(
    head!.treeSize,
    head!.frontier.map((hex) => Buffer.from(hex, 'hex')),
  );
}

export async function saveHead(tx: Database, frontier: MerkleFrontier): Promise<void> {
  await tx
    .update(auditLogHead)
    .set({
      treeSize: frontier.size,
      frontier: frontier.hashes.map((h) => h.toString('hex')),
      updatedAt: new Date(),
    })
    .where(eq(auditLogHead.id, 1));
}

/** The head as stored, without locking it (verification compares it with the rebuilt tree). */
export async function readHead(db: Database): Promise<{ treeSize: number; frontier: string[] } | undefined> {
  const [head] = await db
    .select({ treeSize: auditLogHead.treeSize, frontier: auditLogHead.frontier })
    .from(auditLogHead)
    .where(eq(auditLogHead.id, 1));
  return head;
}
